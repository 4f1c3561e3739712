/**
 * Every guard of the crew-return statechart, written once as a refusal: why the event cannot be taken,
 * in words an operator can act on, or null when it can. The chart's guards are these with `=== null`,
 * and `refusalOf` says the same words, so what the chart takes and what the screen explains cannot drift.
 * A guard that reads its event asserts the event's type, so one wired to the wrong event throws instead of refusing.
 */

import { assertEvent } from 'xstate';
import { seatCapacity } from '../policy/seatPlan';
import { validateThresholdValues } from '../policy/thresholds';
import { assessedReading, evaluateRule } from '../rules/evaluate';
import { commonCauseRule } from '../rules/flightRules';
import { type DecidableOutcome, decidableOutcomes } from '../types';
import { type CrewReturnContext, type CrewReturnEvent, crewAboardDamagedVehicle, recommendationAt } from './context';
import type { CrewReturnEventOf } from './events';
import { dispositionRefusal, pollPending, voteRefusal } from './poll';
import { hasVisibleText } from './text';

/**
 * Said by a guard of one of several branches for the same event (one per outcome) when the event is for
 * another branch: not a refusal in itself, so the words come from the branch the event is for.
 */
export const otherBranch = Symbol('another branch takes this event');

export type Refusal = (
  context: CrewReturnContext,
  event: CrewReturnEvent,
  params: { outcome: DecidableOutcome },
) => string | null | typeof otherBranch;

const vehicleName = (context: CrewReturnContext, id: string) =>
  [context.setup.damagedVehicle, ...context.setup.otherVehicles].find((v) => v.id === id)?.name ?? id;

/**
 * A plan that leaves a crew without a lifeboat for a period becomes a decision only with a recorded
 * acceptance and a rationale.
 */
function acceptanceMissing(context: CrewReturnContext, event: CrewReturnEventOf<'decision.confirm'>): string | null {
  const swap = recommendationAt(context, event.at)?.crewSwap;
  if (!swap || swap.daysWithoutLifeboat === null) return null;
  if (event.acceptsPeriodWithoutLifeboat && hasVisibleText(event.rationale ?? '')) return null;
  return `the plan leaves ${swap.waiting.join(', ')} without a lifeboat for up to ${Math.ceil(swap.daysWithoutLifeboat)} days: a confirmation must accept that period on record (acceptsPeriodWithoutLifeboat, with a rationale)`;
}

/**
 * A crew member moves to a vehicle with a seat free (or improvised within the seat policy), or, where
 * they move to keep a lifeboat (every decision but a return with fewer crew), an emergency-only place.
 */
function seatRefusal(context: CrewReturnContext, crewId: string, vehicleId: string): string | null {
  const member = context.setup.crew.find((c) => c.id === crewId);
  if (!member) return `no crew member ${crewId}`;
  const name = vehicleName(context, vehicleId);
  if (context.seatByCrewId[crewId] === vehicleId) return `${member.name} already has a seat on ${name}`;
  const taken = Object.values(context.seatByCrewId).filter((v) => v === vehicleId).length;
  const { damagedVehicle } = context.setup;
  if (vehicleId === damagedVehicle.id) {
    if (context.damagedVehicleDepartedUtc !== null) return `${damagedVehicle.name} has already left`;
    return taken < seatCapacity(damagedVehicle, context.thresholds) ? null : `no free seat on ${name}`;
  }
  const vehicle = context.setup.otherVehicles.find((v) => v.id === vehicleId);
  if (!vehicle) return `no vehicle ${vehicleId}`;
  if (!member.canRelocateTo.includes(vehicleId)) return `${member.name}'s seat liner cannot move to ${name}`;
  const purpose = context.decision?.outcome === 'return-reduced-crew' ? 'ride' : 'lifeboat';
  // In a crew swap the vehicle's own crew gives up its seats to this crew.
  const vacated = context.decision?.recommendation.crewSwap?.homeVehicleId === vehicleId ? vehicle.seatsTaken : 0;
  return taken < seatCapacity(vehicle, context.thresholds, purpose) + vacated ? null : `no free seat on ${name}`;
}

export const guardRefusals = {
  /** A decision waits for an open poll's every answer. */
  recommends: (context, event, { outcome }) => {
    assertEvent(event, 'decision.confirm');
    const pending = pollPending(context.polls);
    if (pending) return pending;
    const recommended = recommendationAt(context, event.at)?.outcome;
    if (recommended === outcome) return acceptanceMissing(context, event);
    if (recommended === 'undecided')
      return 'no option meets the limits (undecided): there is nothing to confirm; override with a rationale';
    if (recommended === undefined) return 'no recommendation has been made yet: there is nothing to confirm';
    return decidableOutcomes.includes(recommended as DecidableOutcome)
      ? otherBranch
      : `the recommendation is ${recommended}: there is no decision to confirm`;
  },
  overridesTo: (context, event, { outcome }) => {
    assertEvent(event, 'decision.override');
    const pending = pollPending(context.polls);
    if (pending) return pending;
    if (!hasVisibleText(event.rationale)) return 'an override needs a rationale with visible characters';
    if (recommendationAt(context, event.at)?.outcome === event.outcome)
      return `${event.outcome} is the recommendation: confirm it instead (an override decides another outcome)`;
    return event.outcome === outcome ? null : otherBranch;
  },
  voteCounts: (context, event) => {
    assertEvent(event, 'poll.vote');
    return voteRefusal(context.polls, event);
  },
  dispositionValid: (context, event) => {
    assertEvent(event, 'poll.disposition');
    return dispositionRefusal(context.polls, event);
  },
  thresholdChangeValid: (context, event) => {
    assertEvent(event, 'thresholds.change');
    const problem = validateThresholdValues({ ...context.thresholds, [event.key]: event.value })[0];
    return problem ? `${problem.key === event.key ? '' : `${problem.key}: `}expected ${problem.expected}` : null;
  },
  seatFree: (context, event) => {
    assertEvent(event, 'seats.relocate');
    return seatRefusal(context, event.crewId, event.vehicleId);
  },
  interimPlanInPlace: (context) => {
    const missing = (context.decision?.recommendation.seatPlan ?? []).filter(
      (s) => context.seatByCrewId[s.crewId] !== s.vehicleId,
    );
    return missing.length === 0
      ? null
      : `the interim seat plan is not in place: ${missing.map((s) => `${s.crewId} → ${vehicleName(context, s.vehicleId)}`).join(', ')}`;
  },
  reducedCrewAboard: (context) =>
    crewAboardDamagedVehicle(context) < context.setup.crew.length
      ? null
      : 'every crew member is still aboard: move at least one to another vehicle first',
  commonCauseCleared: (context) =>
    evaluateRule(commonCauseRule, assessedReading(context.values, commonCauseRule.quantity), context.thresholds, 'nominal', {})
      .status === 'pass'
      ? null
      : 'a common-cause question is still open',
  lastCommonCauseCleared: (context) =>
    (context.values.openCommonCauseQuestions?.nominal ?? 0) <= 1 ? null : 'other common-cause questions are still open',
  /** Nobody waits on the damaged vehicle, so it may leave uncrewed before the replacement comes. */
  damagedVehicleEmpty: (context) => {
    if (context.damagedVehicleDepartedUtc !== null) return `${context.setup.damagedVehicle.name} has already left`;
    const aboard = crewAboardDamagedVehicle(context);
    return aboard === 0 ? null : `${aboard} crew still have seats on ${context.setup.damagedVehicle.name}`;
  },
  damagedVehicleStillDocked: (context) =>
    context.damagedVehicleDepartedUtc === null ? null : `${context.setup.damagedVehicle.name} has already left`,
  damagedVehicleDeparted: (context) =>
    context.damagedVehicleDepartedUtc !== null ? null : `${context.setup.damagedVehicle.name} must leave uncrewed first`,
  /** The crew has boarded the vehicle a crew swap takes them home in. */
  swapCrewAboard: (context) => {
    const swap = context.decision?.recommendation.crewSwap;
    if (!swap) return 'the decision is no crew swap: the crew waits for the replacement';
    return context.setup.crew.every((c) => context.seatByCrewId[c.id] === swap.homeVehicleId)
      ? null
      : 'the crew has not all moved to the vehicle that takes them home';
  },
} satisfies Record<string, Refusal>;

export type GuardName = keyof typeof guardRefusals;

/** The statechart's guards: each passes when its refusal is null. */
export const guards = Object.fromEntries(
  Object.entries(guardRefusals).map(([name, refusal]) => [
    name,
    ({ context, event }: { context: CrewReturnContext; event: CrewReturnEvent }, params: { outcome: DecidableOutcome }) =>
      (refusal as Refusal)(context, event, params) === null,
  ]),
) as unknown as {
  [Name in GuardName]: (
    args: { context: CrewReturnContext; event: CrewReturnEvent },
    params: Parameters<(typeof guardRefusals)[Name]>[2],
  ) => boolean;
};
