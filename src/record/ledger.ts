/** The audit ledger: each fold step as a hash-chained entry, and the decision packet that carries them. */

import type { Scenario } from '../../scenarios/schema';
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import type { DerivedRecord, RecordedEvent, SessionFold } from '../session/fold';
import { isScripted } from '../session/history';
import type { Actor, CrewReturnEvent } from '../session/model';
import { decisionLogicVersion } from '../session/model';
import type { ThresholdProfile } from '../session/profile';
import { entrySigningMessage, type Signature, type Signer, sealSigningMessage, sign } from './signing';

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
  /** The actor's signature over `hash` (outside it): every operator's entry carries one. */
  signature?: Signature;
}

export const packetFormatVersion = 3;

/**
 * The packet's last word, signed: how many entries it holds and the head they end in, so entries
 * dropped, appended or re-derived after it are caught.
 */
export interface Seal {
  entryCount: number;
  headHash: string;
  genesisHash: string;
  sealedUtc: string;
  logicVersion: number;
  by: Actor;
  /** What signing it means: the record as exported by `by`. */
  meaning: 'exported';
  signature: Signature;
}

export interface DecisionPacket {
  format: 'crew-return-decision-packet';
  formatVersion: typeof packetFormatVersion;
  scenario: Scenario;
  profile: ThresholdProfile;
  entryCount: number;
  headHash: string;
  entries: AuditEntry[];
  seal?: Seal;
}

/** An operator's entry must be signed; the scenario's own scripted steps are bound by the genesis hash. */
export const needsSignature = (scenario: Scenario, event: CrewReturnEvent) => !isScripted(scenario, event);

/** Who can sign for an actor here (null: nobody can, and the entry stays unsigned). */
export type SignerFor = (actor: Actor) => Promise<Signer | null>;

/** The hash before the first entry binds the scenario and the base profile into the chain. */
export function genesisHash(scenario: Scenario, profile: ThresholdProfile): Promise<string> {
  return sha256Hex(canonicalJson({ scenario, profile }));
}

export function entryHash(entry: Omit<AuditEntry, 'hash' | 'signature'>): Promise<string> {
  return sha256Hex(canonicalJson(entry));
}

/**
 * Appends an entry for each fold step beyond those already in `ledger`, each operator's entry signed
 * by its actor where `signerFor` can. Existing entries are never touched: a correction is a new event.
 */
export async function extendLedger(
  scenario: Scenario,
  profile: ThresholdProfile,
  ledger: readonly AuditEntry[],
  fold: SessionFold,
  signerFor?: SignerFor,
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
    const signer = signerFor && needsSignature(scenario, step.event) ? await signerFor(step.event.by) : null;
    const signature =
      signer && signer.name === step.event.by.name && signer.role === step.event.by.role
        ? await sign(signer, entrySigningMessage(previousHash))
        : undefined;
    // Stored in canonical key order, so verifying it later can serialize it natively.
    entries.push(JSON.parse(canonicalJson({ ...entry, hash: previousHash, ...(signature ? { signature } : {}) })));
  }
  return entries;
}

/** The fields a seal signs. */
export const sealFields = ({ signature: _, ...fields }: Seal) => fields;

/** Seals the packet as `signer` exports it: the seal's signature covers its count, head and genesis. */
export async function sealPacket(packet: DecisionPacket, signer: Signer, sealedUtc: string): Promise<DecisionPacket> {
  const fields: Omit<Seal, 'signature'> = {
    entryCount: packet.entries.length,
    headHash: packet.entries.at(-1)?.hash ?? '',
    genesisHash: await genesisHash(packet.scenario, packet.profile),
    sealedUtc,
    logicVersion: decisionLogicVersion,
    by: { name: signer.name, role: signer.role },
    meaning: 'exported',
  };
  return { ...packet, seal: { ...fields, signature: await sign(signer, sealSigningMessage(fields)) } };
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
