/**
 * A 100,000-entry signed team log written to files, as a console would receive it page by page: the
 * session's detail and the server's last signed checkpoint in one small file, the stored entries one a
 * line in another. The session is MS-22 to the decision, then the bench operator's threshold edits and
 * notes in turn (bench/audit.ts's longPacket). The fold of such a session repeats every four events
 * once past the decision, so the first entries are the real fold's ledger and the rest are made from
 * its last four records; the entries made so are checked against the real ledger where both exist,
 * and the bench stops if they differ by a byte.
 */
import { createHash, randomUUID } from 'node:crypto';
import { closeSync, openSync, writeFileSync, writeSync } from 'node:fs';
import { join } from 'node:path';
import type { CrewReturnEvent } from '../machines/statechart/events';
import type { Scenario } from '../scenarios/schema';
import { appendMessage } from '../src/record/appendClaim';
import { logLeafHash, signCheckpoint } from '../src/record/checkpoint';
import type { Checkpoint } from '../src/record/checkpointSchema';
import { mapInFlight } from '../src/record/inFlight';
import { type AuditEntry, genesisHash } from '../src/record/ledger';
import { MerkleTree } from '../src/record/merkle';
import type { Signature } from '../src/record/signatureSchema';
import { entrySigningMessage, type PublicKeyRecord, publicHalf, type Signer, sign } from '../src/record/signing';
import { canonicalJson } from '../src/session/canonicalJson';
import type { ThresholdProfile } from '../src/session/profile';
import { type SessionDetail, type StoredEntry, sessionGenesisMessage } from '../src/team/protocol';
import { longPacket } from './audit';
import { benchOperator } from './teamSession';

export interface LongLogFiles {
  headerPath: string;
  entriesPath: string;
  entryCount: number;
  /** The entries file's size. */
  megabytes: number;
}

/**
 * What the verifying child reads first: the session (its authority is the log's one appender, admitted
 * by opening it), the server's key and the checkpoint to hold the log against.
 */
export interface LongLogHeader {
  detail: SessionDetail;
  serverKey: PublicKeyRecord;
  checkpoint: Checkpoint;
}

/** Entries of the real fold's ledger; those made after them are checked against it from `checkedFrom` on. */
const foldedCount = 400;
const checkedFrom = 200;
const batchSize = 1000;
const appendedUtc = '2026-11-25T00:00:00Z';

const sha256 = (text: string) => createHash('sha256').update(text, 'utf8').digest('hex');

export async function writeLongLog(
  scenario: Scenario,
  profile: ThresholdProfile,
  entryCount: number,
  folder: string,
  writer: Signer,
  serverKey: Signer,
): Promise<LongLogFiles> {
  const folded = (await longPacket(scenario, profile, foldedCount, async () => writer)).entries;
  const genesis = await genesisHash(scenario, profile);
  const id = randomUUID();
  const title = 'bench: a long session';
  const opened = { sessionId: id, title, genesisHash: genesis, openedUtc: appendedUtc, authorityFingerprint: writer.fingerprint };
  const made = entryMaker(folded);
  for (let i = checkedFrom; i < foldedCount; i++) {
    const real = folded[i] as AuditEntry;
    const { signature: _, ...unsigned } = real;
    if (canonicalJson(made(i, (folded[i - 1] as AuditEntry).hash)) !== canonicalJson(unsigned))
      throw new Error(`the long log's entry ${i + 1} is not the fold's: the session no longer repeats every four events`);
  }

  const entriesPath = join(folder, 'entries.jsonl');
  const file = openSync(entriesPath, 'w');
  const tree = new MerkleTree();
  let previousHash = genesis;
  let bytes = 0;
  try {
    for (let from = 0; from < entryCount; from += batchSize) {
      // Chained in order here; signed together below (Web Crypto signs on other threads).
      const batch: AuditEntry[] = [];
      for (let i = from; i < Math.min(entryCount, from + batchSize); i++) {
        const next = i < foldedCount ? (folded[i] as AuditEntry) : made(i, previousHash);
        batch.push(next);
        previousHash = next.hash;
      }
      const signed = await mapInFlight(batch, async (entry) => ({
        entry: entry.seq > foldedCount ? withSignature(entry, await sign(writer, entrySigningMessage(entry.hash))) : entry,
        appendSignature: await sign(
          writer,
          appendMessage({ sessionId: id, seq: entry.seq, entryHash: entry.hash, checkpointSeen: null }),
        ),
      }));
      let text = '';
      for (const { entry, appendSignature } of signed) {
        const stored: StoredEntry = {
          appendedBy: writer.fingerprint,
          appendedUtc,
          checkpointSeen: null,
          entry,
          signature: appendSignature,
        };
        tree.append(logLeafHash({ seq: entry.seq, hash: entry.hash, appendSignature }));
        text += `${canonicalJson(stored)}\n`;
      }
      bytes += Buffer.byteLength(text);
      writeSync(file, text);
    }
  } finally {
    closeSync(file);
  }

  const detail: SessionDetail = {
    id,
    title,
    openedUtc: appendedUtc,
    genesisHash: genesis,
    authority: publicHalf(writer),
    entryCount,
    headHash: previousHash,
    scenario,
    profile,
    genesisSignature: await sign(writer, sessionGenesisMessage(opened)),
  };
  const checkpoint = await signCheckpoint(serverKey, {
    log: id,
    treeSize: tree.size,
    rootHash: tree.root(),
    issuedUtc: appendedUtc,
  });
  const header: LongLogHeader = { detail, serverKey: publicHalf(serverKey), checkpoint };
  const headerPath = join(folder, 'header.json');
  writeFileSync(headerPath, JSON.stringify(header));
  return { headerPath, entriesPath, entryCount, megabytes: bytes / 1e6 };
}

/** The entry with its signature, keys still in canonical order. */
const withSignature = ({ wallClockUtc, ...rest }: AuditEntry, signature: Signature): AuditEntry => ({
  ...rest,
  signature,
  wallClockUtc,
});

/** Entry i (from 0) after the decision, chained to `previousHash`, as longPacket's fold records it (unsigned). */
function entryMaker(folded: readonly AuditEntry[]): (i: number, previousHash: string) => AuditEntry {
  const last = folded.slice(-4);
  return (i: number, previousHash: string) => {
    const template = last.find((e) => (e.seq - 1) % 4 === i % 4) as AuditEntry;
    const { at } = template.event;
    // Keys in canonical order throughout, so that hashing and writing serialize natively (canonicalJson's fast path).
    const by = { name: benchOperator.name, role: benchOperator.role };
    const event: CrewReturnEvent =
      i % 2
        ? { at, by, key: 'maxDescentCabinTempC.emergency', type: 'thresholds.change', value: 40 + (i % 4 === 1 ? 1 : 0) }
        : { at, by, text: `note ${i}`, type: 'session.note' };
    const { derived, logicVersion, profile, wallClockUtc } = template;
    const provenance = { kind: 'operator' as const };
    const seq = i + 1;
    const hash = sha256(canonicalJson({ derived, event, logicVersion, previousHash, profile, provenance, seq, wallClockUtc }));
    return { derived, event, hash, logicVersion, previousHash, profile, provenance, seq, wallClockUtc };
  };
}
