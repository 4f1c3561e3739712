import { evaluateRule } from './evaluate';
import { derivedValues, type Recommendation, recommend, recommendationEvaluations, type Situation } from './policy';
import { allRules } from './rules';
import { plausibleRangeByUnit, thresholdDefinitionByKey, thresholdKeyFor, validateThresholdValues } from './thresholds';
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

/** How the threshold must compare with `flipAt` for the outcome to change: `≥ 43`, `< 39`. */
export function flipRelation({ direction, inclusive }: FlipPoint): '≥' | '>' | '≤' | '<' {
  if (direction === 'raise') return inclusive ? '≥' : '>';
  return inclusive ? '≤' : '<';
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

/**
 * Every value any rule could judge against this threshold, for every crew count: a superset of what
 * the policy reads, so no flip is missed (extra candidates only cost a try).
 */
function valuesReadBy(situation: Situation, thresholdKey: string): number[] {
  const values = derivedValues(situation);
  const crewCounts = situation.setup.crew.map((_, i) => i + 1);
  const read = new Set<number>();
  for (const rule of allRules) {
    for (const tier of ['nominal', 'emergency'] as const) {
      if (thresholdKeyFor(rule.threshold, tier) !== thresholdKey) continue;
      for (const crewCount of rule.perCrewCount ? crewCounts : [undefined]) {
        const { value } = evaluateRule(rule, values, situation.thresholds, tier, crewCount);
        if (value !== null) read.add(value);
      }
    }
  }
  return [...read];
}

const step = (x: number) => Math.max(Math.abs(x), 1) * 1e-9;
const stepUp = (x: number) => x + step(x);
const stepDown = (x: number) => x - step(x);
