/**
 * The server's signed checkpoints: after each append, inside its transaction, the session's Merkle tree
 * takes the new entry's leaf and the server signs and stores its head. Trees are kept in memory per
 * session, and trusted only while they match the database: the last leaf held is re-read with each
 * append, and a tree that does not match (an append rolled back after its leaf was added, another
 * server on the same PostgreSQL, a restart, rows changed behind the server) is rebuilt from the entries.
 */
import { type Checkpoint, logLeafHash, signCheckpoint } from '../record/checkpoint';
import { MerkleTree } from '../record/merkle';
import type { Signer } from '../record/signing';
import type { CheckpointAfterAppend } from './append';
import { insertCheckpoint, leafSources } from './checkpointStore';
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

export function logCheckpoints(serverKey: Signer): LogCheckpoints {
  const trees = new Map<string, MerkleTree>();

  /** The cached tree if the database still begins with it up to its last leaf, and it is no longer than `size`. */
  async function heldTree(tx: Queryable, sessionId: string, size: number): Promise<MerkleTree | null> {
    const tree = trees.get(sessionId);
    if (!tree || tree.size > size) return null;
    if (tree.size === 0) return tree;
    const [last] = await leafSources(tx, sessionId, tree.size, tree.size);
    return last && logLeafHash(last) === tree.leafHashAt(tree.size - 1) ? tree : null;
  }

  return {
    async afterAppend(tx, sessionId, entryCount): Promise<Checkpoint> {
      let tree = await heldTree(tx, sessionId, entryCount - 1);
      if (!tree) {
        tree = new MerkleTree();
        trees.set(sessionId, tree);
      }
      await appendLeaves(tx, sessionId, tree, entryCount);
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
      if (held && (held.size > size || (held.size === size && (await heldTree(db, sessionId, size)) === held))) return held;
      const tree = new MerkleTree();
      await appendLeaves(db, sessionId, tree, size);
      return tree;
    },
  };
}
