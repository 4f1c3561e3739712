import { defaultThresholdValues, type ThresholdValues, validateThresholdValues } from '../../machines/policy/thresholds';
import { canonicalJson, sha256Hex } from './canonicalJson';
import type { Parsed } from './inputProblem';

/** A versioned set of acceptance thresholds; the hash pins exactly which values were in force. */
export interface ThresholdProfile {
  id: string;
  version: string;
  values: ThresholdValues;
  contentHash: string;
}

export const defaultProfileRef = { id: 'default', version: '2026-11-26.1' } as const;

export async function makeProfile(id: string, version: string, values: ThresholdValues): Promise<ThresholdProfile> {
  return { id, version, values, contentHash: await sha256Hex(canonicalJson(values)) };
}

/** The values in force that differ from `base` (a profile's values, or those recorded): what a change changed. */
export function changedFrom(base: ThresholdValues, inForce: ThresholdValues): [key: string, value: number][] {
  return Object.entries(inForce).filter(([key, value]) => base[key] !== value);
}

export function defaultProfile(): Promise<ThresholdProfile> {
  return makeProfile(defaultProfileRef.id, defaultProfileRef.version, defaultThresholdValues);
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
