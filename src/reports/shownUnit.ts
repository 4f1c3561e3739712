/** The model stores °C; the screen may show °F. Converted first, then rounded at the shown unit's resolution. */
export type TemperatureUnit = '°C' | '°F';

/** A value in the unit shown; a difference (a margin, a caution band) converts without the offset. */
export function inShownUnit(value: number, unit: string, shown: TemperatureUnit, isDifference = false): number {
  if (unit !== '°C' || shown === '°C') return value;
  return isDifference ? (value * 9) / 5 : (value * 9) / 5 + 32;
}

/** Back to the model's unit: what an operator typed in the unit shown. */
export function fromShownUnit(value: number, unit: string, shown: TemperatureUnit): number {
  return unit === '°C' && shown === '°F' ? ((value - 32) * 5) / 9 : value;
}

export const shownUnitOf = (unit: string, shown: TemperatureUnit): string => (unit === '°C' ? shown : unit);
