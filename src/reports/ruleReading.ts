import { finestExtraDecimals, numberText, roundTo, signedWithUnit, withUnit } from './format';
import { decimalsOf } from './resolution';
import { inShownUnit, shownUnitOf, type TemperatureUnit } from './shownUnit';

/** A rule evaluation's numbers, as the evaluator, a record or a report carries them (in the model's unit). */
export interface RuleNumbers {
  value: number | null;
  nominalValue?: number | null;
  threshold: number;
  margin: number | null;
  unit: string;
}

/** A value, its limit and its margin as they are read together: one unit, one resolution. */
export interface RuleReading {
  /** Null when unknown. */
  value: string | null;
  /** The nominal value beside a judged end that differs from it; null otherwise. */
  nominal: string | null;
  limit: string;
  /** Signed: `+1.5 °C`, `−0.04 °C`, `—` when unknown. */
  margin: string;
  /** The margin's size alone, as "passes by" and "fails by" say it: `1.5 °C`. */
  by: string;
}

const inShown = (e: RuleNumbers, shown: TemperatureUnit): RuleNumbers => ({
  value: e.value === null ? null : inShownUnit(e.value, e.unit, shown),
  nominalValue: e.nominalValue == null ? null : inShownUnit(e.nominalValue, e.unit, shown),
  threshold: inShownUnit(e.threshold, e.unit, shown),
  margin: e.margin === null ? null : inShownUnit(e.margin, e.unit, shown, true),
  unit: shownUnitOf(e.unit, shown),
});

/** A nonzero margin that reads as none, or a value that reads as its limit while it is not at it, contradicts the verdict. */
const contradicts = (e: RuleNumbers, decimals: number) =>
  e.margin !== null &&
  e.margin !== 0 &&
  (roundTo(e.margin, decimals) === 0 || (e.value !== null && roundTo(e.value, decimals) === roundTo(e.threshold, decimals)));

/**
 * The decimals at which rules reading one value (in the unit shown) read together: the unit's
 * resolution, one digit finer at a time while any would contradict its own verdict (so `39.95 °C`
 * against `40 °C`, `+0.05 °C`, never `40 °C` against `40 °C`, `+0.1 °C`).
 */
function sharedDecimals(rules: readonly RuleNumbers[], unit: string): number {
  const unitDecimals = decimalsOf(unit);
  let decimals = unitDecimals;
  while (decimals < unitDecimals + finestExtraDecimals && rules.some((e) => contradicts(e, decimals))) decimals += 1;
  return decimals;
}

/** Several evaluations of one value (side by side, two limits) read at one resolution. */
export function ruleReadings(rules: readonly RuleNumbers[], shown: TemperatureUnit = '°C'): RuleReading[] {
  const converted = rules.map((e) => inShown(e, shown));
  const unit = converted[0]?.unit ?? '';
  const decimals = sharedDecimals(converted, unit);
  return converted.map((e) => readAt(e, unit, decimals));
}

/** One evaluation (already in the unit shown) read at `decimals`. */
function readAt(e: RuleNumbers, unit: string, decimals: number): RuleReading {
  const margin = marginText(e, unit, decimals);
  return {
    value: e.value === null ? null : withUnit(e.value, unit, decimals),
    nominal: e.nominalValue == null || e.nominalValue === e.value ? null : withUnit(e.nominalValue, unit, decimals),
    limit: withUnit(e.threshold, unit, decimals),
    margin,
    by: e.margin === null ? margin : margin.slice(1),
  };
}

/**
 * The margin as the difference of the value and the limit as shown (`40 °C` − `38.3 °C` = `+1.7 °C`,
 * though 1.75 alone would round to 1.8): within a step of the exact margin, and never contradicting them.
 */
function marginText(e: RuleNumbers, unit: string, decimals: number): string {
  if (e.margin === null || e.value === null) return signedWithUnit(e.margin, unit, decimals);
  // A `≤` rule's margin is limit − value, a `≥` rule's value − limit: the margin itself says which.
  const orientation = Math.abs(e.margin - (e.threshold - e.value)) <= Math.abs(e.margin + (e.threshold - e.value)) ? 1 : -1;
  const shown = roundTo(orientation * (roundTo(e.threshold, decimals) - roundTo(e.value, decimals)), decimals);
  return shown === 0 && e.margin !== 0
    ? withUnit(`${e.margin < 0 ? '−' : '+'}< ${numberText(10 ** -decimals, decimals)}`, unit)
    : signedWithUnit(shown, unit, decimals);
}

/** One evaluation read on its own: `ruleReadings` of it alone. */
export function ruleReading(e: RuleNumbers, shown: TemperatureUnit = '°C'): RuleReading {
  const converted = inShown(e, shown);
  return readAt(converted, converted.unit, sharedDecimals([converted], converted.unit));
}
