import { assign, setup } from 'xstate';
import { crewQuantityKey, thrusterGroupKey } from '../rules/quantities';
import { statusKey, statusSeverity } from '../rules/systemStatus';
import type { DecidableOutcome } from '../types';
import {
  type CrewReturnContext,
  type CrewReturnEvent,
  type CrewReturnInput,
  currentRecommendation,
  currentSituation,
  replacementVehicleId,
} from './context';
import { guards } from './guards';
import { openPoll, type Poll, type PollClosing } from './poll';

const outcomeTargets: Record<DecidableOutcome, string> = {
  'return-on-damaged-vehicle': '#crewReturn.returnOnDamagedVehicle',
  'return-reduced-crew': '#crewReturn.returnReducedCrew',
  'launch-replacement': '#crewReturn.replacementCampaign',
  'emergency-return': '#crewReturn.emergencyReturn',
  'continue-with-contingency': '#crewReturn.contingency',
};

export const crewReturnMachine = setup({
  types: {
    context: {} as CrewReturnContext,
    events: {} as CrewReturnEvent,
    input: {} as CrewReturnInput,
  },
  guards,
  actions: {
    stamp: assign({ nowUtc: ({ event }) => event.at }),
    detectAnomaly: assign({ anomalyDetected: true }),
    departDamagedVehicle: assign({ damagedVehicleDepartedUtc: ({ event }) => event.at }),
    declareStationUnsafe: assign({ stationUnsafe: true }),
    recordValue: assign({
      values: ({ context, event }) => {
        if (event.type !== 'inspection.finding' && event.type !== 'assessment.report') return context.values;
        const values = { ...context.values };
        if (event.quantity !== undefined && event.value) {
          const key =
            event.crewCount !== undefined
              ? crewQuantityKey(event.quantity, event.crewCount)
              : event.thrusterGroup !== undefined
                ? thrusterGroupKey(event.quantity, event.thrusterGroup)
                : event.quantity;
          values[key] = event.value;
        }
        if (event.status && event.module && event.system) {
          const odds = Object.entries(event.odds ?? {}).map(([status, probability]) => ({
            value: statusSeverity[status as keyof typeof statusSeverity],
            probability: probability ?? 0,
          }));
          values[statusKey(event.module, event.system)] = {
            nominal: statusSeverity[event.status],
            source: event.sources?.[0] ?? 'reported',
            ...(odds.length ? { odds } : {}),
          };
        }
        return values;
      },
    }),
    changeThreshold: assign({
      thresholds: ({ context, event }) =>
        event.type === 'thresholds.change' ? { ...context.thresholds, [event.key]: event.value } : context.thresholds,
    }),
    relocateSeat: assign({
      seatByCrewId: ({ context, event }) =>
        event.type === 'seats.relocate' ? { ...context.seatByCrewId, [event.crewId]: event.vehicleId } : context.seatByCrewId,
    }),
    transferSeatsToReplacement: assign({
      seatByCrewId: ({ context }) => Object.fromEntries(context.setup.crew.map((c) => [c.id, replacementVehicleId])),
    }),
    raiseCommonCause: assign({
      values: ({ context, event }) => {
        const open = (context.values.openCommonCauseQuestions?.nominal ?? 0) + 1;
        const hold = event.type === 'commonCause.raise' ? event.holdDays : undefined;
        return {
          ...context.values,
          openCommonCauseQuestions: { nominal: open, source: 'derived' },
          ...(hold ? { commonCauseHoldDays: hold } : {}),
        };
      },
    }),
    clearCommonCause: assign({
      values: ({ context }) => ({
        ...context.values,
        openCommonCauseQuestions: {
          nominal: Math.max(0, (context.values.openCommonCauseQuestions?.nominal ?? 0) - 1),
          source: 'derived',
        },
      }),
    }),
    openPoll: assign({
      polls: ({ context, event }) => {
        if (event.type !== 'poll.open') return context.polls;
        const { outcome, positions, by, at } = event;
        return [
          ...closeOpenPoll(context, 'superseded', at),
          {
            number: context.polls.length + 1,
            outcome,
            positions,
            openedBy: by,
            openedUtc: at,
            answers: [],
            disposition: null,
            closed: null,
          },
        ];
      },
    }),
    recordVote: assign({
      polls: ({ context, event }) => {
        const poll = openPoll(context.polls);
        if (event.type !== 'poll.vote' || !poll) return context.polls;
        const { position, vote, dissent, rationale, by, at } = event;
        const answer = { position, vote, dissent, rationale: rationale ?? '', by, atUtc: at };
        return [...context.polls.slice(0, -1), { ...poll, answers: [...poll.answers, answer] }];
      },
    }),
    recordDisposition: assign({
      polls: ({ context, event }) => {
        const poll = openPoll(context.polls);
        if (event.type !== 'poll.disposition' || !poll) return context.polls;
        const { kind, to, rationale, by, at } = event;
        const disposition = { kind, to: to ?? null, rationale, by, atUtc: at };
        return [...context.polls.slice(0, -1), { ...poll, disposition }];
      },
    }),
    /** New data or an emergency ends an open poll: its answers were given on what was known before. */
    withdrawPoll: assign({ polls: ({ context, event }) => closeOpenPoll(context, 'withdrawn', event.at) }),
    recordDecision: assign({
      decision: ({ context, event }) => {
        const recommendation = currentRecommendation(context);
        if (!recommendation) return context.decision;
        const { setup: _, ...basis } = currentSituation(context);
        const poll = event.type === 'station.emergency' ? null : (openPoll(context.polls)?.number ?? null);
        const base = { recommendation, by: event.by, atUtc: event.at, basis, poll };
        if (event.type === 'decision.override') {
          return { ...base, outcome: event.outcome, kind: 'overridden' as const, rationale: event.rationale };
        }
        if (event.type === 'station.emergency') {
          return {
            ...base,
            outcome: 'emergency-return' as const,
            kind: 'automatic' as const,
            rationale: 'station declared unsafe',
          };
        }
        const outcome = recommendation.outcome as DecidableOutcome;
        const rationale = event.type === 'decision.confirm' ? (event.rationale ?? '') : '';
        return { ...base, outcome, kind: 'confirmed' as const, rationale };
      },
      polls: ({ context, event }) =>
        closeOpenPoll(context, event.type === 'station.emergency' ? 'withdrawn' : 'decided', event.at),
    }),
  },
}).createMachine({
  id: 'crewReturn',
  context: ({ input }) => ({
    setup: input.setup,
    thresholds: input.thresholds,
    values: input.values ?? {},
    nowUtc: input.startUtc,
    anomalyDetected: false,
    stationUnsafe: false,
    seatByCrewId: Object.fromEntries(input.setup.crew.map((c) => [c.id, input.setup.damagedVehicle.id])),
    decision: null,
    polls: [],
    damagedVehicleDepartedUtc: null,
  }),
  initial: 'docked',
  on: {
    'thresholds.change': { guard: 'thresholdChangeValid', actions: ['stamp', 'changeThreshold'] },
  },
  states: {
    docked: {
      on: {
        'anomaly.detect': { target: 'anomaly', actions: ['stamp', 'detectAnomaly'] },
        'station.emergency': {
          target: 'emergencyReturn',
          actions: ['stamp', 'declareStationUnsafe', 'detectAnomaly', 'recordDecision'],
        },
        'return.undock': { target: 'nominalReturn', actions: 'stamp' },
      },
    },
    anomaly: {
      initial: 'safing',
      on: {
        'station.emergency': {
          target: 'emergencyReturn',
          actions: ['stamp', 'declareStationUnsafe', 'detectAnomaly', 'recordDecision'],
        },
      },
      states: {
        safing: {
          on: { 'safing.complete': { target: 'inspection', actions: 'stamp' } },
        },
        inspection: {
          on: {
            'inspection.finding': { actions: ['stamp', 'recordValue'] },
            'inspection.complete': { target: 'assessment', actions: 'stamp' },
          },
        },
        assessment: {
          on: {
            'assessment.report': { actions: ['stamp', 'recordValue'] },
            'inspection.finding': { target: 'inspection', actions: ['stamp', 'recordValue'] },
            'assessment.complete': { target: 'decision', actions: 'stamp' },
          },
        },
        decision: {
          on: {
            'inspection.finding': { target: 'inspection', actions: ['stamp', 'recordValue', 'withdrawPoll'] },
            'poll.open': { actions: ['stamp', 'openPoll'] },
            'poll.vote': { guard: 'voteCounts', actions: ['stamp', 'recordVote'] },
            'poll.disposition': { guard: 'dispositionValid', actions: ['stamp', 'recordDisposition'] },
            'decision.confirm': decidableTransitions('recommends'),
            'decision.override': decidableTransitions('overridesTo'),
          },
        },
      },
    },
    // The crew stays and keeps the vehicle while a rescue is prepared: a finding reopens the assessment,
    // a new decision (the rescue launched, or the return once cleared) leaves.
    contingency: {
      on: {
        'inspection.finding': { target: '#crewReturn.anomaly.inspection', actions: ['stamp', 'recordValue'] },
        'assessment.report': { actions: ['stamp', 'recordValue'] },
        'decision.confirm': decidableTransitions('recommends'),
        'decision.override': decidableTransitions('overridesTo'),
      },
    },
    returnOnDamagedVehicle: {
      initial: 'awaitingUndock',
      states: returnSequence('awaitingUndock'),
    },
    returnReducedCrew: {
      initial: 'relocatingSeats',
      states: {
        relocatingSeats: {
          on: {
            'seats.relocate': { guard: 'seatFree', actions: ['stamp', 'relocateSeat'] },
            'return.undock': { guard: 'reducedCrewAboard', target: 'undocked', actions: 'stamp' },
          },
        },
        ...returnSequence(null),
      },
    },
    replacementCampaign: {
      initial: 'interimPlan',
      on: {
        'station.emergency': { target: 'emergencyReturn', actions: ['stamp', 'declareStationUnsafe', 'recordDecision'] },
        'damagedVehicle.returnUncrewed': { guard: 'damagedVehicleEmpty', actions: ['stamp', 'departDamagedVehicle'] },
      },
      states: {
        interimPlan: {
          on: {
            'seats.relocate': { guard: 'seatFree', actions: ['stamp', 'relocateSeat'] },
            // A crew swap: this crew leaves now in the vehicle whose own crew waits for the replacement.
            'return.undock': { guard: 'swapCrewAboard', target: 'undocked', actions: 'stamp' },
            'campaign.interimPlanInPlace': { guard: 'interimPlanInPlace', target: 'preparingReplacement', actions: 'stamp' },
          },
        },
        preparingReplacement: {
          on: {
            'commonCause.raise': { target: 'launchHeld', actions: ['stamp', 'raiseCommonCause'] },
            'replacement.launch': { guard: 'commonCauseCleared', target: 'replacementInFlight', actions: 'stamp' },
          },
        },
        launchHeld: {
          on: {
            'commonCause.raise': { actions: ['stamp', 'raiseCommonCause'] },
            'commonCause.clear': [
              { guard: 'lastCommonCauseCleared', target: 'preparingReplacement', actions: ['stamp', 'clearCommonCause'] },
              { actions: ['stamp', 'clearCommonCause'] },
            ],
          },
        },
        replacementInFlight: { on: { 'replacement.dock': { target: 'replacementDocked', actions: 'stamp' } } },
        replacementDocked: {
          on: { 'seats.transfer': { target: 'seatLinersMoved', actions: ['stamp', 'transferSeatsToReplacement'] } },
        },
        seatLinersMoved: {
          on: {
            'damagedVehicle.returnUncrewed': {
              guard: 'damagedVehicleStillDocked',
              target: 'awaitingUndock',
              actions: ['stamp', 'departDamagedVehicle'],
            },
            'return.undock': { guard: 'damagedVehicleDeparted', target: 'undocked', actions: 'stamp' },
          },
        },
        ...returnSequence('awaitingUndock'),
      },
    },
    emergencyReturn: {
      initial: 'awaitingUndock',
      states: {
        ...returnSequence('awaitingUndock'),
        awaitingUndock: {
          on: {
            'seats.relocate': { guard: 'seatFree', actions: ['stamp', 'relocateSeat'] },
            'return.undock': { target: 'undocked', actions: 'stamp' },
          },
        },
      },
    },
    nominalReturn: {
      initial: 'undocked',
      states: returnSequence(null),
    },
    crewHome: { type: 'final' },
  },
});

function closeOpenPoll(context: CrewReturnContext, kind: PollClosing['kind'], atUtc: string): readonly Poll[] {
  const poll = openPoll(context.polls);
  return poll ? [...context.polls.slice(0, -1), { ...poll, closed: { kind, atUtc } }] : context.polls;
}

/** Undock → deorbit → landed, shared by every way home. `start` waits for the undock command. */
function returnSequence(start: 'awaitingUndock' | null) {
  return {
    ...(start ? { [start]: { on: { 'return.undock': { target: 'undocked', actions: 'stamp' as const } } } } : {}),
    undocked: { on: { 'return.deorbit': { target: 'descending', actions: 'stamp' as const } } },
    descending: { on: { 'return.land': { target: '#crewReturn.crewHome', actions: 'stamp' as const } } },
  };
}

function decidableTransitions(guard: 'recommends' | 'overridesTo') {
  return (Object.entries(outcomeTargets) as [DecidableOutcome, string][]).map(([outcome, target]) => ({
    guard: { type: guard, params: { outcome } },
    target,
    actions: ['stamp', 'recordDecision'] as const,
  }));
}
