import {
  defaultThresholdValues,
  type ThresholdValues,
  thresholdDefinitionByKey,
  unknownThresholdKey,
  validateThresholdValues,
  valueProblems,
} from '../../machines/policy/thresholds';
import { type InputProblem, type Parsed, parseJsonText } from '../files/inputProblem';
import { canonicalJson, sha256Hex } from './canonicalJson';

/** A versioned set of acceptance thresholds; the hash pins exactly which values were in force. */
export interface ThresholdProfile {
  id: string;
  version: string;
  values: ThresholdValues;
  contentHash: string;
}

export const defaultProfileRef = { id: 'default', version: '2026-11-25.1' } as const;

export async function makeProfile(id: string, version: string, values: ThresholdValues): Promise<ThresholdProfile> {
  return { id, version, values, contentHash: await sha256Hex(canonicalJson(values)) };
}

export function defaultProfile(): Promise<ThresholdProfile> {
  return makeProfile(defaultProfileRef.id, defaultProfileRef.version, defaultThresholdValues);
}

export interface PartialProfile {
  id?: string;
  version?: string;
  thresholds: Record<string, number>;
}

/** A profile file: `{ "id"?, "version"?, "thresholds": { key: number } }`, any subset of keys. */
export function parsePartialProfile(file: string, text: string): Parsed<PartialProfile> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  const data = json.value;
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    return { ok: false, problems: [{ file, path: '(root)', expected: 'an object with "thresholds"' }] };
  }
  const problems: InputProblem[] = [];
  const { id, version, thresholds, ...rest } = data as Record<string, unknown>;
  for (const key of Object.keys(rest))
    problems.push({ file, path: key, expected: 'no such field (only id, version, thresholds)' });
  if (id !== undefined && typeof id !== 'string') problems.push({ file, path: 'id', expected: 'a string' });
  if (version !== undefined && typeof version !== 'string') problems.push({ file, path: 'version', expected: 'a string' });
  if (typeof thresholds !== 'object' || thresholds === null || Array.isArray(thresholds)) {
    problems.push({ file, path: 'thresholds', expected: 'an object of threshold key → number' });
    return { ok: false, problems };
  }
  // Tier order needs the merged profile (overlayProfile checks it); here each value on its own.
  for (const problem of valueProblems(thresholds as Record<string, unknown>)) {
    problems.push({ file, path: `thresholds.${problem.key}`, expected: problem.expected });
  }
  if (problems.length) return { ok: false, problems };
  return {
    ok: true,
    value: {
      ...(typeof id === 'string' ? { id } : {}),
      ...(typeof version === 'string' ? { version } : {}),
      thresholds: thresholds as Record<string, number>,
    },
  };
}

/** `--set key=value` from the command line. */
export function parseThresholdAssignment(text: string): Parsed<[string, number]> {
  const file = '--set';
  const match = /^([^=]+)=(.*)$/.exec(text);
  if (!match?.[1])
    return { ok: false, problems: [{ file, path: text, expected: 'key=value, e.g. maxDescentCabinTempC.nominal=30' }] };
  const key = match[1].trim();
  const raw = (match[2] ?? '').trim();
  const value = raw === '' ? Number.NaN : Number(raw);
  if (!thresholdDefinitionByKey.has(key))
    return { ok: false, problems: [{ file, path: key, expected: unknownThresholdKey(key) }] };
  const problems = valueProblems({ [key]: Number.isFinite(value) ? value : raw });
  if (problems.length) return { ok: false, problems: problems.map((p) => ({ file, path: p.key, expected: p.expected })) };
  return { ok: true, value: [key, value] };
}

/** Overlays partial values on a base profile and checks the whole (cross-tier rules included). */
export async function overlayProfile(
  file: string,
  base: ThresholdProfile,
  overrides: Record<string, number>,
  ref?: { id?: string; version?: string },
): Promise<Parsed<ThresholdProfile>> {
  const values = { ...base.values, ...overrides };
  const problems = validateThresholdValues(values).map((p) => ({ file, path: `thresholds.${p.key}`, expected: p.expected }));
  if (problems.length) return { ok: false, problems };
  const changed = Object.keys(overrides).length > 0;
  const id = ref?.id ?? (changed ? `${base.id}+custom` : base.id);
  return { ok: true, value: await makeProfile(id, ref?.version ?? base.version, values) };
}
