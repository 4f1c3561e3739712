import { atLimitByDesign, decidingEvaluations, isThin, marginInCautionBands } from '../../../machines/policy/answer';
import type { Recommendation } from '../../../machines/policy/policy';
import { evaluationKey, type RuleEvaluation } from '../../../machines/rules/evaluate';
import { ruleOfId } from '../../../machines/rules/flightRules';

/** A rule's margin to its limit, in its rule's caution bands (the answer's measure of a thin margin). */
export interface MarginBar {
  evaluation: RuleEvaluation;
  /** The rule's caution band in its own unit, or why it has none. */
  caution: number | 'by design' | null;
  /** Margin / caution band; null when the rule has no band or the value is unknown. */
  marginInBands: number | null;
  thin: boolean;
  /** At a limit the plan or vehicle meets by construction (a full seat count, a rated load). */
  byDesign: boolean;
}

/**
 * Every rule the recommendation rests on at this step (the chosen option's rules and the failures that
 * ruled out the options preferred to it), each once, with its margin and whether it is thin.
 */
export function marginBars(recommendation: Recommendation): MarginBar[] {
  // A failure that ruled out several preferred rows is one bar.
  const once = new Map(decidingEvaluations(recommendation).map((e) => [evaluationKey(e), e]));
  return [...once.values()].map((evaluation) => ({
    evaluation,
    caution: ruleOfId(evaluation.ruleId)?.caution ?? null,
    marginInBands: marginInCautionBands(evaluation),
    thin: isThin(evaluation),
    byDesign: atLimitByDesign(evaluation),
  }));
}
