/**
 * The recommendation policy: an ordered table of rows, first match wins (hit policy FIRST), each row a
 * check of its own file; what every row reads is in rowContext.ts, the types it answers in recommendation.ts.
 */
import { evaluateRule, type RuleEvaluation } from '../rules/evaluate';
import {
  crewRules,
  lifeAtReturnRule,
  lifeThroughWaitRule,
  lifeUntilClearedRule,
  peakGRule,
  withoutLifeboatRule,
} from '../rules/flightRules';
import { daysWithoutLifeboat, descentPeakG, lifeUsedAtReplacementArrival, lifeUsedAtReturn } from '../rules/readings';
import type { OutcomeId } from '../types';
import { contingencyRow } from './contingencyRow';
import { emergencyTierRow, reducedCrewRow } from './fewerCrewRows';
import { fullCrewRow, stationRow } from './leaveNowRows';
import type { PolicyRowId, PolicyRowResult, Recommendation, Situation } from './recommendation';
import { crewSwapRow, replacementRow } from './replacementRows';
import {
  crewRuleEvaluation,
  descentModeEvaluations,
  lifeAtArrival,
  lifeboatEvaluations,
  noPlan,
  type RowContext,
  type RowVerdict,
  rowContext,
  seating,
} from './rowContext';

export type {
  ContingencyTrigger,
  CrewSwap,
  PolicyRowId,
  PolicyRowResult,
  Recommendation,
  Situation,
  UncrewedDeparture,
} from './recommendation';

export function recommend(situation: Situation): Recommendation {
  const context = rowContext(situation);
  let deciding: { row: PolicyRowResult; verdict: RowVerdict } | null = null;
  const rows = policyTable.map(({ id, statement, outcome, check }) => {
    const verdict = check(context);
    const row: PolicyRowResult = {
      id,
      statement,
      outcome,
      matched: verdict.matched,
      reason: verdict.reason,
      evaluations: verdict.evaluations,
    };
    if (row.matched && !deciding) deciding = { row, verdict };
    return row;
  });
  if (!deciding) throw new Error('the policy table must end in a row that always matches');
  const { row, verdict } = deciding as { row: PolicyRowResult; verdict: RowVerdict };
  const { plan } = verdict;
  return {
    outcome: row.outcome,
    decidingRow: row.id,
    rows,
    seatPlan: plan,
    crewAboardDamagedVehicle: plan ? plan.filter((s) => s.vehicleId === situation.setup.damagedVehicle.id).length : null,
    descentModeId: verdict.descentModeId,
    damagedVehicleLeavesUncrewed: verdict.departure,
    contingency: verdict.contingency,
    crewSwap: verdict.crewSwap ?? null,
  };
}

/**
 * The outcome alone, as `recommend` gives it: rows in order until the first that matches, the rows
 * below it not evaluated. For searches (flip points) that ask only which outcome a variant gets.
 */
export function outcomeOf(situation: Situation): OutcomeId {
  const context = rowContext(situation);
  for (const { outcome, check } of policyTable) if (check(context).matched) return outcome;
  throw new Error('the policy table must end in a row that always matches');
}

/** The rows that decided: those above the deciding one (why they did not match) and the deciding one. */
export function consideredRows(recommendation: Recommendation): PolicyRowResult[] {
  return recommendation.rows.slice(0, recommendation.rows.findIndex((r) => r.id === recommendation.decidingRow) + 1);
}

/** Hit policy FIRST: the first row whose condition holds decides. */
export const policyTable: readonly {
  id: PolicyRowId;
  statement: string;
  outcome: OutcomeId;
  check: (context: RowContext) => RowVerdict;
}[] = [
  { id: 'station-unsafe', statement: 'The station itself is unsafe', outcome: 'emergency-return', check: stationRow },
  {
    id: 'full-crew-nominal',
    statement: 'The full crew passes every nominal rule',
    outcome: 'return-on-damaged-vehicle',
    check: fullCrewRow,
  },
  {
    id: 'contingency',
    statement:
      'The vehicle would pass every nominal rule once its suspect or uncleared systems are cleared, and serves as a lifeboat meanwhile: continue, with a rescue prepared',
    outcome: 'continue-with-contingency',
    check: contingencyRow,
  },
  {
    id: 'replacement-feasible',
    statement:
      'A replacement can arrive while every crew member keeps an emergency seat: on the damaged vehicle under the emergency tier, or on another vehicle',
    outcome: 'launch-replacement',
    check: replacementRow,
  },
  {
    id: 'crew-swap',
    statement:
      'Another docked crew vehicle takes this crew home now; its own crew waits for the replacement, on the damaged vehicle as a lifeboat or, for a period the profile allows and the decision accepts, without one',
    outcome: 'launch-replacement',
    check: crewSwapRow,
  },
  {
    id: 'reduced-crew-nominal',
    statement: 'A smaller crew, at least one, passes every nominal rule and the others have seats on other vehicles',
    outcome: 'return-reduced-crew',
    check: reducedCrewRow,
  },
  {
    id: 'emergency-tier',
    statement: 'The crew without another seat pass the emergency tier',
    outcome: 'emergency-return',
    check: emergencyTierRow,
  },
  {
    id: 'escalate',
    statement: 'No option meets the limits: escalate (a waiver needs a recorded rationale)',
    outcome: 'undecided',
    check: () => ({ matched: true, reason: 'no row above matched', evaluations: [], ...noPlan }),
  },
];

/** Every evaluation behind a recommendation, for the rule table. */
export function recommendationEvaluations(recommendation: Recommendation): RuleEvaluation[] {
  return consideredRows(recommendation).flatMap((row) => row.evaluations);
}

/**
 * Every reading any rule could judge, for every crew count, tier, descent mode and vehicle: a superset
 * of what the policy reads (rows stop at the first passing option), so no flip point is missed.
 */
export function everyEvaluation(situation: Situation): RuleEvaluation[] {
  const context = rowContext(situation);
  const { setup, values, thresholds, nowUtc } = situation;
  const all: RuleEvaluation[] = [];
  for (const tier of ['nominal', 'emergency'] as const) {
    for (let aboard = 1; aboard <= context.crewCount; aboard++) {
      for (const rule of crewRules) {
        const evaluation = crewRuleEvaluation(context, rule, tier, aboard);
        if (evaluation) all.push(evaluation);
      }
    }
    for (const mode of setup.damagedVehicle.descentModes) descentModeEvaluations(context, mode, tier, 0, all);
    all.push(...lifeboatEvaluations(context, setup.damagedVehicle, 0));
    all.push(evaluateRule(lifeUntilClearedRule, lifeAtArrival(context, setup.damagedVehicle), thresholds, tier, {}));
    all.push(evaluateRule(withoutLifeboatRule, daysWithoutLifeboat(values), thresholds, tier, {}));
    // What a crew swap reads of the vehicle that would take this crew home.
    for (const vehicle of setup.otherVehicles) {
      const scope = { vehicleId: vehicle.id };
      all.push(evaluateRule(lifeAtReturnRule, lifeUsedAtReturn(vehicle, nowUtc), thresholds, tier, scope));
      for (const mode of vehicle.descentModes) {
        all.push(evaluateRule(peakGRule, descentPeakG(vehicle, mode), thresholds, tier, { ...scope, descentModeId: mode.id }));
      }
    }
    for (const vehicle of [setup.damagedVehicle, ...setup.otherVehicles]) {
      const reading = lifeUsedAtReplacementArrival(vehicle, nowUtc, values);
      all.push(evaluateRule(lifeThroughWaitRule, reading, thresholds, tier, { vehicleId: vehicle.id }));
    }
  }
  for (let aboard = 0; aboard <= context.crewCount; aboard++) {
    all.push(...seating(context, aboard).evaluations, ...seating(context, aboard, 'lifeboat').evaluations);
  }
  return all;
}
