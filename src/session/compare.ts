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
import type { AssessedValue } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import type { ThresholdProfile } from './profile';
import { moveTo, openWalkthrough } from './walkthrough';
import { viewWalkthrough } from './walkthroughView';

/** One side of a comparison: a label and the situation it judges (facts, thresholds, time). */
export interface ComparedSide {
  label: string;
  situation: Situation;
}

interface SideAnswer {
  label: string;
  recommendation: Recommendation;
  decidingRow: string;
}

/** A rule evaluation on each side (null where that side's rows did not reach it), and whether they differ. */
interface ComparedEvaluation {
  key: string;
  a: RuleEvaluation | null;
  b: RuleEvaluation | null;
  differs: boolean;
}

interface ComparedFlip {
  key: string;
  a: FlipPoint | null;
  b: FlipPoint | null;
  differs: boolean;
}

/** A reported value on each side (null where that side has none). */
interface ComparedValue {
  key: string;
  a: AssessedValue | null;
  b: AssessedValue | null;
}

/** Two situations judged side by side (one under two threshold sets, or two scenarios at one step): nothing is recorded. */
export interface Comparison {
  a: SideAnswer;
  b: SideAnswer;
  outcomeDiffers: boolean;
  decidingRowDiffers: boolean;
  evaluations: ComparedEvaluation[];
  flips: ComparedFlip[];
  /** The thresholds that differ: key, value on side A, value on side B. */
  thresholds: [key: string, a: number, b: number][];
  /** The reported values that differ (nominal, range or source). */
  values: ComparedValue[];
}

/** The same situation under other thresholds: a profile's side. */
export const underThresholds = (situation: Situation, label: string, thresholds: ThresholdValues): ComparedSide => ({
  label,
  situation: { ...situation, thresholds },
});

/**
 * Another scenario at the same step (or its last, if it has fewer), opened under `profile` and judged
 * under `thresholds`, so that only the scenarios' facts differ; null where it has no recommendation yet.
 */
export function scenarioAtStep(
  scenario: Scenario,
  step: number,
  profile: ThresholdProfile,
  thresholds: ThresholdValues,
  openedUtc: string,
): (ComparedSide & { step: number }) | null {
  const walkthrough = moveTo(openWalkthrough(scenario, profile, openedUtc), step, openedUtc);
  const view = viewWalkthrough(walkthrough);
  if (!view.recommendation) return null;
  const label = `${scenario.title}, step ${walkthrough.cursor}`;
  return { ...underThresholds(view.situation, label, thresholds), step: walkthrough.cursor };
}

export function compareSides(a: ComparedSide, b: ComparedSide): Comparison {
  const judged = ({ situation: at }: ComparedSide) => {
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
    thresholds: (Object.keys(a.situation.thresholds) as (keyof ThresholdValues)[])
      .filter((key) => a.situation.thresholds[key] !== b.situation.thresholds[key])
      .map((key) => [key, a.situation.thresholds[key], b.situation.thresholds[key]]),
    values: [...new Set([...Object.keys(a.situation.values), ...Object.keys(b.situation.values)])]
      .map((key) => ({ key, a: a.situation.values[key] ?? null, b: b.situation.values[key] ?? null }))
      .filter(({ a: x, b: y }) => !sameValue(x, y)),
  };
}

const sameValue = (x: AssessedValue | null, y: AssessedValue | null) =>
  x === y || (!!x && !!y && x.nominal === y.nominal && x.low === y.low && x.high === y.high && x.source === y.source);

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
