/**
 * What a console checks of the next entry of a session's log, given the head it holds: chained to that
 * head, hashed and signed as it says, appended by an admitted key that signed the append, and whose it
 * says it is. The follower runs it on each entry it takes; the streamed log check, on each entry of a
 * long log it does not keep.
 */
import { appendMessage } from '../../record/appendClaim';
import { entryHash } from '../../record/ledger';
import { entrySigningMessage, type PublicKeyRecord, sameKey, signatureHolds, type VerifyingKeys } from '../../record/signing';
import { authorshipProblems } from '../entryAuthorship';
import type { SessionDetail, StoredEntry } from '../protocol';

export type EntryCheck =
  | 'previous-hash'
  | 'entry-hash'
  | 'entry-signature'
  | 'not-admitted'
  | 'append-signature'
  | 'authorship'
  | 'split-view';

/** The first check the entry fails, and why in words (to follow "Entry N: "). */
export interface EntryProblem {
  check: EntryCheck;
  words: string;
}

export async function nextEntryProblem(
  session: Pick<SessionDetail, 'id' | 'scenario'>,
  admitted: ReadonlyMap<string, PublicKeyRecord>,
  headHash: string,
  stored: StoredEntry,
  keys: VerifyingKeys,
): Promise<EntryProblem | null> {
  const { entry } = stored;
  const { seq } = entry;
  if (entry.previousHash !== headHash)
    return {
      check: 'previous-hash',
      words:
        seq === 1
          ? "its previous hash is not the hash of the session's genesis: the chain is broken."
          : `its previous hash is not the hash of entry ${seq - 1} as this console verified it: the chain is broken (entry ${seq - 1} was replaced on the server, or this one is forged).`,
    };
  const { hash, signature: entrySignature, ...hashed } = entry;
  if ((await entryHash(hashed)) !== hash)
    return { check: 'entry-hash', words: 'its hash is not the hash of its content: it was altered.' };
  if (entrySignature && !(await signatureHolds(entrySignature, entrySigningMessage(hash), keys)))
    return { check: 'entry-signature', words: `its signature (by ${entrySignature.fingerprint}) does not hold.` };
  const appender = admitted.get(stored.appendedBy);
  if (!appender)
    return {
      check: 'not-admitted',
      words: `it was appended by ${stored.appendedBy}, a key the session's authority has not admitted.`,
    };
  const claim = { sessionId: session.id, seq, entryHash: hash, checkpointSeen: stored.checkpointSeen };
  if (!sameKey(appender, stored.signature) || !(await signatureHolds(stored.signature, appendMessage(claim), keys)))
    return {
      check: 'append-signature',
      words: `its append is not signed by the appender it names (${appender.name}, ${appender.fingerprint}).`,
    };
  const [authorship] = await authorshipProblems(session.scenario, entry, appender);
  return authorship ? { check: 'authorship', words: authorship.words } : null;
}

/**
 * The appender countersigned the log as the server showed them (the checkpoint they had seen): it must
 * be the log this console verified before the entry, whose root at each size is `rootAt`. Checked in
 * order, once every entry before it is taken.
 */
export function countersignProblem(stored: StoredEntry, rootAt: (size: number) => string): EntryProblem | null {
  const seen = stored.checkpointSeen;
  if (!seen || (seen.treeSize < stored.entry.seq && rootAt(seen.treeSize) === seen.rootHash)) return null;
  return {
    check: 'split-view',
    words: `its appender (${stored.appendedBy}) countersigned a log of ${seen.treeSize} entries that is not the log this console verified: the server shows different consoles different logs.`,
  };
}
