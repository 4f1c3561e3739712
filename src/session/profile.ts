import {
  defaultThresholdValues,
  type PartialThresholdValues,
  type ThresholdKey,
  type ThresholdValues,
  validateThresholdValues,
} from '../../machines/policy/thresholds';
import { defaultPollPositions } from '../../machines/statechart/poll';
import { canonicalJson, sha256Hex } from './canonicalJson';
import type { Parsed } from './inputProblem';

/** A versioned set of acceptance thresholds; the hash pins exactly which values were in force. */
export interface ThresholdProfile {
  id: string;
  version: string;
  values: ThresholdValues;
  contentHash: string;
  /** Whom a GO/NO-GO poll asks by default (the poll itself names whom it asked); absent in profiles older than polls. */
  pollPositions?: readonly string[];
}

/** The positions a poll offers to ask: the profile's, or the default list. */
export const positionsToPoll = (profile: ThresholdProfile): readonly string[] => profile.pollPositions ?? defaultPollPositions;

export const defaultProfileRef = { id: 'default', version: '2026-12-06.1' } as const;

export async function makeProfile(
  id: string,
  version: string,
  values: ThresholdValues,
  pollPositions: readonly string[] = defaultPollPositions,
): Promise<ThresholdProfile> {
  return { id, version, values, contentHash: await sha256Hex(canonicalJson(values)), pollPositions };
}

/** The values in force that differ from `base` (a profile's values, or those recorded): what a change changed. */
export function changedFrom(base: ThresholdValues, inForce: ThresholdValues): [key: ThresholdKey, value: number][] {
  return (Object.entries(inForce) as [ThresholdKey, number][]).filter(([key, value]) => base[key] !== value);
}

export function defaultProfile(): Promise<ThresholdProfile> {
  return makeProfile(defaultProfileRef.id, defaultProfileRef.version, defaultThresholdValues);
}

/** Overlays partial values on a base profile and checks the whole (cross-tier rules included). */
export async function overlayProfile(
  file: string,
  base: ThresholdProfile,
  overrides: PartialThresholdValues,
  ref?: { id?: string; version?: string; pollPositions?: readonly string[] },
): Promise<Parsed<ThresholdProfile>> {
  const values = { ...base.values, ...overrides };
  const problems = validateThresholdValues(values).map((p) => ({ file, path: `thresholds.${p.key}`, expected: p.expected }));
  if (problems.length) return { ok: false, problems };
  const pollPositions = ref?.pollPositions ?? positionsToPoll(base);
  const changed = Object.keys(overrides).length > 0 || pollPositions !== positionsToPoll(base);
  const id = ref?.id ?? (changed ? `${base.id}+custom` : base.id);
  return { ok: true, value: await makeProfile(id, ref?.version ?? base.version, values, pollPositions) };
}
