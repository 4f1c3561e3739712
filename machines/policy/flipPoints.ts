import { conservativeEnd, type RuleEvaluation, worseDirection } from '../rules/evaluate';
import { quantityOfKey } from '../rules/quantities';
import type { AssessedValue, OutcomeId } from '../types';
import { everyEvaluation, outcomeOf, type Recommendation, recommend, recommendationEvaluations, type Situation } from './policy';
import { placesUnderSeatPolicy, type SeatPolicyKey, seatPolicyThresholdKeys } from './seatPlan';
import { plausibleRangeByUnit, type ThresholdKey, thresholdDefinitionByKey, validateThresholdValues } from './thresholds';

type Direction = 'raise' | 'lower';

interface Flip {
  current: number;
  direction: Direction;
  /** The outcome changes once the value reaches `flipAt` (inclusive) or passes it (exclusive). */
  flipAt: number;
  inclusive: boolean;
  newOutcome: OutcomeId;
}

export interface FlipPoint extends Flip {
  thresholdKey: ThresholdKey;
  /** False when that change alone breaks the tier order (e.g. nominal above emergency). */
  validAlone: boolean;
}

/** The conservative end of an assessed value at which the recommendation changes. */
export interface InputFlipPoint extends Flip {
  quantityKey: string;
  /** Which end of the reported range moves: the conservative one the rules judge. */
  end: 'high' | 'low';
}

/** How far a flip is from the value now, relative to it (a value under 1 counts as 1): nearest first. */
export function relativeMove(flip: Pick<Flip, 'flipAt' | 'current'>): number {
  return Math.abs(flip.flipAt - flip.current) / Math.max(Math.abs(flip.current), 1);
}

/** How the value must compare with `flipAt` for the outcome to change: `≥ 43`, `< 39`. */
export function flipRelation({ direction, inclusive }: Pick<Flip, 'direction' | 'inclusive'>): '≥' | '>' | '≤' | '<' {
  if (direction === 'raise') return inclusive ? '≥' : '>';
  return inclusive ? '≤' : '<';
}

interface Domain {
  min: number;
  max: number;
  minExclusive?: boolean;
  integer?: boolean;
}

/**
 * A rule's result changes only where the value it reads crosses its limit, so those crossings are the
 * only candidates; each is tried exactly (at it, then just beyond it), nearest first. `sameResults`, where
 * given, tells two values every rule reading this one judges alike: the policy is not asked again.
 */
function nearestFlip(
  current: number,
  direction: Direction,
  crossings: readonly number[],
  domain: Domain,
  outcome: OutcomeId,
  outcomeAt: (value: number) => OutcomeId,
  sameResults?: (a: number, b: number) => boolean,
): Flip | null {
  const inDomain = (x: number) =>
    (domain.minExclusive ? x > domain.min : x >= domain.min) && x <= domain.max && (!domain.integer || Number.isInteger(x));
  const ahead = (x: number) => (direction === 'raise' ? x > current : x < current);
  // Each try: the value tried, and the crossing reported (inclusive: at it; exclusive: just beyond it).
  const tries = new Map<number, { flipAt: number; inclusive: boolean }>();
  const add = (at: number, flipAt: number, inclusive: boolean) => {
    if (ahead(at) && inDomain(at) && !tries.has(at)) tries.set(at, { flipAt, inclusive });
  };
  for (const x of crossings) {
    if (!Number.isFinite(x)) continue;
    if (domain.integer) {
      const beyond = direction === 'raise' ? Math.floor(x) + 1 : Math.ceil(x) - 1;
      if (Number.isInteger(x)) add(x, x, true);
      add(beyond, beyond, true);
    } else {
      add(x, x, true);
      add(x + sign(direction) * step(x), x, false);
    }
  }
  const ordered = [...tries.keys()].sort((a, b) => (direction === 'raise' ? a - b : b - a));
  // The last value asked whose outcome is the current one: a value its rules judge alike gets it too.
  let asked = current;
  for (const at of ordered) {
    if (sameResults?.(at, asked)) continue;
    const newOutcome = outcomeAt(at);
    if (newOutcome !== outcome)
      return { current, direction, ...(tries.get(at) as { flipAt: number; inclusive: boolean }), newOutcome };
    asked = at;
  }
  return null;
}

/**
 * Whether two values of a threshold leave every rule judging it with the same result. The policy reads a
 * threshold only through those rules (the seat policy aside, which the planner reads), and
 * `everyEvaluation` holds every reading any of them could judge; a rule held to a limit other than the
 * threshold itself (a seat capacity) leaves the question open (undefined).
 */
function sameResultsOf(judging: readonly RuleEvaluation[], current: number): ((a: number, b: number) => boolean) | undefined {
  if (judging.some((e) => e.threshold !== current)) return undefined;
  const passesAt = (e: RuleEvaluation, limit: number) =>
    e.comparator === '<=' ? (e.value as number) <= limit : (e.value as number) >= limit;
  return (a, b) => judging.every((e) => passesAt(e, a) === passesAt(e, b));
}

/**
 * Whether two values of a seat-policy threshold give every vehicle the same places: the policy reads it
 * only through them (the seat planner's limits, the seat rules' capacities), so they get the same answer.
 */
function samePlacesOf(situation: Situation, key: SeatPolicyKey) {
  return (a: number, b: number) => {
    const placesB = placesUnderSeatPolicy(situation.setup, key, b);
    return placesUnderSeatPolicy(situation.setup, key, a).every((places, i) => places === placesB[i]);
  };
}

const seatPolicyKeys: ReadonlySet<ThresholdKey> = new Set(seatPolicyThresholdKeys);
const isSeatPolicyKey = (key: ThresholdKey): key is SeatPolicyKey => seatPolicyKeys.has(key);

const sign = (direction: Direction) => (direction === 'raise' ? 1 : -1);
const step = (x: number) => Math.max(Math.abs(x), 1) * 1e-9;

/** For each threshold the recommendation reads, the nearest value each way that changes it. */
export function flipPoints(situation: Situation, recommendation: Recommendation = recommend(situation)): FlipPoint[] {
  const read = recommendationEvaluations(recommendation);
  const keys = [...new Set(read.map((e) => e.thresholdKey))];
  const probe = everyEvaluation(situation);
  const flips: FlipPoint[] = [];
  for (const thresholdKey of keys) {
    const definition = thresholdDefinitionByKey.get(thresholdKey);
    const current = situation.thresholds[thresholdKey];
    if (!definition || current === undefined) continue;
    const domain = plausibleRangeByUnit[definition.unit];
    // The seat policy is read by the seat planner, not by a rule: any whole number of it may change the
    // plan, so each is a candidate, but only where it changes a vehicle's places. Every other threshold
    // changes the outcome only where a reading crosses it.
    const seatPolicy = isSeatPolicyKey(thresholdKey);
    const judging = probe.filter((e) => e.thresholdKey === thresholdKey && e.value !== null && Number.isFinite(e.value));
    const crossings = seatPolicy
      ? Array.from({ length: domain.max - domain.min + 1 }, (_, i) => domain.min + i)
      : judging.map((e) => e.value as number);
    const sameResults = seatPolicy ? samePlacesOf(situation, thresholdKey) : sameResultsOf(judging, current);
    for (const direction of ['raise', 'lower'] as const) {
      const outcomeAt = (value: number) =>
        outcomeOf({ ...situation, thresholds: { ...situation.thresholds, [thresholdKey]: value } });
      const flip = nearestFlip(current, direction, crossings, domain, recommendation.outcome, outcomeAt, sameResults);
      if (!flip) continue;
      const validAlone =
        validateThresholdValues({ ...situation.thresholds, [thresholdKey]: flip.inclusive ? flip.flipAt : nudge(flip) })
          .length === 0;
      flips.push({ thresholdKey, ...flip, validAlone });
    }
  }
  return flips;
}

const nudge = (flip: Flip) => flip.flipAt + sign(flip.direction) * step(flip.flipAt);

/**
 * For each assessed value the recommendation reads, the nearest value of its conservative end each
 * way that changes it, nearest first (by relative change): which uncertainty, narrowed, changes the answer.
 */
export function inputFlipPoints(situation: Situation, recommendation: Recommendation = recommend(situation)): InputFlipPoint[] {
  const read = recommendationEvaluations(recommendation);
  const keys = [...new Set(read.flatMap((e) => e.inputs.map((i) => i.key)))];
  const probe = everyEvaluation(situation);
  const flips: InputFlipPoint[] = [];
  for (const quantityKey of keys) {
    const assessed = situation.values[quantityKey];
    const quantity = quantityOfKey(quantityKey);
    if (!assessed || !quantity) continue;
    const current = conservativeEnd(quantityKey, assessed);
    const end = worseDirection(quantityKey) === 'higher' ? 'high' : 'low';
    const crossings = probe.flatMap((e) => crossingOf(e, quantityKey, current));
    for (const direction of ['raise', 'lower'] as const) {
      const outcomeAt = (value: number) =>
        outcomeOf({ ...situation, values: { ...situation.values, [quantityKey]: withEnd(assessed, end, value) } });
      const flip = nearestFlip(current, direction, crossings, quantity.definition.range, recommendation.outcome, outcomeAt);
      if (flip) flips.push({ quantityKey, end, ...flip });
    }
  }
  return flips.sort((a, b) => relativeMove(a) - relativeMove(b));
}

/** The input value at which this evaluation's reading meets its limit, the other inputs held. */
function crossingOf(evaluation: RuleEvaluation, key: string, current: number): number[] {
  const term = evaluation.inputs.find((i) => i.key === key);
  if (!term || evaluation.value === null || !Number.isFinite(evaluation.threshold)) return [];
  return [current + (evaluation.threshold - evaluation.value) / term.scale];
}

function withEnd(assessed: AssessedValue, end: 'high' | 'low', value: number): AssessedValue {
  return { ...assessed, [end]: value };
}
