/** Which transitions of the chart can fire now, guards checked by the machine itself. */
import type { SnapshotFrom } from 'xstate';
import { decidableOutcomes } from '../types';
import { crewReturnMachine } from './crewReturnMachine';
import { type CrewReturnEvent, crewReturnEventTypes } from './events';
import { activeStateIds, graphFromMachine, type StatechartGraph, transitionEdgeId } from './graph';
import { openPoll } from './poll';

type CrewReturnSnapshot = SnapshotFrom<typeof crewReturnMachine>;

/** The decision statechart's nodes and edges, read once from the machine. */
export const crewReturnGraph = graphFromMachine(crewReturnMachine.root);

/**
 * The ids of the transitions (edges of `crewReturnGraph`) that can fire from the snapshot now, guards
 * checked by the machine itself. Events with payloads are tried with every payload that could matter.
 */
export function availableTransitions(snapshot: CrewReturnSnapshot, graph: StatechartGraph = crewReturnGraph): Set<string> {
  const enabled = new Set<string>();
  if (snapshot.status === 'done') return enabled;
  const active = activeStateIds(graph, snapshot.value);
  const eventTypes = new Set(active.flatMap((id) => (graph.edgesBySource.get(id) ?? []).map((e) => e.eventType)));
  for (const event of sampleEvents(snapshot)) {
    if (!eventTypes.has(event.type)) continue;
    for (const d of crewReturnMachine.getTransitionData(snapshot, event)) {
      const index = d.source.transitions.get(d.eventType)?.indexOf(d) ?? -1;
      if (index >= 0) enabled.add(transitionEdgeId(d.source.id, d.eventType, index));
    }
  }
  return enabled;
}

/** One event of every type, and of those with payloads every payload that could matter (each outcome, each seat move). */
function sampleEvents(snapshot: CrewReturnSnapshot): CrewReturnEvent[] {
  const { setup, thresholds, nowUtc: at } = snapshot.context;
  const by = { name: 'probe', role: 'probe' };
  const [key, value] = Object.entries(thresholds)[0] ?? ['', 0];
  const vehicleIds = [setup.damagedVehicle.id, ...setup.otherVehicles.map((v) => v.id)];
  const report = { quantity: 'holeDiameterMm', value: { nominal: 0, source: 'assumed' }, at, by };
  return crewReturnEventTypes.flatMap((type): CrewReturnEvent[] => {
    switch (type) {
      case 'inspection.finding':
      case 'assessment.report':
        return [{ type, ...report }];
      case 'decision.override':
        return decidableOutcomes.map((outcome) => ({ type, outcome, rationale: 'probe', at, by }));
      case 'thresholds.change':
        return [{ type, key, value, at, by }];
      case 'seats.relocate':
        return setup.crew.flatMap((c) => vehicleIds.map((vehicleId) => ({ type, crewId: c.id, vehicleId, at, by })));
      case 'poll.open':
        return [{ type, outcome: 'launch-replacement', positions: ['probe'], at, by }];
      case 'poll.vote':
        return (openPoll(snapshot.context.polls)?.positions ?? []).map((position) => ({
          type,
          position,
          vote: 'go' as const,
          dissent: 'none' as const,
          at,
          by: { name: 'probe', role: position },
        }));
      case 'poll.disposition': {
        const poll = openPoll(snapshot.context.polls);
        return poll ? [{ type, kind: 'risk-accepted' as const, rationale: 'probe', at, by: poll.openedBy }] : [];
      }
      case 'session.note':
      case 'operator.handover':
      case 'odds.attach':
        return []; // record-only: no transition takes them
      default:
        return [{ type, at, by }];
    }
  });
}
