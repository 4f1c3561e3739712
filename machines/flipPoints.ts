import { type Recommendation, recommend, recommendationEvaluations, type Situation } from './policy';
import { plausibleRangeByUnit, thresholdDefinitionByKey, validateThresholdValues } from './thresholds';
import type { OutcomeId } from './types';

export interface FlipPoint {
  thresholdKey: string;
  current: number;
  direction: 'raise' | 'lower';
  /** The outcome changes once the threshold reaches `flipAt` (inclusive) or passes it (exclusive). */
  flipAt: number;
  inclusive: boolean;
  newOutcome: OutcomeId;
  /** False when that change alone breaks the tier order (e.g. nominal above emergency). */
  validAlone: boolean;
}

/**
 * A rule's result only changes where its threshold crosses the value it reads, so those values are
 * the only candidates; each is tried exactly, nearest first.
 */
export function flipPoints(situation: Situation, recommendation: Recommendation = recommend(situation)): FlipPoint[] {
  const keys = [...new Set(recommendationEvaluations(recommendation).map((e) => e.thresholdKey))];
  const flips: FlipPoint[] = [];
  for (const thresholdKey of keys) {
    const definition = thresholdDefinitionByKey.get(thresholdKey);
    const current = situation.thresholds[thresholdKey];
    if (!definition || current === undefined) continue;
    const { kind } = definition;
    const range = plausibleRangeByUnit[definition.unit];
    const candidates = valuesReadBy(situation, thresholdKey);
    for (const direction of ['raise', 'lower'] as const) {
      // A 'max' limit passes at the value itself, a 'min' limit too: crossing away from passing is exclusive.
      const inclusive = (kind === 'max') === (direction === 'raise');
      const ordered = candidates
        .filter((v) =>
          direction === 'raise' ? (inclusive ? v > current : v >= current) : inclusive ? v < current : v <= current,
        )
        .sort((a, b) => (direction === 'raise' ? a - b : b - a));
      for (const flipAt of ordered) {
        const tried = inclusive ? flipAt : direction === 'raise' ? stepUp(flipAt) : stepDown(flipAt);
        if (tried < range.min || tried > range.max) break;
        const thresholds = { ...situation.thresholds, [thresholdKey]: tried };
        const newOutcome = recommend({ ...situation, thresholds }).outcome;
        if (newOutcome !== recommendation.outcome) {
          const validAlone = validateThresholdValues(thresholds).length === 0;
          flips.push({ thresholdKey, current, direction, flipAt, inclusive, newOutcome, validAlone });
          break;
        }
      }
    }
  }
  return flips;
}

/** Values read against this threshold for any crew count, found by probing with it wide open and shut. */
function valuesReadBy(situation: Situation, thresholdKey: string): number[] {
  const values = new Set<number>();
  for (const probe of [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY]) {
    const thresholds = { ...situation.thresholds, [thresholdKey]: probe };
    for (const e of recommendationEvaluations(recommend({ ...situation, thresholds }))) {
      if (e.thresholdKey === thresholdKey && e.value !== null) values.add(e.value);
    }
  }
  return [...values];
}

const step = (x: number) => Math.max(Math.abs(x), 1) * 1e-9;
const stepUp = (x: number) => x + step(x);
const stepDown = (x: number) => x - step(x);
