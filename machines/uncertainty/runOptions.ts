/** What a Monte Carlo run can be asked for: the CLI's flags and the app's fields read the same limits and words. */
export const maxSamples = 10_000_000;
export const maxSeed = 4_294_967_295;
export const defaultSamples = 100_000;
export const defaultSeed = 20_221_215;

export type ParsedWhole = { ok: true; value: number } | { ok: false; expected: string };

function wholeNumber(text: string, min: number, max: number, what: string): ParsedWhole {
  const trimmed = text.trim();
  const value = /^\d{1,16}$/.test(trimmed) ? Number(trimmed) : Number.NaN;
  if (Number.isSafeInteger(value) && value >= min && value <= max) return { ok: true, value };
  const got = trimmed === '' ? 'nothing' : `'${trimmed.length > 40 ? `${trimmed.slice(0, 40)}…` : trimmed}'`;
  return { ok: false, expected: `${what} from ${min.toLocaleString('en-US')} to ${max.toLocaleString('en-US')}, got ${got}` };
}

export const parseSamples = (text: string) => wholeNumber(text, 1, maxSamples, 'a whole number of samples');
export const parseSeed = (text: string) => wholeNumber(text, 0, maxSeed, 'a whole number');
