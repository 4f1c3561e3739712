import type { ThresholdUnit } from '../session/model';

/**
 * The one reading resolution of every unit the app shows: a value, its limit, its margin, a chart's
 * tick and a report's cell in that unit are all rounded to it (finer only where a nonzero margin would
 * otherwise read as none). Chosen against each unit's smallest meaningful step, e.g. a fifth of the
 * tightest caution band (0.05 kPa/h → 0.01 kPa/h; 2 °C → 0.1 °C).
 */
const readingResolutionByUnit = {
  '°C': 0.1,
  '°F': 0.1,
  '%RH': 0.1,
  '%': 0.1,
  'kPa/h': 0.01,
  g: 0.1,
  count: 1,
  status: 1,
  days: 0.1,
  // The same day, as the vehicle-life chart spells it.
  d: 0.1,
  'm/s': 0.1,
  mm: 0.1,
  W: 1,
  min: 1,
  s: 1,
  'kJ/K': 1,
  seats: 1,
  places: 1,
  thrusters: 1,
  /** Probability points (a swing of odds). */
  points: 0.1,
  /** A margin counted in its rule's caution bands. */
  bands: 0.1,
} as const satisfies Readonly<Record<ThresholdUnit, number>> & Readonly<Record<string, number>>;

export type ReadingUnit = keyof typeof readingResolutionByUnit;

/** A unit nobody declared (a number of other logic in an old record) reads at two decimals. */
const undeclaredDecimals = 2;

export const isDeclaredUnit = (unit: string): unit is ReadingUnit => Object.hasOwn(readingResolutionByUnit, unit);

/** Decimals of a unit's reading resolution: 0.1 → 1, 1 → 0. */
export function decimalsOf(unit: string): number {
  return isDeclaredUnit(unit) ? Math.round(-Math.log10(readingResolutionByUnit[unit])) : undeclaredDecimals;
}
