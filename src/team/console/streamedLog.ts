/**
 * A long session log verified as it streams past (pages of the entries API, lines of a file) in bounded
 * memory: each entry is checked as the follower checks it (entryCheck.ts) but not kept. What stays is
 * the head, the admitted keys and the Merkle tree's hashes (64 bytes an entry), so that the log's root
 * can be held against the server's signed checkpoint.
 */
import { logLeafHash } from '../../record/checkpoint';
import { mapInFlight } from '../../record/inFlight';
import { MerkleTree } from '../../record/merkle';
import type { VerifyingKeys } from '../../record/signing';
import type { Admission, SessionDetail, StoredEntry } from '../protocol';
import { countersignProblem, nextEntryProblem } from './entryCheck';
import { type FollowerAlarm, SessionFollower } from './sessionFollower';

export type StreamedLogVerdict =
  | { ok: true; entryCount: number; headHash: string; rootHash: string }
  | { ok: false; alarm: FollowerAlarm };

/**
 * Checks the session's genesis and admissions, then every entry of `pages` in order. The entries of a
 * page are checked together (Web Crypto works on other threads), each against the hash its predecessor
 * claims, and read in order: the first that fails is the one named, and no later page is read.
 */
export async function verifyStreamedLog(
  detail: SessionDetail,
  admissions: readonly Admission[],
  pages: AsyncIterable<readonly StoredEntry[]>,
  trustedAuthority?: string,
): Promise<StreamedLogVerdict> {
  const opened = await SessionFollower.open(detail, trustedAuthority);
  if (!opened.ok) return opened;
  for (const admission of admissions) {
    const admitted = await opened.follower.admit(admission);
    if (!admitted.ok) return admitted;
  }
  const { admitted } = opened.follower;
  const keys: VerifyingKeys = new Map();
  const tree = new MerkleTree();
  let headHash = detail.genesisHash;
  const alarm = (check: FollowerAlarm['check'], seq: number, words: string): StreamedLogVerdict => ({
    ok: false,
    alarm: { check, seq, words: `Entry ${seq}: ${words}` },
  });
  for await (const page of pages) {
    const claimedHeads = page.map((stored, i) => ({ stored, head: i === 0 ? headHash : (page[i - 1]?.entry.hash ?? '') }));
    const problems = await mapInFlight(claimedHeads, ({ stored, head }) =>
      nextEntryProblem(detail, admitted, head, stored, keys),
    );
    for (const [i, stored] of page.entries()) {
      const { seq, hash } = stored.entry;
      const expected = tree.size + 1;
      if (seq < expected) return alarm('changed', seq, `the log holds it again after entry ${expected - 1}.`);
      if (seq > expected)
        return alarm('previous-hash', seq, `the log goes on from entry ${expected - 1} to it, leaving entries out.`);
      const problem = problems[i] ?? countersignProblem(stored, (size) => tree.root(size));
      if (problem) return alarm(problem.check, seq, problem.words);
      tree.append(logLeafHash({ seq, hash, appendSignature: stored.signature }));
      headHash = hash;
    }
  }
  return { ok: true, entryCount: tree.size, headHash, rootHash: tree.root() };
}
