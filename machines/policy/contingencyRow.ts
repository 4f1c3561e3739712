/** The policy row where the crew stays with the vehicle while a rescue is prepared, not launched. */
import { allPass, conservativeEnd, evaluateRule, type RuleEvaluation } from '../rules/evaluate';
import { lifeThroughWaitRule, lifeUntilClearedRule, returnSystemsRule } from '../rules/flightRules';
import { quantityOfKey } from '../rules/quantities';
import { vehicleAgeDays } from '../rules/readings';
import { statusSeverity } from '../rules/systemStatus';
import { fact, type Vehicle } from '../vehicles/vehicles';
import type { Situation } from './recommendation';
import {
  failing,
  flyability,
  lifeAtArrival,
  lifeboatEvaluations,
  noPlan,
  type RowContext,
  type RowVerdict,
  seating,
} from './rowContext';

/** Status keys of the systems whose status is only pending (suspect, not yet cleared): what a clearing finding would settle. */
function pendingStatusKeys(evaluations: readonly RuleEvaluation[], values: Situation['values']): string[] | null {
  const keys: string[] = [];
  for (const e of evaluations) {
    if (e.status === 'pass') continue;
    const assessed = values[e.quantityKey];
    const severity = assessed ? conservativeEnd(e.quantityKey, assessed) : undefined;
    const pending =
      e.ruleId === returnSystemsRule.id && (severity === statusSeverity.suspect || severity === statusSeverity.uncleared);
    if (!pending) return null;
    if (!keys.includes(e.quantityKey)) keys.push(e.quantityKey);
  }
  return keys.length ? keys : null;
}

/**
 * The crew stays and keeps the vehicle while a rescue is prepared, not launched: it would pass every
 * nominal rule for the full crew once its suspect or uncleared systems are cleared, and it serves as a
 * lifeboat at the emergency tier (within the lifeboat allowance through the rescue's lead time) meanwhile.
 */
export function contingencyRow(context: RowContext): RowVerdict {
  const { crewCount, situation } = context;
  const { setup, thresholds, values } = situation;
  const vehicle = setup.damagedVehicle;
  const seats = seating(context, crewCount);
  const nominal = flyability(context, 'nominal', crewCount);
  const pending = seats.plan ? pendingStatusKeys(nominal.evaluations, values) : null;
  if (!pending) {
    return {
      matched: false,
      reason: 'the full crew fails a nominal rule that no clearing finding would settle, or nothing is pending',
      evaluations: [],
      ...noPlan,
    };
  }
  const lifeboat = flyability(context, 'emergency', crewCount, false);
  const scope = { crewCount, vehicleId: vehicle.id };
  const wait = evaluateRule(lifeThroughWaitRule, lifeAtArrival(context, vehicle), thresholds, 'nominal', scope);
  const untilCleared = evaluateRule(lifeUntilClearedRule, lifeAtArrival(context, vehicle), thresholds, 'nominal', scope);
  const docked = lifeboatEvaluations(context, vehicle, crewCount);
  const evaluations = [...seats.evaluations, ...nominal.evaluations, ...lifeboat.evaluations, ...docked, wait, untilCleared];
  const serves = lifeboat.passed && allPass([wait, untilCleared, ...docked]);
  if (!serves) {
    return { matched: false, reason: `as a lifeboat meanwhile: ${failing(evaluations)}`, evaluations, ...noPlan };
  }
  const launchByUtc = rescueLaunchBy(vehicle, situation);
  const launchBy = launchByUtc ? `, or on ${launchByUtc.slice(0, 10)} at the latest (the lifeboat allowance)` : '';
  return {
    matched: true,
    reason: `all ${crewCount} crew stay and keep ${vehicle.name}: it passes every nominal rule once the ${pending.map((key) => quantityOfKey(key)?.definition.label.replace(/^Status of /, '') ?? key).join(', ')} ${pending.length === 1 ? 'is' : 'are'} cleared, and serves as a lifeboat at the emergency tier while a rescue is prepared; launch it if a finding puts ${pending.length === 1 ? 'that system' : 'one of them'} beyond the emergency tier${launchBy}`,
    evaluations,
    plan: seats.plan,
    descentModeId: nominal.descentModeId ?? lifeboat.descentModeId,
    departure: null,
    contingency: { pendingStatusKeys: pending, launchByUtc },
  };
}

/** The last day a rescue can launch and still arrive before the vehicle reaches its lifeboat allowance. */
function rescueLaunchBy(vehicle: Vehicle, situation: Situation): string | null {
  const lead = situation.values.replacementLeadTimeDays;
  const allowancePct = situation.thresholds.maxLifeboatLifeUsedPct ?? Number.NaN;
  const lifeDays = fact(vehicle, 'certifiedLifeDays');
  const age = vehicleAgeDays(vehicle, situation.nowUtc);
  if (!lead || !Number.isFinite(lifeDays) || !Number.isFinite(age) || !Number.isFinite(allowancePct)) return null;
  const daysLeft = (lifeDays * allowancePct) / 100 - age - (lead.high ?? lead.nominal);
  return new Date(Date.parse(situation.nowUtc) + Math.max(0, daysLeft) * 86_400_000).toISOString();
}
