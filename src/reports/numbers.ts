import { statusOfSeverity } from '../session/model';
/** Numbers as people read them: sensible rounding, and the unit beside every value. */

/** Two decimals below 10, one below 1000, none above; no trailing zeros (111.79583 → 111.8). */
export function roundForReading(x: number): string {
  const digits = Math.abs(x) < 10 ? 2 : Math.abs(x) < 1000 ? 1 : 0;
  return String(Number(x.toFixed(digits)));
}

/** `43 °C`, `111.8 %`, `2` (counts carry no unit). */
export function withUnit(value: number | string, unit: string): string {
  const text = typeof value === 'number' ? roundForReading(value) : value;
  if (unit === 'status') return typeof value === 'number' ? `${statusOfSeverity(value) ?? text} (${text})` : `${text} (status)`;
  return unit === 'count' || unit === '' ? text : `${text} ${unit}`;
}

/** `+3 °C` / `−1.5 %`: a margin, signed. */
export function signedWithUnit(value: number | null, unit: string): string {
  if (value === null) return '—';
  return withUnit(`${value >= 0 ? '+' : '−'}${roundForReading(Math.abs(value))}`, unit);
}

/** `74.4 %`; a probability of exactly 0 or 1 reads as such, a tiny one never rounds to them. */
export function percentText(probability: number): string {
  if (probability === 0 || probability === 1) return `${probability * 100} %`;
  const percent = probability * 100;
  const text = percent < 0.1 ? '< 0.1' : percent > 99.9 ? '> 99.9' : percent.toFixed(1);
  return `${text} %`;
}
