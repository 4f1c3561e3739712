import { type InputProblem, type Parsed, parseJsonText } from '../session/inputProblem';
import {
  type PartialThresholdValues,
  pollPositionsSchema,
  thresholdDefinitionByKey,
  unknownThresholdKey,
  valueProblems,
} from '../session/model';

export interface PartialProfile {
  id?: string;
  version?: string;
  thresholds: PartialThresholdValues;
  pollPositions?: string[];
}

/** A profile file: `{ "id"?, "version"?, "thresholds": { key: number }, "pollPositions"?: [name, …] }`, any subset of keys. */
export function parsePartialProfile(file: string, text: string): Parsed<PartialProfile> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  const data = json.value;
  if (!isJsonObject(data)) {
    return { ok: false, problems: [{ file, path: '(root)', expected: 'an object with "thresholds"' }] };
  }
  const problems: InputProblem[] = [];
  const { id, version, thresholds, pollPositions, ...rest } = data;
  for (const key of Object.keys(rest))
    problems.push({ file, path: key, expected: 'unknown field; expected one of id, version, thresholds, pollPositions' });
  const positions = pollPositionsSchema.optional().safeParse(pollPositions);
  if (!positions.success)
    for (const issue of positions.error.issues)
      problems.push({ file, path: ['pollPositions', ...issue.path].join('.'), expected: issue.message });
  if (id !== undefined && typeof id !== 'string') problems.push({ file, path: 'id', expected: 'a string' });
  if (version !== undefined && typeof version !== 'string') problems.push({ file, path: 'version', expected: 'a string' });
  if (!isJsonObject(thresholds)) {
    problems.push({ file, path: 'thresholds', expected: 'an object of threshold key → number' });
    return { ok: false, problems };
  }
  // Tier order needs the merged profile (overlayProfile checks it); here each value on its own.
  for (const problem of valueProblems(thresholds)) {
    problems.push({ file, path: `thresholds.${problem.key}`, expected: problem.expected });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...(typeof id === 'string' ? { id } : {}),
      ...(typeof version === 'string' ? { version } : {}),
      thresholds: thresholds as PartialThresholdValues,
      ...(positions.data ? { pollPositions: positions.data } : {}),
    },
  };
}

/** A JSON object (not an array, not null): its fields still to be checked one by one. */
const isJsonObject = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

// Digits with an optional sign and fraction: no hex, binary, exponent, leading plus or Infinity.
const plainDecimal = /^-?(0|[1-9][0-9]*)(\.[0-9]+)?$/;

/** `--set key=value` from the command line. */
export function parseThresholdAssignment(text: string): Parsed<[string, number]> {
  const file = '--set';
  const match = /^([^=]+)=(.*)$/s.exec(text);
  if (!match?.[1])
    return { ok: false, problems: [{ file, path: text, expected: 'key=value, e.g. maxDescentCabinTempC.nominal=30' }] };
  const key = match[1].trim();
  const raw = (match[2] ?? '').trim();
  if (!thresholdDefinitionByKey.has(key))
    return { ok: false, problems: [{ file, path: key, expected: unknownThresholdKey(key) }] };
  const value = plainDecimal.test(raw) ? Number(raw) : Number.NaN;
  if (!Number.isFinite(value) || (value === 0 && /[1-9]/.test(raw)))
    return { ok: false, problems: [{ file, path: key, expected: `a plain decimal number such as 30 or -2.5, got "${raw}"` }] };
  const problems = valueProblems({ [key]: value });
  if (problems.length) return { ok: false, problems: problems.map((p) => ({ file, path: p.key, expected: p.expected })) };
  return { ok: true, value: [key, value] };
}
