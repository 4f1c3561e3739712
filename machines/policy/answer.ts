import type { RuleEvaluation } from '../rules/evaluate';
import { seatRules } from '../rules/flightRules';
import { type FlipPoint, type InputFlipPoint, relativeMove } from './flipPoints';
import { consideredRows, type Recommendation } from './policy';
import type { ThresholdValues } from './thresholds';

/**
 * The evaluations a recommendation rests on. Options are tried most crew aboard first, so these are
 * the chosen option's rules and the failures that ruled out the options preferred to it; with no
 * deciding evaluations (escalate), every failure of the rows considered.
 */
export function decidingEvaluations(recommendation: Recommendation): RuleEvaluation[] {
  const rows = consideredRows(recommendation);
  const deciding = rows.at(-1);
  if (!deciding?.evaluations.length) return rows.flatMap((row) => row.evaluations.filter((e) => e.status !== 'pass'));
  const aboard = recommendation.crewAboardDamagedVehicle;
  return deciding.evaluations.filter(
    (e) =>
      aboard === null || e.crewCount === undefined || e.crewCount === aboard || (e.crewCount > aboard && e.status !== 'pass'),
  );
}

/** Margin as a share of the limit (a zero limit counts as 1, so the share is the margin itself). */
export function marginShareOfLimit(e: RuleEvaluation): number | null {
  return e.margin === null ? null : e.margin / Math.max(Math.abs(e.threshold), 1);
}

/** A pass closer to its limit than the profile's share: an update of the assessment could change it. */
export function isThin(e: RuleEvaluation, thresholds: ThresholdValues): boolean {
  const share = marginShareOfLimit(e);
  return e.status === 'pass' && share !== null && share < (thresholds.thinMarginPctOfLimit ?? 0) / 100;
}

const seatRuleIds = new Set(seatRules.map((r) => r.id));

/**
 * The one or two numbers that decided: of the failures that ruled options out, the one nearest to
 * passing; of the passes that hold the chosen option, the one nearest to failing. A seat count that
 * passes is the plan's shape, shown with the plan, not a call that could go the other way. Unknown
 * values decide nothing here: they are what the assessment waits for.
 */
export function decidingNumbers(recommendation: Recommendation): RuleEvaluation[] {
  const evaluations = decidingEvaluations(recommendation);
  const nearest = (status: 'pass' | 'fail') =>
    evaluations
      .filter((e) => e.status === status && (status === 'fail' || !seatRuleIds.has(e.ruleId)))
      .reduce<RuleEvaluation | null>(
        (best, e) => (best === null || Math.abs(marginShareOfLimit(e) ?? 0) < Math.abs(marginShareOfLimit(best) ?? 0) ? e : best),
        null,
      );
  return [nearest('fail'), nearest('pass')].filter((e): e is RuleEvaluation => e !== null);
}

/**
 * What the assessment waits for: the assessed inputs of every reading not known yet (a worked-out
 * quantity waits for the values it is worked out from), each once.
 */
export function unknownQuantities(recommendation: Recommendation): string[] {
  const unknown = consideredRows(recommendation).flatMap((row) => row.evaluations.filter((e) => e.status === 'unknown'));
  return [...new Set(unknown.flatMap((e) => (e.inputs.length ? e.inputs.map((i) => i.key) : [e.quantityKey])))];
}

/** Every assessed quantity the recommendation reads, reported or still awaited: what Explore lets one try. */
export function assessedInputs(recommendation: Recommendation): string[] {
  const read = consideredRows(recommendation).flatMap((row) => row.evaluations.flatMap((e) => e.inputs.map((i) => i.key)));
  return [...new Set([...read, ...unknownQuantities(recommendation)])];
}

export type NearestFlip = { kind: 'threshold'; flip: FlipPoint } | { kind: 'input'; flip: InputFlipPoint };

/** The change, threshold or assessed value, that flips the recommendation with the least relative move. */
export function nearestFlip(thresholdFlips: readonly FlipPoint[], inputFlips: readonly InputFlipPoint[]): NearestFlip | null {
  const candidates: NearestFlip[] = [
    ...thresholdFlips.filter((flip) => flip.validAlone).map((flip) => ({ kind: 'threshold' as const, flip })),
    ...inputFlips.map((flip) => ({ kind: 'input' as const, flip })),
  ];
  return candidates.reduce<NearestFlip | null>(
    (best, c) => (best === null || relativeMove(c.flip) < relativeMove(best.flip) ? c : best),
    null,
  );
}
