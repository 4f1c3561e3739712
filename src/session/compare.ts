import { type FlipPoint, flipPoints } from '../../machines/policy/flipPoints';
import {
  consideredRows,
  type Recommendation,
  recommend,
  recommendationEvaluations,
  type Situation,
} from '../../machines/policy/policy';
import type { ThresholdValues } from '../../machines/policy/thresholds';
import { evaluationKey, type RuleEvaluation } from '../../machines/rules/evaluate';

/** One side of a comparison: a label and the thresholds it judges the same situation under. */
export interface ComparedSide {
  label: string;
  thresholds: ThresholdValues;
}

export interface SideAnswer {
  label: string;
  recommendation: Recommendation;
  decidingRow: string;
}

/** A rule evaluation on each side (null where that side's rows did not reach it), and whether they differ. */
export interface ComparedEvaluation {
  key: string;
  a: RuleEvaluation | null;
  b: RuleEvaluation | null;
  differs: boolean;
}

export interface ComparedFlip {
  key: string;
  a: FlipPoint | null;
  b: FlipPoint | null;
  differs: boolean;
}

/** The same situation judged under two threshold sets, side by side: nothing is recorded. */
export interface Comparison {
  a: SideAnswer;
  b: SideAnswer;
  outcomeDiffers: boolean;
  decidingRowDiffers: boolean;
  evaluations: ComparedEvaluation[];
  flips: ComparedFlip[];
  /** The thresholds that differ: key, value on side A, value on side B. */
  thresholds: [key: string, a: number, b: number][];
}

export function compareThresholds(situation: Situation, a: ComparedSide, b: ComparedSide): Comparison {
  const judged = (side: ComparedSide) => {
    const at = { ...situation, thresholds: side.thresholds };
    const recommendation = recommend(at);
    return { at, recommendation, decidingRow: consideredRows(recommendation).at(-1)?.id ?? '' };
  };
  const left = judged(a);
  const right = judged(b);
  return {
    a: { label: a.label, recommendation: left.recommendation, decidingRow: left.decidingRow },
    b: { label: b.label, recommendation: right.recommendation, decidingRow: right.decidingRow },
    outcomeDiffers: left.recommendation.outcome !== right.recommendation.outcome,
    decidingRowDiffers: left.decidingRow !== right.decidingRow,
    evaluations: paired(
      recommendationEvaluations(left.recommendation),
      recommendationEvaluations(right.recommendation),
      evaluationKey,
      (x, y) => x.status !== y.status || x.threshold !== y.threshold || x.value !== y.value,
    ),
    flips: paired(
      flipPoints(left.at, left.recommendation),
      flipPoints(right.at, right.recommendation),
      (f) => `${f.thresholdKey}|${f.direction}`,
      (x, y) => x.flipAt !== y.flipAt || x.inclusive !== y.inclusive || x.newOutcome !== y.newOutcome,
    ),
    thresholds: (Object.keys(a.thresholds) as (keyof ThresholdValues)[])
      .filter((key) => a.thresholds[key] !== b.thresholds[key])
      .map((key) => [key, a.thresholds[key], b.thresholds[key]]),
  };
}

/** Items of both sides matched by key, in A's order then B's own; a pair differs when one is missing or `differ` says so. */
function paired<T>(
  left: readonly T[],
  right: readonly T[],
  keyOf: (item: T) => string,
  differ: (a: T, b: T) => boolean,
): { key: string; a: T | null; b: T | null; differs: boolean }[] {
  const byKey = new Map<string, { a: T | null; b: T | null }>();
  for (const item of left) if (!byKey.has(keyOf(item))) byKey.set(keyOf(item), { a: item, b: null });
  for (const item of right) {
    const entry = byKey.get(keyOf(item));
    if (entry && entry.b === null) entry.b = item;
    else if (!entry) byKey.set(keyOf(item), { a: null, b: item });
  }
  return [...byKey].map(([key, { a, b }]) => ({ key, a, b, differs: a === null || b === null || differ(a, b) }));
}
