// Over 300 lines: the model-based exploration, its payload variants and the tag checks share one traversal of the chart.
import { describe, expect, it } from 'vitest';
import { type AnyStateNode, createActor, transition } from 'xstate';
import { adjacencyMapToArray, getAdjacencyMap, getShortestPaths } from 'xstate/graph';
import { type CrewReturnEvent, type CrewReturnInput, currentRecommendation } from '../machines/statechart/context';
import { crewReturnMachine } from '../machines/statechart/crewReturnMachine';
import { recordOnlyEventTypes } from '../machines/statechart/events';
import { activeStateNodes } from '../machines/statechart/graph';
import { refusalOf } from '../machines/statechart/refusal';
import { stateName } from '../machines/statechart/stateName';
import { decidableOutcomes } from '../machines/types';
import type { CrewReturnSnapshot } from '../src/session/fold';
import { dayAfterLaunchUtc, ev, modelInput, threeCrewSetup } from './support';

const report = (quantity: string, crewCount: number | undefined, nominal: number) =>
  ev('assessment.report', { quantity, ...(crewCount ? { crewCount } : {}), value: { nominal, source: 'assumed' } });

/** Payload variants chosen so that every recommendation, and so every confirm branch, is reachable. */
const events: CrewReturnEvent[] = [
  ev('anomaly.detect'),
  ev('safing.complete'),
  ev('station.emergency'),
  ev('inspection.finding', { quantity: 'holeDiameterMm', value: { nominal: 0.8, source: 'assumed' } }),
  ev('inspection.complete'),
  report('peakCabinTempC', 3, 25), // full crew passes → return on the damaged vehicle
  report('peakCabinTempC', 2, 25), // two pass nominal → reduced crew (when no replacement)
  report('peakCabinTempC', 2, 45), // two fail even the emergency tier → undecided
  report('replacementLeadTimeDays', undefined, 200), // replacement too late
  ev('assessment.complete'),
  ev('poll.open', { outcome: 'launch-replacement', positions: ['thermal'] }),
  { ...ev('poll.vote', { position: 'thermal', vote: 'go', dissent: 'none' }), by: { name: 'Tess Thermal', role: 'thermal' } },

  ev('decision.confirm'),
  ...decidableOutcomes.map((outcome) => ev('decision.override', { outcome, rationale: 'waiver recorded' })),
  ev('decision.override', { outcome: 'launch-replacement', rationale: ' ' }),
  ev('thresholds.change', { key: 'maxDescentCabinTempC.emergency', value: 41 }),
  ev('thresholds.change', { key: 'maxDescentCabinTempC.emergency', value: 10 }), // stricter than nominal: refused
  ev('seats.relocate', { crewId: 'fe2', vehicleId: 'dragon' }),
  ev('seats.relocate', { crewId: 'cdr', vehicleId: 'dragon' }), // cannot relocate there: refused
  ev('campaign.interimPlanInPlace'),
  ev('commonCause.raise', { holdDays: { nominal: 4, source: 'assumed' } }),
  ev('commonCause.clear'),
  ev('replacement.launch'),
  ev('replacement.dock'),
  ev('seats.transfer'),
  ev('damagedVehicle.returnUncrewed'),
  ev('return.undock'),
  ev('return.deorbit'),
  ev('return.land'),
];

/** What distinguishes states for the model: never the growing parts of the context. */
function serializeState(snapshot: CrewReturnSnapshot): string {
  const { context } = snapshot;
  return JSON.stringify([
    snapshot.value,
    currentRecommendation(context)?.outcome ?? null,
    context.values['peakCabinTempC.crew3']?.nominal,
    context.values['peakCabinTempC.crew2']?.nominal,
    context.values.replacementLeadTimeDays?.nominal,
    context.values['status.descent.parachutes']?.nominal,
    Math.min(context.values.openCommonCauseQuestions?.nominal ?? 0, 2),
    context.thresholds['maxDescentCabinTempC.emergency'],
    context.seatByCrewId,
    context.decision?.kind ?? null,
    context.decision?.outcome ?? null,
    context.damagedVehicleDepartedUtc !== null,
    // Whether a poll is open, and whether it waits for answers: the decision's guards read both.
    context.polls.at(-1)?.closed === null
      ? context.polls
          .at(-1)
          ?.answers.map((a) => a.dissent)
          .join()
      : 'none',
    context.polls.at(-1)?.disposition ? 'disposed' : '',
  ]);
}

const traversal = { input: modelInput, events, serializeState: serializeState as never, limit: 100_000 };

/**
 * A second mission: every crew member can move to a Dragon with three free seats, and the replacement
 * comes too late for the damaged vehicle, so everyone waits on the Dragon and the damaged vehicle leaves first.
 */
const allRelocatable: CrewReturnInput = {
  ...modelInput,
  setup: {
    ...threeCrewSetup,
    otherVehicles: threeCrewSetup.otherVehicles.map((v) => ({ ...v, seatsTaken: 1, launchedUtc: dayAfterLaunchUtc(95) })),
    crew: threeCrewSetup.crew.map((c) => ({ ...c, canRelocateTo: ['dragon'] })),
  },
};
const departureTraversal = {
  input: allRelocatable,
  events: [
    ev('anomaly.detect'),
    ev('safing.complete'),
    ev('inspection.complete'),
    report('replacementLeadTimeDays', undefined, 150),
    ev('assessment.complete'),
    ev('decision.confirm'),
    ...threeCrewSetup.crew.map((c) => ev('seats.relocate', { crewId: c.id, vehicleId: 'dragon' })),
    ev('campaign.interimPlanInPlace'),
    ev('damagedVehicle.returnUncrewed'),
    ev('replacement.launch'),
    ev('replacement.dock'),
    ev('seats.transfer'),
    ev('return.undock'),
  ],
  serializeState: serializeState as never,
  limit: 10_000,
};

/**
 * A third mission: the full crew passes every nominal rule but its parachutes are suspect, so the
 * recommendation is to continue with a rescue prepared; a finding that clears them reopens the assessment.
 */
const parachuteStatus = (status: 'suspect' | 'nominal') =>
  ev('inspection.finding', { module: 'descent', system: 'parachutes', status, sources: ['assumed'] });
const contingencyTraversal = {
  input: {
    ...modelInput,
    values: {
      ...modelInput.values,
      'peakCabinTempC.crew3': { nominal: 25, source: 'assumed' },
      'peakCabinHumidityPct.crew3': { nominal: 60, source: 'assumed' },
    },
  },
  events: [
    ev('anomaly.detect'),
    ev('safing.complete'),
    parachuteStatus('suspect'),
    ev('inspection.complete'),
    ev('assessment.complete'),
    ev('decision.confirm'),
    parachuteStatus('nominal'),
  ],
  serializeState: serializeState as never,
  limit: 10_000,
};

/**
 * A fourth mission: the damaged vehicle's window has failed, so it can neither fly its crew home nor be
 * a lifeboat; the full Dragon takes them home in a crew swap, and its own crew waits without a lifeboat
 * for the replacement, which this profile allows and the confirmation accepts.
 */
const swapTraversal = {
  input: {
    ...modelInput,
    thresholds: { ...modelInput.thresholds, maxDaysWithoutLifeboat: 60, maxImprovisedSeatsPerVehicle: 0 },
    setup: { ...threeCrewSetup, crew: threeCrewSetup.crew.map((c) => ({ ...c, canRelocateTo: ['dragon'] })) },
  },
  events: [
    ev('anomaly.detect'),
    ev('safing.complete'),
    ev('inspection.finding', { module: 'descent', system: 'windows', status: 'failed', sources: ['assumed'] }),
    ev('inspection.complete'),
    ev('assessment.complete'),
    ev('decision.confirm', { acceptsPeriodWithoutLifeboat: true, rationale: 'the Dragon crew accepts the wait' }),
    ...threeCrewSetup.crew.map((c) => ev('seats.relocate', { crewId: c.id, vehicleId: 'dragon' })),
    ev('return.undock'),
  ],
  serializeState: serializeState as never,
  limit: 10_000,
};

/** A fifth: a poll whose one position dissents formally; the decision waits for its disposition. */
const dissentTraversal = {
  input: modelInput,
  events: [
    ev('anomaly.detect'),
    ev('safing.complete'),
    ev('inspection.complete'),
    ev('assessment.complete'),
    ev('poll.open', { outcome: 'launch-replacement', positions: ['thermal'] }),
    {
      ...ev('poll.vote', { position: 'thermal', vote: 'no-go', dissent: 'formal', rationale: 'humidity unknown' }),
      by: { name: 'Tess Thermal', role: 'thermal' },
    },
    ev('poll.disposition', { kind: 'escalated', rationale: 'to the program board' }),
    ev('poll.disposition', { kind: 'escalated', to: 'the program manager', rationale: 'humidity not assessed' }),
    ev('decision.confirm'),
    ev('decision.override', { outcome: 'emergency-return', rationale: 'waiver recorded' }),
  ],
  serializeState: serializeState as never,
  limit: 10_000,
};

function allStateNodes(node: AnyStateNode): AnyStateNode[] {
  return [node, ...Object.values(node.states).flatMap(allStateNodes)];
}

describe('model-based: the statechart explored with xstate/graph', () => {
  // `accepted` is computed afresh: the map may hand back one stored snapshot for equal serializations.
  const edgesOf = (t: typeof traversal | typeof departureTraversal) =>
    (
      adjacencyMapToArray(getAdjacencyMap(crewReturnMachine, t)) as unknown as {
        state: CrewReturnSnapshot;
        event: CrewReturnEvent;
        nextState: CrewReturnSnapshot;
      }[]
    ).map((edge) => ({
      ...edge,
      accepted: transition(crewReturnMachine, edge.state, edge.event)[0] !== edge.state,
      // The state nodes each side is in, found through the machine's public definition.
      from: new Set(activeStateNodes(edge.state)),
      to: new Set(activeStateNodes(edge.nextState)),
    }));
  const edges = [
    ...edgesOf(traversal),
    ...edgesOf(departureTraversal),
    ...edgesOf(contingencyTraversal),
    ...edgesOf(swapTraversal),
    ...edgesOf(dissentTraversal),
  ];

  it('reaches every state node of the machine', () => {
    const reached = new Set(edges.flatMap((e) => [...e.from, ...e.to].map((n) => n.id)));
    const missing = allStateNodes(crewReturnMachine.root)
      .map((n) => n.id)
      .filter((id) => !reached.has(id));
    expect(missing).toEqual([]);
  });

  it('takes every transition of the machine (each guarded branch separately)', () => {
    const missing: string[] = [];
    for (const node of allStateNodes(crewReturnMachine.root)) {
      for (const [eventType, definitions] of node.transitions) {
        definitions.forEach((definition, index) => {
          const taken = edges.some(({ state, event, nextState, accepted, from, to }) => {
            if (event.type !== eventType || !from.has(node) || !accepted) return false;
            if (!definition.target?.length) return JSON.stringify(nextState.value) === JSON.stringify(state.value);
            return definition.target.every((t: AnyStateNode) => to.has(t));
          });
          if (!taken)
            missing.push(
              `${node.id} --${eventType}[${index}]--> ${definition.target?.map((t: AnyStateNode) => t.id).join(',') ?? '(self)'}`,
            );
        });
      }
    }
    expect(missing).toEqual([]);
  });

  it('tags the phases the app and the record ask about, and only those states', () => {
    const leaf = (nodes: Set<AnyStateNode>) => [...nodes].filter((n) => Object.keys(n.states).length === 0).map((n) => n.key);
    const seen = { assessing: new Set<boolean>(), deciding: new Set<boolean>(), leftStation: new Set<boolean>() };
    // Tags depend on the state value alone: one edge per value is enough.
    const byValue = new Map(edges.map((e) => [stateName(e.state.value), e]));
    for (const { state, from } of byValue.values()) {
      const expected = {
        assessing: ['safing', 'inspection', 'assessment'].some((phase) => state.matches({ anomaly: phase as never })),
        deciding: state.matches({ anomaly: 'decision' }),
        leftStation: leaf(from).some((key) => ['undocked', 'descending', 'crewHome'].includes(key)),
      };
      for (const tag of ['assessing', 'deciding', 'leftStation'] as const) {
        expect(state.hasTag(tag), `${stateName(state.value)} ${tag}`).toBe(expected[tag]);
        seen[tag].add(expected[tag]);
      }
    }
    expect(Object.values(seen).map((s) => s.size)).toEqual([2, 2, 2]);
  });

  it('refuses exactly what the chart does not take, always in words (a guard is its refusal)', () => {
    const unexplained: string[] = [];
    for (const { state, event, accepted } of edges) {
      const refusal = refusalOf(state, event);
      if (recordOnlyEventTypes.has(event.type)) continue;
      // Once the crew is home the session is closed, whatever a final state would still take.
      if (state.status === 'done') expect(refusal).toBe('the session has ended: the crew is home');
      else expect(refusal === null).toBe(accepted || state.can(event));
      if (refusal !== null && (/refused by|undefined|null/.test(refusal) || refusal.trim() === ''))
        unexplained.push(`${stateName(state.value)} ${event.type}: ${refusal}`);
    }
    expect(unexplained).toEqual([]);
  });

  it('every shortest path replays through a live actor to the same state', () => {
    const paths = getShortestPaths(crewReturnMachine, traversal);
    expect(paths.length).toBeGreaterThan(50);
    for (const path of paths) {
      const actor = createActor(crewReturnMachine, { input: modelInput }).start();
      for (const step of path.steps) actor.send(step.event as CrewReturnEvent);
      expect(actor.getSnapshot().value).toEqual(path.state.value);
      actor.stop();
    }
  });

  it('refuses what the rules forbid: no confirm while undecided, no empty override, no launch while held', () => {
    for (const { state, event, nextState, accepted } of edges.filter((e) => e.accepted)) {
      if (event.type === 'decision.confirm') expect(currentRecommendation(state.context)?.outcome).not.toBe('undecided');
      if (event.type === 'decision.override') expect(event.rationale.trim()).not.toBe('');
      if (event.type === 'replacement.launch') expect(stateName(state.value)).toBe('replacementCampaign.preparingReplacement');
      if (nextState.matches('crewHome') && !state.matches('crewHome'))
        expect([event.type, accepted]).toEqual(['return.land', true]);
    }
    const heldLaunches = edges.filter(
      (e) => e.event.type === 'replacement.launch' && stateName(e.state.value) === 'replacementCampaign.launchHeld',
    );
    expect(heldLaunches.length).toBeGreaterThan(0);
    expect(heldLaunches.every((e) => !e.accepted)).toBe(true);
    const undecidedConfirms = edges.filter(
      (e) =>
        e.event.type === 'decision.confirm' &&
        e.state.matches({ anomaly: 'decision' }) &&
        currentRecommendation(e.state.context)?.outcome === 'undecided',
    );
    expect(undecidedConfirms.length).toBeGreaterThan(0);
    expect(undecidedConfirms.every((e) => !e.accepted)).toBe(true);
  });
});

describe('when nobody waits on the damaged vehicle', () => {
  it('it leaves uncrewed ahead of the replacement, and the crew undock in the replacement without waiting for it', () => {
    const actor = createActor(crewReturnMachine, { input: allRelocatable }).start();
    const states: string[] = [];
    for (const event of departureTraversal.events) {
      actor.send(event);
      states.push(stateName(actor.getSnapshot().value));
    }
    const decided = actor.getSnapshot().context.decision?.recommendation;
    expect(decided).toMatchObject({
      outcome: 'launch-replacement',
      crewAboardDamagedVehicle: 0,
      damagedVehicleLeavesUncrewed: 'now',
    });
    expect(states.slice(-6)).toEqual([
      'replacementCampaign.preparingReplacement',
      'replacementCampaign.preparingReplacement',
      'replacementCampaign.replacementInFlight',
      'replacementCampaign.replacementDocked',
      'replacementCampaign.seatLinersMoved',
      'replacementCampaign.undocked',
    ]);
    expect(actor.getSnapshot().context.damagedVehicleDepartedUtc).not.toBeNull();
    // Once it has left, nobody can be seated on it again, and it cannot leave twice.
    expect(actor.getSnapshot().can(ev('damagedVehicle.returnUncrewed'))).toBe(false);
    actor.stop();
  });
});
