/** The audit ledger: each fold step as a hash-chained entry, and the decision packet that carries them. */

import type { Scenario } from '../../scenarios/schema';
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import type { RecordedEvent, SessionFold } from '../session/fold';
import type { Actor } from '../session/model';
import { decisionLogicVersion } from '../session/model';
import type { ThresholdProfile } from '../session/profile';
import { scenarioHashOf } from './builtIns';
import {
  type AuditEntry,
  type DecisionPacket,
  type Provenance,
  packetFormatVersion,
  provenanceFreeFormatVersion,
  type Seal,
} from './packetSchema';
import { isScriptedEntry, scriptedStepsOf } from './provenance';
import { entrySigningMessage, type Signer, sealSigningMessage, sign } from './signing';

// The packet's types are its schema's; they are imported from here, beside what makes and reads them.
export type { AuditEntry, DecisionPacket, Seal } from './packetSchema';

/** Whether an entry needs its actor's signature: every operator's does; a scripted step is bound by the genesis hash. */
export const needsSignature = (scenario: Scenario, entry: Pick<AuditEntry, 'provenance' | 'event'>) =>
  !isScriptedEntry(scenario, entry);

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
  // A session stored before entries carried provenance goes on in its own format: one format per chain.
  const provenanceFree = ledger[0] !== undefined && ledger[0].provenance === undefined;
  const scenarioHash = await scenarioHashOf(scenario);
  for (const step of fold.steps.slice(ledger.length)) {
    const { thresholds, ...derived } = step.record;
    const thresholdsJson = canonicalJson(thresholds);
    const thresholdsHash = hashByThresholds.get(thresholdsJson) ?? sha256Hex(thresholdsJson);
    hashByThresholds.set(thresholdsJson, thresholdsHash);
    const provenance: Provenance =
      step.scriptedStep === undefined ? { kind: 'operator' } : { kind: 'scripted', scenarioHash, step: step.scriptedStep };
    const entry: Omit<AuditEntry, 'hash'> = {
      seq: step.seq,
      logicVersion: decisionLogicVersion,
      wallClockUtc: step.wallClockUtc,
      ...(provenanceFree ? {} : { provenance }),
      // Copies, not references: an entry must not share objects with the scenario it was made from.
      event: structuredClone(step.event),
      derived,
      profile: { id: profile.id, version: profile.version, hash: await thresholdsHash },
      previousHash,
    };
    previousHash = await entryHash(entry);
    const signer = signerFor && needsSignature(scenario, entry) ? await signerFor(step.event.by) : null;
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

/** Everything in a packet is covered by the chain; its format is its entries' (a session stored before provenance keeps format 3). */
export function makePacket(scenario: Scenario, profile: ThresholdProfile, entries: AuditEntry[]): DecisionPacket {
  return {
    format: 'crew-return-decision-packet',
    formatVersion: entries[0] && entries[0].provenance === undefined ? provenanceFreeFormatVersion : packetFormatVersion,
    scenario,
    profile,
    entryCount: entries.length,
    headHash: entries.at(-1)?.hash ?? '',
    entries,
  };
}

/** The session's events as the ledger recorded them, each with whose it is, for replay. */
export function eventsOf(packet: Pick<DecisionPacket, 'scenario' | 'entries'>): RecordedEvent[] {
  const steps = scriptedStepsOf(packet.scenario, packet.entries);
  return packet.entries.map(({ wallClockUtc, event }, i) => {
    const scriptedStep = steps[i];
    return scriptedStep === undefined ? { wallClockUtc, event } : { wallClockUtc, event, scriptedStep };
  });
}
