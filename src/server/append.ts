/**
 * One append, checked and serialized: the entry must be whole and hash to itself, extend the head it
 * names, and be signed for this session by an admitted key. Only a committed append is acknowledged.
 */
import { appendMessage } from '../record/appendClaim';
import type { Checkpoint } from '../record/checkpointSchema';
import { entryHash } from '../record/ledger';
import { entrySigningMessage, signatureHolds } from '../record/signing';
import { canonicalJson } from '../session/canonicalJson';
import { authorshipProblems } from '../team/entryAuthorship';
import type { AppendRequest, AppendResponse, RequestProblem, SessionDetail, StoredEntry } from '../team/protocol';
import type { Database, Queryable } from './database';
import { findKey, insertEntry, isAdmitted, lockedHead } from './teamStore';

/**
 * Where a signed checkpoint of the log is made after each append, inside the append's transaction so
 * that an entry and the checkpoint covering it commit together (src/record/checkpoint.ts).
 */
export type CheckpointAfterAppend = (tx: Queryable, sessionId: string, entryCount: number) => Promise<Checkpoint>;

export interface AppendOutcome {
  status: 200 | 403 | 409 | 422;
  body: AppendResponse;
  /** Set when the append committed: what to fan out. */
  stored?: StoredEntry;
  checkpoint?: Checkpoint;
}

const invalid = (problems: RequestProblem[]): AppendOutcome => ({ status: 422, body: { outcome: 'invalid', problems } });

export async function appendEntry(
  database: Database,
  sessionId: string,
  session: Pick<SessionDetail, 'genesisHash' | 'scenario'>,
  request: AppendRequest,
  checkpointAfterAppend: CheckpointAfterAppend,
): Promise<AppendOutcome> {
  const { entry } = request;
  const problems: RequestProblem[] = [];
  const { hash: _, signature: __, ...hashed } = entry;
  if ((await entryHash(hashed)) !== entry.hash)
    problems.push({ path: 'entry.hash', expected: "the SHA-256 of the entry's canonical JSON (without hash and signature)" });
  if (entry.seq !== request.extends + 1)
    problems.push({
      path: 'entry.seq',
      expected: `${request.extends + 1}: one more than the entry count it extends (${request.extends})`,
    });
  if (entry.signature && !(await signatureHolds(entry.signature, entrySigningMessage(entry.hash))))
    problems.push({ path: 'entry.signature', expected: "a signature by the key it names over the entry's hash" });
  if (problems.length) return invalid(problems);

  const appender = await findKey(database, request.appendedBy);
  if (!appender || !(await isAdmitted(database, sessionId, request.appendedBy)))
    return {
      status: 403,
      body: {
        outcome: 'not-admitted',
        fingerprint: request.appendedBy,
        message: `the key ${request.appendedBy} is not admitted to this session: the decision authority admits keys`,
      },
    };
  const claim = { sessionId, seq: entry.seq, entryHash: entry.hash, checkpointSeen: request.checkpointSeen };
  const signedByAppender =
    request.signature.fingerprint === appender.fingerprint &&
    request.signature.publicKey === appender.publicKey &&
    (await signatureHolds(request.signature, appendMessage(claim)));
  if (!signedByAppender)
    return invalid([
      { path: 'signature', expected: `the appender's (${appender.fingerprint}) signature over this append's message` },
    ]);
  const authorship = await authorshipProblems(session.scenario, entry, appender);
  if (authorship.length) return invalid(authorship.map(({ path, expected }) => ({ path, expected })));

  const entryJson = canonicalJson(entry);
  try {
    return await appendInTransaction(database, sessionId, session, request, entryJson, checkpointAfterAppend);
  } catch (error) {
    // Another writer took this place between our read and our insert: the same answer as stale.
    if ((error as { code?: string }).code !== uniqueViolation) throw error;
    const head = await database.transaction((tx) => lockedHead(tx, sessionId));
    return {
      status: 409,
      body: { outcome: 'stale', entryCount: head.entryCount, headHash: head.headHash ?? session.genesisHash },
    };
  }
}

const uniqueViolation = '23505';

function appendInTransaction(
  database: Database,
  sessionId: string,
  session: { genesisHash: string },
  request: AppendRequest,
  entryJson: string,
  checkpointAfterAppend: CheckpointAfterAppend,
): Promise<AppendOutcome> {
  const { entry } = request;
  const appendedUtc = new Date().toISOString();
  return database.transaction(async (tx): Promise<AppendOutcome> => {
    const head = await lockedHead(tx, sessionId);
    if (head.entryCount !== request.extends)
      return {
        status: 409,
        body: { outcome: 'stale', entryCount: head.entryCount, headHash: head.headHash ?? session.genesisHash },
      };
    const expectedPrevious = head.headHash ?? session.genesisHash;
    if (entry.previousHash !== expectedPrevious)
      return invalid([
        {
          path: 'entry.previousHash',
          expected: `${expectedPrevious}: the hash of ${head.entryCount === 0 ? "the session's genesis" : `entry ${head.entryCount}`}`,
        },
      ]);
    const stored: StoredEntry = {
      entry,
      appendedBy: request.appendedBy,
      checkpointSeen: request.checkpointSeen,
      signature: request.signature,
      appendedUtc,
    };
    await insertEntry(tx, { sessionId, entryJson, ...stored });
    const checkpoint = await checkpointAfterAppend(tx, sessionId, entry.seq);
    return {
      status: 200,
      body: { outcome: 'appended', seq: entry.seq, hash: entry.hash, appendedUtc, checkpoint },
      stored,
      checkpoint,
    };
  });
}
