import type { AnyStateNode } from 'xstate';
import type { CrewReturnSnapshot } from '../../session/fold';
import { type CrewReturnEvent, crewReturnMachine, decidableOutcomes } from '../../session/model';

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
  const stamp = { at: snapshot.context.nowUtc, by: { name: 'probe', role: 'probe' } };
  const eventTypes = new Set(snapshot._nodes.flatMap((node) => [...node.transitions.keys()]));
  for (const eventType of eventTypes) {
    for (const payload of samplePayloads(eventType, snapshot)) {
      const event = { type: eventType, ...stamp, ...payload } as CrewReturnEvent;
      for (const d of crewReturnMachine.getTransitionData(snapshot, event)) {
        enabled.add(
          refOf(
            d.source.id,
            eventType,
            (d.target ?? []).map((t) => t.id),
          ),
        );
      }
    }
  }
  return enabled;
}

/** A stable key for one transition of the diagram. */
export type ChartTransitionRef = string;
export const refOf = (sourceId: string, eventType: string, targetIds: string[]): ChartTransitionRef =>
  `${sourceId}|${eventType}|${targetIds.join(',')}`;

function samplePayloads(eventType: string, snapshot: CrewReturnSnapshot): object[] {
  const { setup, thresholds } = snapshot.context;
  switch (eventType) {
    case 'inspection.finding':
    case 'assessment.report':
      return [{ quantity: 'holeDiameterMm', value: { nominal: 0, source: 'assumed' } }];
    case 'decision.override':
      return decidableOutcomes.map((outcome) => ({ outcome, rationale: 'probe' }));
    case 'thresholds.change': {
      const [key, value] = Object.entries(thresholds)[0] ?? ['', 0];
      return [{ key, value }];
    }
    case 'seats.relocate':
      return setup.crew.flatMap((c) =>
        [setup.damagedVehicle.id, ...setup.otherVehicles.map((v) => v.id)].map((vehicleId) => ({ crewId: c.id, vehicleId })),
      );
    default:
      return [{}];
  }
}
