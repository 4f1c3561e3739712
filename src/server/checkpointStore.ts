/** The checkpoints' SQL, and the log's entries read as Merkle leaves. */
import type { Checkpoint } from '../record/checkpointSchema';
import type { Signature } from '../record/signatureSchema';
import type { Queryable } from './database';

interface CheckpointRow {
  tree_size: number;
  root_hash: string;
  issued_utc: string;
  signature: Signature;
}

const checkpointOf = (sessionId: string, row: CheckpointRow): Checkpoint => ({
  log: sessionId,
  treeSize: row.tree_size,
  rootHash: row.root_hash,
  issuedUtc: row.issued_utc,
  signature: row.signature,
});

const uniqueViolation = '23505';

export async function insertCheckpoint(tx: Queryable, checkpoint: Checkpoint): Promise<void> {
  try {
    await tx.query(
      'INSERT INTO checkpoints (session_id, tree_size, root_hash, issued_utc, signature) VALUES ($1, $2, $3, $4, $5)',
      [checkpoint.log, checkpoint.treeSize, checkpoint.rootHash, checkpoint.issuedUtc, JSON.stringify(checkpoint.signature)],
    );
  } catch (error) {
    // Not a race (appends are serialized): the log was cut back behind the server, and its checkpoints were not.
    if ((error as { code?: string }).code !== uniqueViolation) throw error;
    throw new Error(
      `session ${checkpoint.log} has a checkpoint of ${checkpoint.treeSize} entries already, signed for another log: ` +
        'entries were removed from the database behind the server',
    );
  }
}

export async function latestCheckpoint(db: Queryable, sessionId: string): Promise<Checkpoint | null> {
  const rows = await db.query<CheckpointRow>(
    `SELECT tree_size, root_hash, issued_utc, signature FROM checkpoints
     WHERE session_id = $1 ORDER BY tree_size DESC LIMIT 1`,
    [sessionId],
  );
  return rows[0] ? checkpointOf(sessionId, rows[0]) : null;
}

/** A stored entry as logLeafHash takes it. */
export interface LeafSource {
  seq: number;
  hash: string;
  appendSignature: Signature;
}

/** The entries of seq `fromSeq` to `throughSeq`, in order, as leaf sources. */
export async function leafSources(db: Queryable, sessionId: string, fromSeq: number, throughSeq: number): Promise<LeafSource[]> {
  const rows = await db.query<{ seq: number; hash: string; signature: Signature }>(
    'SELECT seq, hash, signature FROM entries WHERE session_id = $1 AND seq >= $2 AND seq <= $3 ORDER BY seq',
    [sessionId, fromSeq, throughSeq],
  );
  return rows.map((row) => ({ seq: row.seq, hash: row.hash, appendSignature: row.signature }));
}
