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
  const profile = await makeProfile(id, ref?.version ?? base.version, values, pollPositions);
  const identity = await profileIdentity(profile);
  if (identity.claimsBuiltIn && !identity.builtIn) {
    const path = ref?.id !== undefined ? 'id' : 'thresholds';
    const expected = `another id or version than the built-in profile's (${defaultProfileRef.id} ${defaultProfileRef.version}): these values differ from it (${describeDifferences(identity)})`;
    return { ok: false, problems: [{ file, path, expected }] };
  }
  return { ok: true, value: profile };
}

/** A profile is its content: its hash, and whether it is, claims to be, or differs from the built-in default. */
export interface ProfileIdentity {
  /** SHA-256 of the canonical values (its content hash, recomputed): what identifies the profile. */
  hash: string;
  /** Exactly the built-in default (id, version and content). */
  builtIn: boolean;
  /** Carries the built-in default's id and version. */
  claimsBuiltIn: boolean;
  /** Values that differ from the built-in default's, and whether the poll positions do. */
  differences: { key: ThresholdKey; value: number; builtInValue: number }[];
  pollPositionsDiffer: boolean;
}

export async function profileIdentity(profile: ThresholdProfile): Promise<ProfileIdentity> {
  const builtIn = await defaultProfile();
  const hash = await sha256Hex(canonicalJson(profile.values));
  const differences = (Object.keys(builtIn.values) as ThresholdKey[])
    .filter((key) => profile.values[key] !== builtIn.values[key])
    .map((key) => ({ key, value: profile.values[key], builtInValue: builtIn.values[key] }));
  const pollPositionsDiffer = canonicalJson(positionsToPoll(profile)) !== canonicalJson(positionsToPoll(builtIn));
  const claimsBuiltIn = profile.id === defaultProfileRef.id && profile.version === defaultProfileRef.version;
  return {
    hash,
    builtIn: claimsBuiltIn && hash === builtIn.contentHash && !pollPositionsDiffer,
    claimsBuiltIn,
    differences,
    pollPositionsDiffer,
  };
}

/** "maxDescentCabinTempC.emergency 45 (built-in 40), poll positions" or "none". */
function describeDifferences(identity: ProfileIdentity): string {
  const parts = identity.differences.map((d) => `${d.key} ${d.value} (built-in ${d.builtInValue})`);
  if (identity.pollPositionsDiffer) parts.push('poll positions');
  return parts.length ? parts.join(', ') : 'none';
}

/** "default 2026-12-06.1, sha256 3f2a…: the built-in profile" / "…: NOT the built-in profile (it claims its id and version); differs from the built-in default in …". */
export function profileIdentitySentence(profile: ThresholdProfile, identity: ProfileIdentity): string {
  const head = `profile ${profile.id} ${profile.version}, sha256 ${identity.hash}`;
  if (identity.builtIn) return `${head}: the built-in profile`;
  const claim = identity.claimsBuiltIn ? ': NOT the built-in profile, though it carries its id and version' : '';
  return `${head}${claim}; differs from the built-in default (${defaultProfileRef.id} ${defaultProfileRef.version}) in: ${describeDifferences(identity)}`;
}
