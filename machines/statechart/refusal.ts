/** Why the statechart does not take an event in the state it is in, in words an operator can act on. */
import type { SnapshotFrom } from 'xstate';
import { validateThresholdValues } from '../policy/thresholds';
import { acceptanceMissing, type CrewReturnContext, crewAboardDamagedVehicle, recommendationAt, seatFree } from './context';
import type { crewReturnMachine } from './crewReturnMachine';
import { type CrewReturnEvent, recordOnlyEventTypes } from './events';
import { pollPending, voteRefusal } from './poll';
import { stateName } from './stateName';

type Snapshot = SnapshotFrom<typeof crewReturnMachine>;

/** Null when the machine takes the event now; a note or handover is a record, refused only once the session has ended. */
export function refusalOf(snapshot: Snapshot, event: CrewReturnEvent): string | null {
  if (snapshot.status === 'done') return 'the session has ended: the crew is home';
  if (recordOnlyEventTypes.has(event.type)) return null;
  if (snapshot.can(event)) return null;
  const candidates = snapshot._nodes.flatMap((node) => node.transitions.get(event.type) ?? []);
  if (candidates.length === 0) return `${event.type} does not apply in state ${stateName(snapshot.value)}`;
  const reasons = new Set(
    candidates.map(({ guard }) => {
      const name = typeof guard === 'string' ? guard : typeof guard === 'object' && guard && 'type' in guard ? guard.type : '';
      return guardRefusals[name as GuardName]?.(snapshot.context, event) ?? `refused by ${String(name)}`;
    }),
  );
  return [...reasons].join('; ');
}

type GuardName = keyof typeof guardRefusals;

const vehicleName = (context: CrewReturnContext, id: string) =>
  [context.setup.damagedVehicle, ...context.setup.otherVehicles].find((v) => v.id === id)?.name ?? id;

export const guardRefusals = {
  recommends: (context: CrewReturnContext, event: CrewReturnEvent) => {
    const pending = pollPending(context.polls);
    if (pending) return pending;
    const outcome = recommendationAt(context, event.at)?.outcome;
    const acceptance = event.type === 'decision.confirm' ? acceptanceMissing(context, event) : null;
    if (acceptance && event.type === 'decision.confirm') return acceptance;
    return outcome === 'undecided'
      ? 'no option meets the limits (undecided): there is nothing to confirm; override with a rationale'
      : `the recommendation is ${outcome ?? 'not made yet'}: a confirmation takes the recommended outcome only`;
  },
  overridesTo: (context: CrewReturnContext) =>
    pollPending(context.polls) ?? 'an override needs an outcome and a rationale with visible characters',
  voteCounts: (context: CrewReturnContext, event: CrewReturnEvent) =>
    event.type === 'poll.vote' ? (voteRefusal(context.polls, event) ?? 'a valid vote') : 'not a vote',
  thresholdChangeValid: (context: CrewReturnContext, event: CrewReturnEvent) => {
    if (event.type !== 'thresholds.change') return 'not a threshold change';
    const problem = validateThresholdValues({ ...context.thresholds, [event.key]: event.value })[0];
    return problem ? `${problem.key}: ${problem.expected}` : 'an invalid threshold value';
  },
  seatFree: (context: CrewReturnContext, event: CrewReturnEvent) => {
    if (event.type !== 'seats.relocate') return 'not a seat move';
    const member = context.setup.crew.find((c) => c.id === event.crewId);
    if (!member) return `no crew member ${event.crewId}`;
    if (context.seatByCrewId[event.crewId] === event.vehicleId)
      return `${member.name} already has a seat on ${vehicleName(context, event.vehicleId)}`;
    if (event.vehicleId !== context.setup.damagedVehicle.id && !member.canRelocateTo.includes(event.vehicleId))
      return `${member.name}'s seat liner cannot move to ${vehicleName(context, event.vehicleId)}`;
    return seatFree(context, event.crewId, event.vehicleId)
      ? 'seat free'
      : `no free seat on ${vehicleName(context, event.vehicleId)}`;
  },
  interimPlanInPlace: (context: CrewReturnContext) => {
    const missing = (context.decision?.recommendation.seatPlan ?? []).filter(
      (s) => context.seatByCrewId[s.crewId] !== s.vehicleId,
    );
    return `the interim seat plan is not in place: ${missing.map((s) => `${s.crewId} → ${vehicleName(context, s.vehicleId)}`).join(', ')}`;
  },
  reducedCrewAboard: () => 'every crew member is still aboard: move at least one to another vehicle first',
  commonCauseCleared: () => 'a common-cause question is still open',
  lastCommonCauseCleared: () => 'other common-cause questions are still open',
  damagedVehicleEmpty: (context: CrewReturnContext) =>
    context.damagedVehicleDepartedUtc !== null
      ? `${context.setup.damagedVehicle.name} has already left`
      : `${crewAboardDamagedVehicle(context)} crew still have seats on ${context.setup.damagedVehicle.name}`,
  damagedVehicleStillDocked: (context: CrewReturnContext) => `${context.setup.damagedVehicle.name} has already left`,
  damagedVehicleDeparted: (context: CrewReturnContext) => `${context.setup.damagedVehicle.name} must leave uncrewed first`,
  swapCrewAboard: (context: CrewReturnContext) =>
    context.decision?.recommendation.crewSwap
      ? 'the crew has not all moved to the vehicle that takes them home'
      : 'the decision is no crew swap: the crew waits for the replacement',
} satisfies Record<string, (context: CrewReturnContext, event: CrewReturnEvent) => string>;
