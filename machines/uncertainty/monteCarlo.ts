import { everyEvaluation, outcomeOf, recommend, type Situation } from '../policy/policy';
import { waitInputKeys } from '../rules/readings';
import type { AssessedValue, OutcomeId } from '../types';
import { uniformAt } from './counterRandom';
import { drawInput, type UncertainInput, uncertainInputs } from './uncertainInputs';

/**
 * How much the odds of the recommended outcome move between the two ends of one uncertain input.
 * Every draw lies on the better side of the conservative end, and a policy row only matches more as
 * values get better, so the recommended row keeps matching in every sample and is lost only to a row
 * above it: the odds move one way across the input's range, and a narrower range gives a shorter bar.
 */
export interface TornadoBar {
  /** The assessed value's key, e.g. `peakCabinTempC.crew3`. */
  key: string;
  label: string;
  unit: string;
  low: number;
  high: number;
  /** The probability of `recommended` with this input held at its low end, every other input drawn. */
  probabilityAtLow: number;
  /** The same with this input held at its high end (the same draws of every other input). */
  probabilityAtHigh: number;
  /** |probabilityAtHigh − probabilityAtLow| */
  swing: number;
}

/** The odds of each outcome when the uncertain assessed values are drawn instead of taken at their conservative end. */
export interface MonteCarloResult {
  samples: number;
  seed: number;
  /** The conservative-end recommendation: the authority. The odds say how fragile it is, never replace it. */
  recommended: OutcomeId;
  /** Probability of each outcome that occurred; they sum to 1. */
  outcomes: Partial<Record<OutcomeId, number>>;
  /** Standard error of each probability, √(p(1 − p) / samples). */
  standardErrors: Partial<Record<OutcomeId, number>>;
  /** One bar per uncertain input, largest swing first. */
  tornado: TornadoBar[];
}

/** What a run needs, worked out once: every worker and chunk of the same run makes the same plan. */
export interface MonteCarloPlan {
  situation: Situation;
  samples: number;
  seed: number;
  recommended: OutcomeId;
  inputs: UncertainInput[];
}

/**
 * Only the ranges some rule of the policy reads are drawn (and given a tornado bar): a range nobody reads
 * cannot move the answer. Each input keeps its own random stream, so leaving one out changes no other draw.
 */
export function planMonteCarlo(situation: Situation, samples: number, seed: number): MonteCarloPlan {
  const read = new Set<string>([
    ...waitInputKeys,
    ...everyEvaluation(situation).flatMap((e) => [e.quantityKey, ...e.inputs.map((i) => i.key)]),
  ]);
  const inputs = uncertainInputs(situation.values).filter((input) => read.has(input.key));
  return { situation, samples, seed, recommended: recommend(situation).outcome, inputs };
}

/**
 * Pass 0 draws every input (the odds); then, per input in order, a pass with it held at its low end and
 * one at its high end (a tornado bar), every other input drawn from the same numbers as in pass 0.
 */
type Pass = { kind: 'drawn' } | { kind: 'held'; inputIndex: number; end: 'low' | 'high' };

function passOf(plan: MonteCarloPlan, index: number): Pass {
  if (index === 0) return { kind: 'drawn' };
  const inputIndex = Math.floor((index - 1) / 2);
  if (index < 0 || inputIndex >= plan.inputs.length || !Number.isInteger(index)) throw new Error(`no pass ${index}`);
  return { kind: 'held', inputIndex, end: index % 2 === 1 ? 'low' : 'high' };
}

export const passCount = (plan: MonteCarloPlan) => 1 + 2 * plan.inputs.length;

/** Samples [from, to) of one pass: a piece of work any worker can take, in any order. */
export interface WorkPiece {
  pass: number;
  from: number;
  to: number;
}

/** How many samples of a pass gave each outcome. Whole numbers: added up in any order they give the same total. */
export type OutcomeCounts = Partial<Record<OutcomeId, number>>;

/** Runs one piece: each sample's situation goes through the one policy (`outcomeOf`: its rows in order, as `recommend`). */
export function countOutcomes(plan: MonteCarloPlan, piece: WorkPiece): OutcomeCounts {
  const pass = passOf(plan, piece.pass);
  const { situation, inputs, seed } = plan;
  const counts: OutcomeCounts = {};
  for (let sample = piece.from; sample < piece.to; sample++) {
    const values: Record<string, AssessedValue> = { ...situation.values };
    for (let i = 0; i < inputs.length; i++) {
      const input = inputs[i] as UncertainInput;
      const held = pass.kind === 'held' && pass.inputIndex === i ? input[pass.end] : null;
      const value = held ?? drawInput(input, uniformAt(seed, sample, input.stream));
      values[input.key] = { nominal: value, source: (situation.values[input.key] as AssessedValue).source };
    }
    const outcome = outcomeOf({ ...situation, values });
    counts[outcome] = (counts[outcome] ?? 0) + 1;
  }
  return counts;
}

/** The counts of every pass so far, added piece by piece. */
export type Tally = OutcomeCounts[];

export const emptyTally = (plan: MonteCarloPlan): Tally => Array.from({ length: passCount(plan) }, () => ({}));

export function addToTally(tally: Tally, pass: number, counts: OutcomeCounts): void {
  const into = tally[pass];
  if (!into) throw new Error(`no pass ${pass}`);
  for (const [outcome, count] of Object.entries(counts) as [OutcomeId, number][]) into[outcome] = (into[outcome] ?? 0) + count;
}

/** Every pass cut into pieces of at most `samplesPerPiece`, the odds' pass first. */
export function workPieces(plan: MonteCarloPlan, samplesPerPiece: number): WorkPiece[] {
  const pieces: WorkPiece[] = [];
  for (let pass = 0; pass < passCount(plan); pass++) {
    for (let from = 0; from < plan.samples; from += samplesPerPiece) {
      pieces.push({ pass, from, to: Math.min(plan.samples, from + samplesPerPiece) });
    }
  }
  return pieces;
}

const probability = (counts: OutcomeCounts | undefined, outcome: OutcomeId, samples: number) =>
  (counts?.[outcome] ?? 0) / samples;

/** Probabilities and standard errors from the counts of the drawn pass: the odds, before the tornado is done. */
export function outcomeOdds(samples: number, counts: OutcomeCounts): Pick<MonteCarloResult, 'outcomes' | 'standardErrors'> {
  const outcomes: Partial<Record<OutcomeId, number>> = {};
  const standardErrors: Partial<Record<OutcomeId, number>> = {};
  for (const outcome of (Object.keys(counts) as OutcomeId[]).sort()) {
    const p = probability(counts, outcome, samples);
    outcomes[outcome] = p;
    standardErrors[outcome] = Math.sqrt((p * (1 - p)) / samples);
  }
  return { outcomes, standardErrors };
}

/** The result of a complete tally (every sample of every pass counted once). */
export function monteCarloResult(plan: MonteCarloPlan, tally: Tally): MonteCarloResult {
  const { samples, seed, recommended } = plan;
  tally.forEach((counts, pass) => {
    const counted = Object.values(counts).reduce((sum, n) => sum + (n ?? 0), 0);
    if (counted !== samples) throw new Error(`pass ${pass} counted ${counted} of ${samples} samples`);
  });
  const { outcomes, standardErrors } = outcomeOdds(samples, tally[0] ?? {});
  const tornado = plan.inputs.map((input, i): TornadoBar => {
    const probabilityAtLow = probability(tally[1 + 2 * i], recommended, samples);
    const probabilityAtHigh = probability(tally[2 + 2 * i], recommended, samples);
    const { key, label, unit, low, high } = input;
    return {
      key,
      label,
      unit,
      low,
      high,
      probabilityAtLow,
      probabilityAtHigh,
      swing: Math.abs(probabilityAtHigh - probabilityAtLow),
    };
  });
  tornado.sort((a, b) => b.swing - a.swing || a.key.localeCompare(b.key));
  return { samples, seed, recommended, outcomes, standardErrors, tornado };
}

/** A whole run on this thread, in pieces of `samplesPerPiece` (the result does not depend on it). */
export function monteCarlo(situation: Situation, samples: number, seed: number, samplesPerPiece = samples): MonteCarloResult {
  const plan = planMonteCarlo(situation, samples, seed);
  const tally = emptyTally(plan);
  for (const piece of workPieces(plan, samplesPerPiece)) addToTally(tally, piece.pass, countOutcomes(plan, piece));
  return monteCarloResult(plan, tally);
}
