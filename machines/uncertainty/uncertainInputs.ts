import type { AssessedValues } from '../rules/evaluate';
import { quantityOfKey } from '../rules/quantities';
import { type StreamId, streamOf } from './counterRandom';

/** An assessed value reported with a range (low < high): what a Monte Carlo run samples. */
export interface UncertainInput {
  key: string;
  label: string;
  unit: string;
  low: number;
  nominal: number;
  high: number;
  /** A count (thrusters lost, open questions) is drawn as a whole number. */
  wholeNumber: boolean;
  stream: StreamId;
  /** A status given with odds: drawn from these values (ascending), not from a triangle. */
  discrete?: readonly { value: number; probability: number }[];
}

/** Every assessed value with a range, in key order; one reported without low and high is known exactly and never sampled. */
export function uncertainInputs(values: AssessedValues): UncertainInput[] {
  const inputs: UncertainInput[] = [];
  for (const key of Object.keys(values).sort()) {
    const assessed = values[key];
    if (!assessed) continue;
    const quantity = quantityOfKey(key);
    if (assessed.odds?.length) {
      const rest = 1 - assessed.odds.reduce((sum, o) => sum + o.probability, 0);
      const discrete = [...assessed.odds, { value: assessed.nominal, probability: rest }].sort((a, b) => a.value - b.value);
      inputs.push({
        key,
        label: quantity?.definition.label ?? key,
        unit: quantity?.definition.unit ?? '',
        low: discrete[0]?.value ?? assessed.nominal,
        nominal: assessed.nominal,
        high: discrete.at(-1)?.value ?? assessed.nominal,
        wholeNumber: true,
        stream: streamOf(key),
        discrete,
      });
      continue;
    }
    const low = assessed.low ?? assessed.nominal;
    const high = assessed.high ?? assessed.nominal;
    if (!(low < high)) continue;
    const crew = quantity?.crewCount === undefined ? '' : ` (${quantity.crewCount} crew)`;
    inputs.push({
      key,
      label: `${quantity?.definition.label ?? key}${crew}`,
      unit: quantity?.definition.unit ?? '',
      low,
      nominal: Math.min(high, Math.max(low, assessed.nominal)),
      high,
      wholeNumber: quantity?.definition.range.integer === true,
      stream: streamOf(key),
    });
  }
  return inputs;
}

/**
 * The triangular distribution on (low, nominal, high), drawn by its inverse distribution function
 * from one uniform number `u` in [0, 1).
 *
 * Why triangular and not PERT: engineering reports give three points and no shape, and a tool that
 * judges a safety decision should not thin out the ends the teams named as credible. PERT puts
 * about a sixth of the range in each standard deviation and little weight near low and high; the
 * triangular keeps more weight there, so the odds it gives are the more cautious ones. Its inverse
 * is closed-form (one square root), so a draw is one uniform number, exactly the same in every
 * engine, and a monotone function of it.
 */
export function triangularAt(u: number, low: number, nominal: number, high: number): number {
  const width = high - low;
  if (!(width > 0)) return nominal;
  const modeShare = (nominal - low) / width;
  const drawn =
    u < modeShare ? low + Math.sqrt(u * width * (nominal - low)) : high - Math.sqrt((1 - u) * width * (high - nominal));
  return Math.min(high, Math.max(low, drawn));
}

/** A draw of the input: a count is rounded to the nearest whole number (still monotone in `u`). */
export function drawInput(input: UncertainInput, u: number): number {
  if (input.discrete) {
    // Ascending values by cumulative probability: still monotone in u.
    let cumulative = 0;
    for (const { value, probability } of input.discrete) {
      cumulative += probability;
      if (u < cumulative) return value;
    }
    return input.high;
  }
  const value = triangularAt(u, input.low, input.nominal, input.high);
  return input.wholeNumber ? Math.min(input.high, Math.max(input.low, Math.round(value))) : value;
}
