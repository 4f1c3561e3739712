/**
 * The checkpoint routes: the latest signed checkpoint of a session's log, and the Merkle proofs a
 * console checks against checkpoints it holds (consistency between two sizes, inclusion of one entry).
 */
import type { Context, Hono } from 'hono';
import type { ConsistencyProof, InclusionProof, RequestProblem } from '../team/protocol';
import { latestCheckpoint } from './checkpointStore';
import type { Database } from './database';
import type { LogCheckpoints } from './logCheckpoints';

/** A query parameter as a whole number from `least` to `most`, or the problem naming it. */
function wholeNumber(c: Context, name: string, least: number, most: number, meaning: string): number | RequestProblem {
  const text = c.req.query(name);
  const value = text !== undefined && /^\d{1,9}$/.test(text) ? Number(text) : Number.NaN;
  if (value >= least && value <= most) return value;
  const range = most < least ? 'none yet: the log has no checkpoint' : `a whole number from ${least} to ${most}`;
  return { path: name, expected: `${meaning}, ${range}${text === undefined ? '' : `, not ${JSON.stringify(text)}`}` };
}

export function checkpointRoutes(
  app: Hono,
  database: Database,
  checkpoints: LogCheckpoints,
  sessionExists: (id: string) => Promise<boolean>,
): void {
  const noSession = (id: string) => ({ outcome: 'not-found' as const, message: `no session ${id} on this server` });
  const invalid = (problems: RequestProblem[]) => ({ outcome: 'invalid' as const, problems });
  const signedSize = async (id: string) => (await latestCheckpoint(database, id))?.treeSize ?? 0;

  app.get('/api/sessions/:id/checkpoints/latest', async (c) => {
    const id = c.req.param('id');
    if (!(await sessionExists(id))) return c.json(noSession(id), 404);
    const latest = await latestCheckpoint(database, id);
    if (!latest)
      return c.json(
        { outcome: 'not-found', message: `session ${id} has no entries yet, so no checkpoint: any log extends it` },
        404,
      );
    return c.json(latest);
  });

  app.get('/api/sessions/:id/consistency', async (c) => {
    const id = c.req.param('id');
    if (!(await sessionExists(id))) return c.json(noSession(id), 404);
    const latestSize = await signedSize(id);
    const toSize = wholeNumber(c, 'to', 1, latestSize, 'the size of a checkpoint the server signed');
    const fromSize = wholeNumber(
      c,
      'from',
      1,
      typeof toSize === 'number' ? toSize : latestSize,
      'the size of the checkpoint the console holds, at most `to`',
    );
    const problems = [fromSize, toSize].filter((v): v is RequestProblem => typeof v !== 'number');
    if (typeof fromSize !== 'number' || typeof toSize !== 'number') return c.json(invalid(problems), 422);
    const tree = await checkpoints.treeOfSize(database, id, toSize);
    return c.json({ log: id, fromSize, toSize, proof: tree.consistencyProof(fromSize, toSize) } satisfies ConsistencyProof);
  });

  app.get('/api/sessions/:id/inclusion', async (c) => {
    const id = c.req.param('id');
    if (!(await sessionExists(id))) return c.json(noSession(id), 404);
    const latestSize = await signedSize(id);
    const treeSize = wholeNumber(c, 'size', 1, latestSize, 'the size of a checkpoint the server signed');
    const seq = wholeNumber(c, 'seq', 1, typeof treeSize === 'number' ? treeSize : latestSize, 'an entry of that checkpoint');
    const problems = [seq, treeSize].filter((v): v is RequestProblem => typeof v !== 'number');
    if (typeof seq !== 'number' || typeof treeSize !== 'number') return c.json(invalid(problems), 422);
    const tree = await checkpoints.treeOfSize(database, id, treeSize);
    return c.json({ log: id, seq, treeSize, proof: tree.inclusionProof(seq - 1, treeSize) } satisfies InclusionProof);
  });
}
