import type { AnyStateNode } from 'xstate';
import type { CrewReturnSnapshot } from '../../session/fold';
import { type CrewReturnEvent, crewReturnEventTypes, crewReturnMachine, decidableOutcomes } from '../../session/model';

export interface ChartTransition {
  eventType: string;
  /** Target state ids; empty for a transition that stays in its state. */
  targetIds: string[];
  guarded: boolean;
}

export interface ChartState {
  id: string;
  key: string;
  final: boolean;
  initial: boolean;
  children: ChartState[];
  transitions: ChartTransition[];
}

/** The machine's own structure, read from its definition: the diagram cannot drift from the model. */
export function chartFromMachine(node: AnyStateNode = crewReturnMachine.root): ChartState {
  const parentInitial = node.parent?.config.initial;
  return {
    id: node.id,
    key: node.key,
    final: node.type === 'final',
    initial: parentInitial === node.key,
    children: Object.values(node.states).map((child) => chartFromMachine(child)),
    transitions: [...node.transitions.entries()].flatMap(([eventType, definitions]) =>
      definitions.map((d) => ({
        eventType,
        targetIds: (d.target ?? []).map((t: AnyStateNode) => t.id),
        guarded: Boolean(d.guard),
      })),
    ),
  };
}

/**
 * Transitions that can fire from the snapshot now, guards checked by the machine itself. Events
 * with payloads are tried with every payload that could matter (each outcome, each seat move).
 */
export function availableTransitions(snapshot: CrewReturnSnapshot): Set<ChartTransitionRef> {
  const enabled = new Set<ChartTransitionRef>();
  if (snapshot.status === 'done') return enabled;
  const eventTypes = new Set(snapshot._nodes.flatMap((node) => [...node.transitions.keys()]));
  for (const event of sampleEvents(snapshot)) {
    if (!eventTypes.has(event.type)) continue;
    for (const d of crewReturnMachine.getTransitionData(snapshot, event)) {
      enabled.add(
        refOf(
          d.source.id,
          event.type,
          (d.target ?? []).map((t) => t.id),
        ),
      );
    }
  }
  return enabled;
}

/** A stable key for one transition of the diagram. */
export type ChartTransitionRef = string;
export const refOf = (sourceId: string, eventType: string, targetIds: string[]): ChartTransitionRef =>
  `${sourceId}|${eventType}|${targetIds.join(',')}`;

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
      case 'session.note':
        return [{ type, text: 'probe', at, by }];
      default:
        return [{ type, at, by }];
    }
  });
}
