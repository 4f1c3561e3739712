/**
 * What an append costs at the least, to set the team server's appends beside: one bare INSERT of an
 * entry-sized row on the same kind of database, and the hashing and signing the server does for one
 * append with no database and no HTTP at all.
 */

import { appendMessage } from '../src/record/appendClaim';
import { signCheckpoint } from '../src/record/checkpoint';
import { type AuditEntry, entryHash } from '../src/record/ledger';
import { entrySigningMessage, type Signer, sign, signatureHolds, type VerifyingKeys } from '../src/record/signing';
import { canonicalJson } from '../src/session/canonicalJson';

/** Runs one SQL statement with its parameters on a database's own client. */
type RunSql = (sql: string, params?: unknown[]) => Promise<unknown>;

/** One autocommitted INSERT of each entry's canonical JSON into a table of its own, timed each, in ms. */
export async function bareInsertsMs(runSql: RunSql, entries: readonly AuditEntry[]): Promise<number[]> {
  await runSql('CREATE TABLE bench_floor (seq integer PRIMARY KEY, entry text NOT NULL)');
  const times: number[] = [];
  for (const entry of entries) {
    const body = canonicalJson(entry);
    const start = performance.now();
    await runSql('INSERT INTO bench_floor (seq, entry) VALUES ($1, $2)', [entry.seq, body]);
    times.push(performance.now() - start);
  }
  return times;
}

/**
 * Per append, what the server hashes and signs (src/server/append.ts, logCheckpoints.ts): the entry's
 * hash, its signature and the append's, and the checkpoint it signs, one append after another, in ms.
 */
export async function appendCryptoMs(sessionId: string, entries: readonly AuditEntry[], writer: Signer, server: Signer) {
  const keys: VerifyingKeys = new Map();
  const appendSignatures = await Promise.all(
    entries.map((e) =>
      sign(writer, appendMessage({ sessionId, seq: e.seq, entryHash: e.hash, checkpointSeen: null })).then((s) => ({ e, s })),
    ),
  );
  const times: number[] = [];
  for (const { e, s } of appendSignatures) {
    const start = performance.now();
    const { hash, signature, ...hashed } = e;
    const holds =
      (await entryHash(hashed)) === hash &&
      (!signature || (await signatureHolds(signature, entrySigningMessage(hash), keys))) &&
      (await signatureHolds(s, appendMessage({ sessionId, seq: e.seq, entryHash: hash, checkpointSeen: null }), keys));
    if (!holds) throw new Error(`the bench's entry ${e.seq} does not hold`);
    // The root signed is the entry's hash: what it costs to sign does not depend on which hash it is.
    await signCheckpoint(server, { log: sessionId, treeSize: e.seq, rootHash: hash, issuedUtc: new Date().toISOString() });
    times.push(performance.now() - start);
  }
  return times;
}
