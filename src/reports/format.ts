/**
 * How the app, the CLI and every report write what they show: numbers and margins (each unit at its
 * one reading resolution, the unit beside every value), counts, dates and times (always UTC) and the
 * problems found in a file. One place, so no two presenters say the same thing differently.
 */
import { type InputProblem, saysWhatIsWrong } from '../session/inputProblem';
import { statusOfSeverity } from '../session/model';
import { decimalsOf } from './resolution';

/** `x` rounded to `decimals`, half away from zero (so a margin and its negation read alike); never `-0`. */
export function roundTo(x: number, decimals: number): number {
  const scale = 10 ** decimals;
  const scaled = Math.abs(x) * scale;
  const rounded = (Math.sign(x) * Math.round(nearAHalf(scaled) ? Number(scaled.toPrecision(12)) : scaled)) / scale;
  return rounded === 0 ? 0 : rounded;
}

/**
 * Whether `scaled` lies within binary noise of a half, where it must round as the decimal it was written
 * as (1.005 × 100 is 100.49999…): read at 12 significant digits first. Elsewhere that reading cannot move
 * it across a half, so it is skipped: a string round trip per number shown was a tenth of a redraw.
 */
function nearAHalf(scaled: number): boolean {
  return Math.abs(scaled - Math.floor(scaled) - 0.5) <= 1e-9 * Math.max(1, scaled);
}

/** `x` at `decimals`, without trailing zeros (111.79583 at 1 → `111.8`, 40.0 → `40`). */
export function numberText(x: number, decimals: number): string {
  const text = roundTo(x, decimals).toFixed(decimals);
  return text.includes('.') ? text.replace(/0+$/, '').replace(/\.$/, '') : text;
}

/**
 * A flip point at its unit's resolution, rounded toward the side that flips, so the bound read stays
 * true: "≥ 41.44" reads "≥ 41.5" (41.4 would not flip), "≤ 38.06" reads "≤ 38".
 */
export function flipBound(x: number, unit: string, direction: 'raise' | 'lower'): number {
  const scale = 10 ** decimalsOf(unit);
  // toPrecision first: a bound computed as 39.000000001 is the 39 it stands for, not 39.1.
  const scaled = Number((x * scale).toPrecision(12));
  const bound = (direction === 'raise' ? Math.ceil(scaled) : Math.floor(scaled)) / scale;
  return bound === 0 ? 0 : bound;
}

/** `x` at its unit's reading resolution, as a number: what an input field or a chart position shows. */
export const roundedReading = (x: number, unit: string) => roundTo(x, decimalsOf(unit));

/** `43 °C`, `111.8 %`, `2` (counts carry no unit); at the unit's resolution unless told finer. */
export function withUnit(value: number | string, unit: string, decimals = decimalsOf(unit)): string {
  const text = typeof value === 'number' ? numberText(value, decimals) : value;
  if (unit === 'status') return typeof value === 'number' ? `${statusOfSeverity(value) ?? text} (${text})` : `${text} (status)`;
  return unit === 'count' || unit === '' ? text : `${text} ${unit}`;
}

/** Past this many digits finer than its unit's, a nonzero margin reads `< 0.0001 °C`: it is rounding noise, not a margin. */
export const finestExtraDecimals = 3;

/** The decimals at which a nonzero margin does not read as `0`: the unit's, finer when it must be. */
function marginDecimals(margin: number, unit: string): number {
  let decimals = decimalsOf(unit);
  const finest = decimals + finestExtraDecimals;
  while (decimals < finest && margin !== 0 && roundTo(margin, decimals) === 0) decimals += 1;
  return decimals;
}

/** `+3 °C` / `−1.5 %`: a margin, signed; a nonzero one never reads `+0` (finer, or `+< 0.0001 °C` past the finest). */
export function signedWithUnit(value: number | null, unit: string, decimals = marginDecimals(value ?? 0, unit)): string {
  if (value === null) return '—';
  const sign = value < 0 ? '−' : '+';
  const magnitude = Math.abs(value);
  const text =
    magnitude !== 0 && roundTo(magnitude, decimals) === 0
      ? `< ${numberText(10 ** -decimals, decimals)}`
      : numberText(magnitude, decimals);
  return withUnit(`${sign}${text}`, unit);
}

/** `74.4 %`: odds at the `%` resolution, fixed so the digit says the precision; exactly 0 or 1 reads as such, a tiny one never rounds to them. */
export function percentText(probability: number): string {
  if (probability === 0 || probability === 1) return `${probability * 100} %`;
  const decimals = decimalsOf('%');
  const percent = probability * 100;
  const bound = 10 ** -decimals;
  const text =
    percent < bound ? `< ${bound}` : percent > 100 - bound ? `> ${100 - bound}` : roundTo(percent, decimals).toFixed(decimals);
  return `${text} %`;
}

/** `± 0.14 %`: a standard error needs one more digit than the odds it qualifies. */
export const standardErrorText = (standardError: number) => {
  const decimals = decimalsOf('%') + 1;
  return `± ${roundTo(standardError * 100, decimals).toFixed(decimals)} %`;
};

/** A chart tick: a position, not a reading, so at the unit's resolution or the ticks' own step if finer. */
export function tickText(value: number, unit: string, step: number, showUnit = true): string {
  const stepDecimals = numberText(step, decimalsOf(unit) + finestExtraDecimals).split('.')[1]?.length ?? 0;
  const decimals = Math.max(decimalsOf(unit), stepDecimals);
  return showUnit ? withUnit(value, unit, decimals) : numberText(value, decimals);
}

/** `20,000`: a count, its thousands grouped. */
export const countText = (count: number) => count.toLocaleString('en-US');

/** `2022-12-15 00:45:07` for an ISO 8601 UTC time. */
export const utcSecond = (iso: string) => iso.slice(0, 19).replace('T', ' ');

/** `2022-12-15 00:45`. */
export const utcMinute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

/** `12-15 00:45`: where the year is the record's own. */
export const utcMonthDayMinute = (iso: string) => iso.slice(5, 16).replace('T', ' ');

/** `00:45:07`: where the day is the row's own. */
export const utcTimeOfDay = (iso: string) => iso.slice(11, 19);

/** `2022-12-15`. */
export const utcDate = (iso: string) => iso.slice(0, 10);

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "11 Jan 2023" (UTC): a day in a sentence. */
export function utcDay(iso: string): string {
  const day = new Date(iso);
  return `${day.getUTCDate()} ${monthNames[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}

/** The field a problem is at, `(root)` for the whole file. */
export const problemPath = (problem: Pick<InputProblem, 'path'>) => problem.path || '(root)';

/** What was expected at a problem's field, in words ("expected …", or that the field is unknown or missing and what is expected). */
export function problemExpectation(problem: Pick<InputProblem, 'expected'>): string {
  return saysWhatIsWrong(problem) ? problem.expected : `expected ${problem.expected}`;
}

/** `events[3].at: expected an ISO time`, `events[20].holdDay: unknown field; expected one of …`: a problem in the app's words. */
export const problemWords = (problem: Pick<InputProblem, 'path' | 'expected'>) =>
  `${problemPath(problem)}: ${problemExpectation(problem)}`;

/** `profile.json: thresholds.x: expected a number`: a problem and its file, as the app shows it. */
export const filedProblemWords = (problem: InputProblem) => `${problem.file}: ${problemWords(problem)}`;

/** `error: profile.json: thresholds.x: a number`: a problem as the CLI prints it, one line on stderr. */
export const problemLine = (problem: InputProblem) => `error: ${problem.file}: ${problemPath(problem)}: ${problem.expected}`;
