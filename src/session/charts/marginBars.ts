import { decidingEvaluations, isThin, marginShareOfLimit } from '../../../machines/policy/answer';
import type { Recommendation } from '../../../machines/policy/policy';
import type { ThresholdValues } from '../../../machines/policy/thresholds';
import { evaluationKey, type RuleEvaluation } from '../../../machines/rules/evaluate';

/** A rule's margin to its limit, as a share of the limit (the answer's measure of a thin margin). */
export interface MarginBar {
  evaluation: RuleEvaluation;
  /** Margin as % of the limit (a zero limit counts as 1); null when the value is unknown. */
  marginPctOfLimit: number | null;
  thin: boolean;
}

/**
 * Every rule the recommendation rests on at this step (the chosen option's rules and the failures that
 * ruled out the options preferred to it), each once, with its margin and whether it is thin.
 */
export function marginBars(recommendation: Recommendation, thresholds: ThresholdValues): MarginBar[] {
  // A failure that ruled out several preferred rows is one bar.
  const once = new Map(decidingEvaluations(recommendation).map((e) => [evaluationKey(e), e]));
  return [...once.values()].map((evaluation) => {
    const share = marginShareOfLimit(evaluation);
    return { evaluation, marginPctOfLimit: share === null ? null : share * 100, thin: isThin(evaluation, thresholds) };
  });
}
