/**
 * The server's signed checkpoints: after each append, inside its transaction, the session's Merkle tree
 * takes the new entry's leaf and the server signs and stores its head. Trees are kept in memory per
 * session, and trusted only while they match the database: the last leaf held is re-read with each
 * append, and a tree that does not match (an append rolled back after its leaf was added, another
 * server on the same PostgreSQL, a restart, rows changed behind the server) is rebuilt from the entries.
 */
import { logLeafHash, signCheckpoint } from '../record/checkpoint';
import type { Checkpoint } from '../record/checkpointSchema';
import { MerkleTree } from '../record/merkle';
import type { Signer } from '../record/signing';
import type { CheckpointAfterAppend } from './append';
import { insertCheckpoint, type LeafSource, latestCheckpoint, leafSources } from './checkpointStore';
import type { Queryable } from './database';

/** Rows read at a time when a tree is built from the database, to bound memory on a long log. */
const rebuildPageSize = 10_000;

export interface LogCheckpoints {
  afterAppend: CheckpointAfterAppend;
  /** A tree holding at least the session's first `size` entries (all committed), for proofs. */
  treeOfSize(db: Queryable, sessionId: string, size: number): Promise<MerkleTree>;
}

async function appendLeaves(db: Queryable, sessionId: string, tree: MerkleTree, throughSeq: number): Promise<void> {
  while (tree.size < throughSeq) {
    const from = tree.size + 1;
    const sources = await leafSources(db, sessionId, from, Math.min(throughSeq, from + rebuildPageSize - 1));
    for (const [offset, source] of sources.entries()) {
      if (source.seq !== from + offset) throw new Error(`session ${sessionId} has no entry ${from + offset} in the database`);
      tree.append(logLeafHash(source));
    }
    if (sources.length === 0) throw new Error(`session ${sessionId} has no entry ${from} in the database`);
  }
}

/**
 * `reportDivergence` hears, in words for whoever runs the server, when a log rebuilt from the database
 * no longer gives the root this server signed before: its rows were changed behind it. The server still
 * signs what the database holds (it has nothing else), and every console that saw a checkpoint before
 * refuses it.
 */
export function logCheckpoints(
  serverKey: Signer,
  reportDivergence: (words: string) => void = (words) => console.error(words),
): LogCheckpoints {
  const trees = new Map<string, MerkleTree>();

  /** True when the database still holds the tree's last leaf as it was added. */
  const lastLeafHolds = (tree: MerkleTree, last: LeafSource | undefined) =>
    tree.size === 0 || (last?.seq === tree.size && logLeafHash(last) === tree.leafHashAt(tree.size - 1));

  /** The held tree grown to `entryCount` leaves, in one query from its last leaf on; null if it no longer matches. */
  async function grownHeldTree(tx: Queryable, sessionId: string, entryCount: number): Promise<MerkleTree | null> {
    const tree = trees.get(sessionId);
    if (!tree || tree.size >= entryCount) return null;
    const sources = await leafSources(tx, sessionId, Math.max(tree.size, 1), entryCount);
    if (!lastLeafHolds(tree, sources[0])) return null;
    for (const source of tree.size === 0 ? sources : sources.slice(1)) {
      if (source.seq !== tree.size + 1) throw new Error(`session ${sessionId} has no entry ${tree.size + 1} in the database`);
      tree.append(logLeafHash(source));
    }
    if (tree.size !== entryCount) throw new Error(`session ${sessionId} has no entry ${tree.size + 1} in the database`);
    return tree;
  }

  /** A tree of the first `entryCount` entries, built from the database; says so if it contradicts the last checkpoint. */
  async function rebuiltTree(tx: Queryable, sessionId: string, entryCount: number): Promise<MerkleTree> {
    const tree = new MerkleTree();
    trees.set(sessionId, tree);
    await appendLeaves(tx, sessionId, tree, entryCount);
    const signed = await latestCheckpoint(tx, sessionId);
    if (signed && signed.treeSize <= tree.size && tree.root(signed.treeSize) !== signed.rootHash)
      reportDivergence(
        `session ${sessionId}: the first ${signed.treeSize} entries in the database no longer give the Merkle root this ` +
          `server signed at ${signed.issuedUtc}: they were changed behind the server, and every console that saw that ` +
          'checkpoint will refuse the next one',
      );
    return tree;
  }

  return {
    async afterAppend(tx, sessionId, entryCount): Promise<Checkpoint> {
      const tree = (await grownHeldTree(tx, sessionId, entryCount)) ?? (await rebuiltTree(tx, sessionId, entryCount));
      const checkpoint = await signCheckpoint(serverKey, {
        log: sessionId,
        treeSize: tree.size,
        rootHash: tree.root(),
        issuedUtc: new Date().toISOString(),
      });
      await insertCheckpoint(tx, checkpoint);
      return checkpoint;
    },

    async treeOfSize(db, sessionId, size) {
      const held = trees.get(sessionId);
      // Each leaf but the last was checked against the database when the next append began; the last
      // may be an append that rolled back, so it is checked now if the proof needs it.
      if (held && held.size >= size) {
        const [last] = held.size === size ? await leafSources(db, sessionId, size, size) : [];
        if (held.size > size || lastLeafHolds(held, last)) return held;
      }
      const tree = new MerkleTree();
      await appendLeaves(db, sessionId, tree, size);
      return tree;
    },
  };
}
