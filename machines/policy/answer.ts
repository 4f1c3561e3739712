import type { RuleEvaluation } from '../rules/evaluate';
import { ruleOfId } from '../rules/flightRules';
import { type FlipPoint, type InputFlipPoint, relativeMove } from './flipPoints';
import { consideredRows, type Recommendation } from './policy';

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

/**
 * How far a result is from its limit in its rule's caution bands (margin / band): under 1, a pass is
 * thin. Null where the rule has no band (a count, a status, a reading met by design) or the value is unknown.
 */
export function marginInCautionBands(e: RuleEvaluation): number | null {
  const caution = ruleOfId(e.ruleId)?.caution;
  return typeof caution === 'number' && caution > 0 && e.margin !== null ? e.margin / caution : null;
}

/** A pass closer to its limit than its rule's caution band: an update of the assessment could change it. */
export function isThin(e: RuleEvaluation): boolean {
  const bands = marginInCautionBands(e);
  return e.status === 'pass' && bands !== null && bands < 1;
}

/** A pass exactly at a limit the plan or the vehicle meets by construction (a full seat count, a rated load). */
export function atLimitByDesign(e: RuleEvaluation): boolean {
  return e.status === 'pass' && e.margin === 0 && ruleOfId(e.ruleId)?.caution === 'by design';
}

/**
 * The one or two numbers that decided: of the failures that ruled options out, the one nearest to
 * passing; of the passes that hold the chosen option, the one nearest to failing, in its rule's caution
 * bands. A pass met by design (a seat count, a rated load) is the plan's shape, shown with the plan, not a
 * call that could go the other way. Unknown values decide nothing here: they are what the assessment waits for.
 */
export function decidingNumbers(recommendation: Recommendation): RuleEvaluation[] {
  const evaluations = decidingEvaluations(recommendation);
  // Nearest first: within caution bands where the rule has them; a rule without one after those.
  const distance = (e: RuleEvaluation) => Math.abs(marginInCautionBands(e) ?? Number.MAX_VALUE);
  const nearest = (status: 'pass' | 'fail') =>
    evaluations
      .filter((e) => e.status === status && (status === 'fail' || ruleOfId(e.ruleId)?.caution !== 'by design'))
      .reduce<RuleEvaluation | null>((best, e) => (best === null || distance(e) < distance(best) ? e : best), null);
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
