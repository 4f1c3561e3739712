/** The audit ledger: each fold step as a hash-chained entry, and the decision packet that carries them. */

import type { Scenario } from '../../scenarios/schema';
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import type { DerivedRecord, RecordedEvent, SessionFold } from '../session/fold';
import type { CrewReturnEvent } from '../session/model';
import { decisionLogicVersion } from '../session/model';
import type { ThresholdProfile } from '../session/profile';

export interface AuditEntry {
  seq: number;
  /** The decision logic that derived this entry. */
  logicVersion: number;
  wallClockUtc: string;
  /** The event exactly as the machine took it: type, scenario time, actor and payload. */
  event: CrewReturnEvent;
  /** What the event produced; the thresholds in force are pinned by `profile.hash`. */
  derived: Omit<DerivedRecord, 'thresholds'>;
  profile: { id: string; version: string; hash: string };
  previousHash: string;
  hash: string;
}

export const packetFormatVersion = 2;

export interface DecisionPacket {
  format: 'crew-return-decision-packet';
  formatVersion: typeof packetFormatVersion;
  scenario: Scenario;
  profile: ThresholdProfile;
  entryCount: number;
  headHash: string;
  entries: AuditEntry[];
}

/** The hash before the first entry binds the scenario and the base profile into the chain. */
export function genesisHash(scenario: Scenario, profile: ThresholdProfile): Promise<string> {
  return sha256Hex(canonicalJson({ scenario, profile }));
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(entry));
}

/**
 * Appends an entry for each fold step beyond those already in `ledger`. Existing entries are never
 * touched: a correction is a new event.
 */
export async function extendLedger(
  scenario: Scenario,
  profile: ThresholdProfile,
  ledger: readonly AuditEntry[],
  fold: SessionFold,
): Promise<AuditEntry[]> {
  const entries = [...ledger];
  if (fold.steps.length <= ledger.length) return entries;
  const hashByThresholds = new Map<string, Promise<string>>();
  let previousHash = entries.at(-1)?.hash ?? (await genesisHash(scenario, profile));
  for (const step of fold.steps.slice(ledger.length)) {
    const { thresholds, ...derived } = step.record;
    const thresholdsJson = canonicalJson(thresholds);
    if (!hashByThresholds.has(thresholdsJson)) hashByThresholds.set(thresholdsJson, sha256Hex(thresholdsJson));
    const entry: Omit<AuditEntry, 'hash'> = {
      seq: step.seq,
      logicVersion: decisionLogicVersion,
      wallClockUtc: step.wallClockUtc,
      // Copies, not references: an entry must not share objects with the scenario it was made from.
      event: structuredClone(step.event),
      derived,
      profile: {
        id: profile.id,
        version: profile.version,
        hash: await (hashByThresholds.get(thresholdsJson) as Promise<string>),
      },
      previousHash,
    };
    previousHash = await entryHash(entry);
    // Stored in canonical key order, so verifying it later can serialize it natively.
    entries.push(JSON.parse(canonicalJson({ ...entry, hash: previousHash })));
  }
  return entries;
}

/** Everything in a packet is covered by the chain. */
export function makePacket(scenario: Scenario, profile: ThresholdProfile, entries: AuditEntry[]): DecisionPacket {
  return {
    format: 'crew-return-decision-packet',
    formatVersion: packetFormatVersion,
    scenario,
    profile,
    entryCount: entries.length,
    headHash: entries.at(-1)?.hash ?? '',
    entries,
  };
}

/** The session's events as the ledger recorded them, for replay. */
export function eventsOf(entries: readonly AuditEntry[]): RecordedEvent[] {
  return entries.map(({ wallClockUtc, event }) => ({ wallClockUtc, event }));
}
