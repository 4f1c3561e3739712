import { withUnit } from '../../reports/numbers';

export type TemperatureUnit = '°C' | '°F';

const toF = (c: number) => (c * 9) / 5 + 32;
const fromF = (f: number) => ((f - 32) * 5) / 9;

/** Display only, rounded as every report rounds: the model stores °C; a difference (a margin) converts without the offset. */
export function displayValue(value: number, unit: string, shown: TemperatureUnit, isDifference = false): string {
  if (unit === '°C' && shown === '°F') return withUnit(isDifference ? (value * 9) / 5 : toF(value), '°F');
  return withUnit(value, unit);
}

export function toDisplayNumber(value: number, unit: string, shown: TemperatureUnit): number {
  return unit === '°C' && shown === '°F' ? round(toF(value)) : value;
}

export function fromDisplayNumber(value: number, unit: string, shown: TemperatureUnit): number {
  return unit === '°C' && shown === '°F' ? fromF(value) : value;
}

export function displayUnit(unit: string, shown: TemperatureUnit): string {
  return unit === '°C' ? shown : unit;
}

export function round(x: number): number {
  return Math.round(x * 100) / 100;
}

/** A margin, signed (`+3 °C`, `−1.5 %`), converted as a difference; `—` when unknown. */
export function displayMargin(margin: number | null, unit: string, shown: TemperatureUnit): string {
  return margin === null ? '—' : `${margin >= 0 ? '+' : '−'}${displayValue(Math.abs(margin), unit, shown, true)}`;
}
