import { marginInCautionBands } from '../../machines/policy/answer';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import type { Actor, DecidableOutcome, OutcomeId } from '../../machines/types';
import type { Answer } from './answer';
import type { TakenDecision } from './decisionRecord';
import type { FoldStep } from './fold';

/**
 * What is in force, in one line that never scrolls away: the decision taken (or none), the
 * recommendation beside it when it differs, the phase, the deciding row, the thinnest margin the
 * answer rests on, and the last change. Worked out from the view's record and answer, so it cannot
 * disagree with the panels below it.
 */
export interface StatusLine {
  decision: Pick<TakenDecision, 'outcome' | 'kind' | 'by' | 'atUtc' | 'scripted'> | null;
  recommendation: OutcomeId | null;
  /** The recommendation is not the decision in force (always so while none is taken). */
  recommendationDiffers: boolean;
  /** What the screen leads with: the decision in force, else the recommendation. */
  headline: DecidableOutcome | OutcomeId | null;
  provisional: boolean;
  phase: string;
  decidingRow: { index: number; id: string } | null;
  /** The pass nearest its limit (in its rule's caution bands) among the numbers that decided; null when none passes. */
  thinnest: { evaluation: RuleEvaluation; thin: boolean } | null;
  lastChange: { step: FoldStep; by: Actor } | null;
  changed: Answer['changed'];
}

export function statusLine(
  decision: TakenDecision | null,
  answer: Answer,
  phase: string,
  lastStep: FoldStep | undefined,
): StatusLine {
  const recommendation = answer.recommendation?.outcome ?? null;
  return {
    decision: decision && {
      outcome: decision.outcome,
      kind: decision.kind,
      by: decision.by,
      atUtc: decision.atUtc,
      scripted: decision.scripted,
    },
    recommendation,
    recommendationDiffers: recommendation !== null && recommendation !== decision?.outcome,
    headline: decision?.outcome ?? recommendation,
    provisional: decision === null && answer.assessmentIncomplete,
    phase,
    decidingRow: answer.decidingRow && { index: answer.decidingRow.index, id: answer.decidingRow.id },
    // A pass without a caution band (a count, a status) has no margin to call thin or thick.
    thinnest: answer.numbers.find((n) => n.evaluation.status === 'pass' && marginInCautionBands(n.evaluation) !== null) ?? null,
    lastChange: lastStep ? { step: lastStep, by: lastStep.event.by } : null,
    changed: answer.changed,
  };
}
