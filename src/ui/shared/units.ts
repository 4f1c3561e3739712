import { roundedReading, signedWithUnit, withUnit } from '../../reports/format';
import { fromShownUnit, inShownUnit, shownUnitOf, type TemperatureUnit } from '../../reports/shownUnit';

export type { TemperatureUnit };

/** Display only, converted then rounded at the shown unit's resolution; a difference (a margin) converts without the offset. */
export function displayValue(value: number, unit: string, shown: TemperatureUnit, isDifference = false): string {
  return withUnit(inShownUnit(value, unit, shown, isDifference), shownUnitOf(unit, shown));
}

/** A number for an input field or a chart position: the model's own in its unit, a converted one at the shown unit's resolution. */
export function toDisplayNumber(value: number, unit: string, shown: TemperatureUnit): number {
  const converted = inShownUnit(value, unit, shown);
  return converted === value ? value : roundedReading(converted, shownUnitOf(unit, shown));
}

export const fromDisplayNumber = fromShownUnit;

export const displayUnit = shownUnitOf;

/** A margin, signed (`+3 °C`, `−1.5 %`), converted as a difference; `—` when unknown. */
export function displayMargin(margin: number | null, unit: string, shown: TemperatureUnit): string {
  return margin === null ? '—' : signedWithUnit(inShownUnit(margin, unit, shown, true), shownUnitOf(unit, shown));
}
