/**
 * A session log's signed checkpoint: the server's word, under its own key, that the log named `log`
 * holds `treeSize` entries whose Merkle tree has `rootHash`. A console keeps the last one it saw and
 * takes a new one only if a consistency proof shows it extends it; otherwise it raises an alarm.
 */
import { canonicalJson } from '../session/canonicalJson';
import { issueProblems, type Parsed, plainSchemaErrors } from '../session/inputProblem';
import { type Checkpoint, type CheckpointFields, checkpointFieldsSchema, checkpointSchema } from './checkpointSchema';
import { leafHashOf } from './merkle';
import { verifyConsistency } from './merkleVerify';
import type { Signature } from './signatureSchema';
import { type Signer, sign, signatureHolds, type VerifyingKeys } from './signing';

/** The server's public key as a console knows it (a PublicKeyRecord will do). */
export type ServerKey = Pick<Signature, 'fingerprint' | 'publicKey'>;

/** Leaf i of a session log is its entry of seq i + 1: logs begin at seq 1, as the ledger's do. */
const seqOfLeaf = (index: number) => index + 1;

/** What a checkpoint's signature covers: its fields and no others, under a prefix no entry or seal signature has. */
export const checkpointSigningMessage = ({ log, treeSize, rootHash, issuedUtc }: CheckpointFields) =>
  `crew-return/checkpoint/v1:${canonicalJson({ log, treeSize, rootHash, issuedUtc })}`;

/** A checkpoint read from anywhere (the network, a packet): each problem names its field. */
export function parseCheckpoint(value: unknown, from = 'checkpoint'): Parsed<Checkpoint> {
  const result = checkpointSchema.safeParse(value, { error: plainSchemaErrors });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: issueProblems(from, result.error.issues) };
}

/** The server signs what its tree holds now. */
export async function signCheckpoint(signer: Signer, fields: CheckpointFields): Promise<Checkpoint> {
  const { log, treeSize, rootHash, issuedUtc } = fields;
  const result = checkpointFieldsSchema.safeParse({ log, treeSize, rootHash, issuedUtc });
  if (!result.success)
    throw new TypeError(
      `not a checkpoint to sign: ${issueProblems('checkpoint', result.error.issues)
        .map((p) => `${p.path}: ${p.expected}`)
        .join('; ')}`,
    );
  return { ...result.data, signature: await sign(signer, checkpointSigningMessage(result.data)) };
}

/** True when `checkpoint` is a well-formed checkpoint signed by `serverKey` over exactly its fields. */
export async function checkpointHolds(checkpoint: unknown, serverKey: ServerKey, keys?: VerifyingKeys): Promise<boolean> {
  const parsed = checkpointSchema.safeParse(checkpoint);
  if (!parsed.success) return false;
  const { signature } = parsed.data;
  if (signature.fingerprint !== serverKey.fingerprint || signature.publicKey !== serverKey.publicKey) return false;
  return signatureHolds(parsed.data.signature, checkpointSigningMessage(parsed.data), keys);
}

/** A stored log entry as its Merkle leaf: the UTF-8 of exactly these fields, canonically. Server and console alike. */
export function logLeaf({ seq, hash, appendSignature }: { seq: number; hash: string; appendSignature: Signature }): Uint8Array {
  const { fingerprint, publicKey, value } = appendSignature;
  return new TextEncoder().encode(canonicalJson({ seq, hash, appendSignature: { fingerprint, publicKey, value } }));
}

/** The leaf hash a log's Merkle tree takes for a stored entry. */
export const logLeafHash = (entry: Parameters<typeof logLeaf>[0]) => leafHashOf(logLeaf(entry));

/** Why a console refuses a new checkpoint, in words for the person at it. */
interface CheckpointAlarm {
  /**
   * forged: not a checkpoint signed by the server's key; other-log: another session's log; truncated:
   * fewer entries than already seen; rewritten: the entries already seen are not the start of the new log.
   */
  kind: 'forged' | 'other-log' | 'truncated' | 'rewritten';
  words: string;
  log: string;
  /** Entries in the checkpoint this console had (the one that still stands). */
  seenSize: number;
  /** Entries the refused checkpoint claims, when it says. */
  claimedSize: number | null;
}

export type ExtendsCheck = { ok: true; checkpoint: Checkpoint } | { ok: false; alarm: CheckpointAlarm };

const entries = (n: number) => `${n.toLocaleString('en-US')} ${n === 1 ? 'entry' : 'entries'}`;

/**
 * The console's check of a new checkpoint against the last one it accepted (`previous`): signed by the
 * server, for the same log, and a consistency proof (`proof`, from previous.treeSize to next.treeSize)
 * that the log it now claims begins with every entry already seen. `next` and `proof` are the server's
 * words and are checked as such; no proof (null) is an empty one.
 */
export async function checkExtends(
  previous: Checkpoint,
  next: unknown,
  proof: unknown,
  serverKey: ServerKey,
  keys?: VerifyingKeys,
): Promise<ExtendsCheck> {
  const { log, treeSize: seenSize } = previous;
  const alarm = (kind: CheckpointAlarm['kind'], claimedSize: number | null, words: string): ExtendsCheck => ({
    ok: false,
    alarm: { kind, words, log, seenSize, claimedSize },
  });
  const parsed = parseCheckpoint(next);
  if (!parsed.ok) {
    const [first] = parsed.problems;
    const problem = first ? ` (${first.path ? `${first.path}: ` : ''}${first.expected})` : '';
    return alarm(
      'forged',
      null,
      `The server sent a checkpoint for session ${log} that is not one${problem}: do not trust what it shows.`,
    );
  }
  const claimed = parsed.value;
  if (!(await checkpointHolds(claimed, serverKey, keys)))
    return alarm(
      'forged',
      claimed.treeSize,
      `The server's checkpoint of ${entries(claimed.treeSize)} for session ${claimed.log} is not signed by the server's key (${serverKey.fingerprint}): do not trust what it shows.`,
    );
  if (claimed.log !== log)
    return alarm(
      'other-log',
      claimed.treeSize,
      `The server answered with the log of session ${claimed.log}, not of session ${log} that this console follows.`,
    );
  if (claimed.treeSize < seenSize)
    return alarm(
      'truncated',
      claimed.treeSize,
      `The server's log of session ${log} now holds ${entries(claimed.treeSize)}; this console had seen ${entries(seenSize)}. ` +
        `${seenSize - claimed.treeSize === 1 ? `Entry ${seenSize} is` : `Entries ${claimed.treeSize + 1} to ${seenSize} are`} gone: ` +
        'entries were removed, or the server was restored from an older backup.',
    );
  // Every log begins with the empty one; no proof is needed, nor sent.
  if (seenSize === 0) return { ok: true, checkpoint: claimed };
  const consistency = verifyConsistency({
    fromSize: seenSize,
    toSize: claimed.treeSize,
    fromRoot: previous.rootHash,
    toRoot: claimed.rootHash,
    proof: (proof ?? []) as readonly string[],
  });
  if (!consistency.holds)
    return alarm(
      'rewritten',
      claimed.treeSize,
      claimed.treeSize === seenSize && claimed.rootHash !== previous.rootHash
        ? `The server's log of session ${log} still holds ${entries(seenSize)}, but not the ones this console saw: an entry was changed.`
        : `The server's log of session ${log} at ${entries(claimed.treeSize)} does not begin with the ${entries(seenSize)} this console saw ` +
            `(${consistency.why}): an entry already seen was changed or removed.`,
    );
  return { ok: true, checkpoint: claimed };
}

/** Where two copies of a log first differ, by entry. */
export interface Divergence {
  seq: number;
  words: string;
}

/**
 * The first entry where the log the server now gives (`theirLeafHashes`) departs from the one this
 * console holds (`ownLeafHashes`), both as leaf hashes in order; null when theirs begins with all of ours.
 */
export function firstDivergence(ownLeafHashes: readonly string[], theirLeafHashes: readonly string[]): Divergence | null {
  for (let index = 0; index < ownLeafHashes.length; index++) {
    const seq = seqOfLeaf(index);
    if (index >= theirLeafHashes.length)
      return { seq, words: `Entry ${seq} is missing: the server's log ends at ${entries(theirLeafHashes.length)}.` };
    if (ownLeafHashes[index] !== theirLeafHashes[index])
      return { seq, words: `Entry ${seq} differs from the one this console holds: the server's copy was changed.` };
  }
  return null;
}
