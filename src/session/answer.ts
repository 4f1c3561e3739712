import { decidingNumbers, isThin, unknownQuantities } from '../../machines/policy/answer';
import { consideredRows, type PolicyRowResult, type Recommendation } from '../../machines/policy/policy';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import type { CrewReturnEvent } from '../../machines/statechart/events';
import type { OutcomeId } from '../../machines/types';
import { type CrewReturnSnapshot, type SessionFold, snapshotAfter, standingRecommendation } from './fold';

/** Where an outcome change came from: a scripted step of the scenario, or an operator's event. */
export type ChangeCause =
  | { kind: 'step'; step: number; description: string }
  | { kind: 'operator'; event: CrewReturnEvent; seq: number };

/** The answer at one moment, in the order the operator reads it (the screen's headline, first). */
export interface Answer {
  recommendation: Recommendation | null;
  /** Still inspecting or assessing: the recommendation is provisional. */
  assessmentIncomplete: boolean;
  /** Assessed quantities the rules need and nobody has reported yet. */
  waitingFor: string[];
  decidingRow: (PolicyRowResult & { index: number }) | null;
  /** The one or two evaluations that decided, each marked thin when it passes within the profile's share. */
  numbers: { evaluation: RuleEvaluation; thin: boolean }[];
  /** The outcome changed with the latest event in view: from what, and what changed it. */
  changed: { from: OutcomeId | null; cause: ChangeCause } | null;
}

/**
 * What the operator reads first: worked out from the fold and the view's recommendation, so the
 * headline and the tables below it cannot disagree.
 */
export function answerAt(
  fold: SessionFold,
  inView: number,
  snapshot: CrewReturnSnapshot,
  recommendation: Recommendation | null,
  causeOf: (eventIndex: number) => ChangeCause,
): Answer {
  const rows = recommendation ? consideredRows(recommendation) : [];
  const deciding = rows.at(-1);
  // The outcomes before and after the latest event, as the fold worked them out (cached per state).
  const outcomeAfter = (count: number) =>
    count === 0 ? null : (standingRecommendation(snapshotAfter(fold, count).context).recommendation?.outcome ?? null);
  const outcomeNow = outcomeAfter(inView);
  const outcomeBefore = outcomeAfter(inView - 1);
  return {
    recommendation,
    assessmentIncomplete: snapshot.hasTag('assessing'),
    waitingFor: recommendation ? unknownQuantities(recommendation) : [],
    decidingRow: deciding ? { ...deciding, index: rows.length } : null,
    numbers: recommendation
      ? decidingNumbers(recommendation).map((evaluation) => ({ evaluation, thin: isThin(evaluation) }))
      : [],
    changed:
      inView > 0 && outcomeNow !== null && outcomeNow !== outcomeBefore
        ? { from: outcomeBefore, cause: causeOf(inView - 1) }
        : null,
  };
}
