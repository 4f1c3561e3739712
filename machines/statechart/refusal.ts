/** Why the statechart does not take an event in the state it is in, in words an operator can act on. */
import type { SnapshotFrom } from 'xstate';
import type { crewReturnMachine } from './crewReturnMachine';
import { type CrewReturnEvent, recordOnlyEventTypes } from './events';
import { activeStateNodes } from './graph';
import { type GuardName, guardRefusals, otherBranch, type Refusal } from './guards';
import { stateName } from './stateName';

type Snapshot = SnapshotFrom<typeof crewReturnMachine>;

/** Null when the machine takes the event now; a note or handover is a record, refused only once the session has ended. */
export function refusalOf(snapshot: Snapshot, event: CrewReturnEvent): string | null {
  if (snapshot.status === 'done') return 'the session has ended: the crew is home';
  if (recordOnlyEventTypes.has(event.type)) return null;
  if (snapshot.can(event)) return null;
  const candidates = activeStateNodes(snapshot).flatMap((node) => node.transitions.get(event.type) ?? []);
  if (candidates.length === 0) return `${event.type} does not apply in state ${stateName(snapshot.value)}`;
  const reasons = new Set<string>();
  for (const { guard } of candidates) {
    const { type, params } = typeof guard === 'string' ? { type: guard, params: undefined } : (guard as GuardReference);
    const refusal = (guardRefusals[type as GuardName] as (...args: unknown[]) => ReturnType<Refusal>)(
      snapshot.context,
      event,
      params,
    );
    if (refusal !== otherBranch) reasons.add(refusal ?? `refused by ${type}`);
  }
  return reasons.size ? [...reasons].join('; ') : `${event.type} does not apply in state ${stateName(snapshot.value)}`;
}

type GuardReference = { type: string; params?: unknown };
