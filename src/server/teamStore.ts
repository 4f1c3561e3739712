/** The team log's SQL: sessions, keys, admissions and entries, read and inserted (never updated). */
import type { AuditEntry } from '../record/ledger';
import type { CheckpointSeen } from '../record/packetSchema';
import type { Signature } from '../record/signatureSchema';
import type { PublicKeyRecord } from '../record/signing';
import type {
  Admission,
  CreateSessionRequest,
  RegisterKeyRequest,
  SessionDetail,
  SessionSummary,
  StoredEntry,
} from '../team/protocol';
import type { Queryable } from './database';

interface SessionRow {
  id: string;
  title: string;
  opened_utc: string;
  genesis_hash: string;
  authority: PublicKeyRecord;
  entry_count: number;
  head_hash: string | null;
}

const summaryColumns = `s.id, s.title, s.opened_utc, s.genesis_hash, s.authority,
  -- Entries are numbered 1, 2, … with no gap (each append extends the head), so the count is the last seq.
  COALESCE((SELECT max(e.seq) FROM entries e WHERE e.session_id = s.id), 0) AS entry_count,
  (SELECT e.hash FROM entries e WHERE e.session_id = s.id ORDER BY e.seq DESC LIMIT 1) AS head_hash`;

const summaryOf = (row: SessionRow): SessionSummary => ({
  id: row.id,
  title: row.title,
  openedUtc: row.opened_utc,
  genesisHash: row.genesis_hash,
  authority: row.authority,
  entryCount: row.entry_count,
  headHash: row.head_hash ?? row.genesis_hash,
});

/** False when a session of that id exists already. */
export async function insertSession(db: Queryable, request: CreateSessionRequest, genesisHash: string): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO sessions (id, title, scenario, profile, genesis_hash, authority, authority_fingerprint, genesis_signature, opened_utc)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9) ON CONFLICT (id) DO NOTHING RETURNING id`,
    [
      request.id,
      request.title,
      JSON.stringify(request.scenario),
      JSON.stringify(request.profile),
      genesisHash,
      JSON.stringify(request.authority),
      request.authority.fingerprint,
      JSON.stringify(request.genesisSignature),
      request.openedUtc,
    ],
  );
  return rows.length === 1;
}

export async function listSessions(db: Queryable): Promise<SessionSummary[]> {
  const rows = await db.query<SessionRow>(`SELECT ${summaryColumns} FROM sessions s ORDER BY s.created_at, s.id`);
  return rows.map(summaryOf);
}

export async function findSession(db: Queryable, id: string): Promise<SessionDetail | null> {
  const rows = await db.query<SessionRow & Pick<SessionDetail, 'scenario' | 'profile'> & { genesis_signature: Signature }>(
    `SELECT ${summaryColumns}, s.scenario, s.profile, s.genesis_signature FROM sessions s WHERE s.id = $1`,
    [id],
  );
  const row = rows[0];
  return row
    ? { ...summaryOf(row), scenario: row.scenario, profile: row.profile, genesisSignature: row.genesis_signature }
    : null;
}

/** Registers a key (a second registration of the same key changes nothing); false when its fingerprint names another key. */
export async function insertKey(db: Queryable, { key, signature }: RegisterKeyRequest): Promise<boolean> {
  await db.query(
    `INSERT INTO keys (fingerprint, name, role, public_key, registration_signature) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING`,
    [key.fingerprint, key.name, key.role, key.publicKey, JSON.stringify(signature)],
  );
  const stored = await findKey(db, key.fingerprint);
  return stored !== null && stored.publicKey === key.publicKey && stored.name === key.name && stored.role === key.role;
}

interface KeyRow {
  fingerprint: string;
  name: string;
  role: string;
  public_key: string;
}
const keyOf = (row: KeyRow): PublicKeyRecord => ({
  name: row.name,
  role: row.role,
  fingerprint: row.fingerprint,
  publicKey: row.public_key,
});

export async function findKey(db: Queryable, fingerprint: string): Promise<PublicKeyRecord | null> {
  const rows = await db.query<KeyRow>('SELECT fingerprint, name, role, public_key FROM keys WHERE fingerprint = $1', [
    fingerprint,
  ]);
  return rows[0] ? keyOf(rows[0]) : null;
}

export async function listKeys(db: Queryable): Promise<PublicKeyRecord[]> {
  return (await db.query<KeyRow>('SELECT fingerprint, name, role, public_key FROM keys ORDER BY registered_at, fingerprint')).map(
    keyOf,
  );
}

/** False when that key was admitted to that session already. */
export async function insertAdmission(db: Queryable, admission: Admission): Promise<boolean> {
  const rows = await db.query(
    `INSERT INTO admissions (session_id, fingerprint, admitted_by, admitted_utc, signature) VALUES ($1, $2, $3, $4, $5)
     ON CONFLICT DO NOTHING RETURNING fingerprint`,
    [
      admission.sessionId,
      admission.admitted.fingerprint,
      admission.admittedBy,
      admission.admittedUtc,
      JSON.stringify(admission.signature),
    ],
  );
  return rows.length === 1;
}

export async function listAdmissions(db: Queryable, sessionId: string): Promise<Admission[]> {
  const rows = await db.query<KeyRow & { admitted_by: string; admitted_utc: string; signature: Signature }>(
    `SELECT k.fingerprint, k.name, k.role, k.public_key, a.admitted_by, a.admitted_utc, a.signature
     FROM admissions a JOIN keys k ON k.fingerprint = a.fingerprint WHERE a.session_id = $1 ORDER BY a.recorded_at, k.fingerprint`,
    [sessionId],
  );
  return rows.map((row) => ({
    sessionId,
    admitted: keyOf(row),
    admittedBy: row.admitted_by,
    admittedUtc: row.admitted_utc,
    signature: row.signature,
  }));
}

/** The session's authority is admitted by opening it; everyone else by an admission it signed. */
export async function isAdmitted(db: Queryable, sessionId: string, fingerprint: string): Promise<boolean> {
  const rows = await db.query(
    `SELECT 1 FROM sessions WHERE id = $1 AND authority_fingerprint = $2
     UNION ALL SELECT 1 FROM admissions WHERE session_id = $1 AND fingerprint = $2 LIMIT 1`,
    [sessionId, fingerprint],
  );
  return rows.length === 1;
}

/** The entry count and last hash, read under the session's append lock. */
export async function lockedHead(tx: Queryable, sessionId: string): Promise<{ entryCount: number; headHash: string | null }> {
  // Appends to one session wait for each other here, across connections and server processes alike.
  await tx.query('SELECT pg_advisory_xact_lock(hashtextextended($1::text, 0))', [sessionId]);
  const rows = await tx.query<{ seq: number; hash: string }>(
    'SELECT seq, hash FROM entries WHERE session_id = $1 ORDER BY seq DESC LIMIT 1',
    [sessionId],
  );
  return { entryCount: rows[0]?.seq ?? 0, headHash: rows[0]?.hash ?? null };
}

export interface EntryToInsert {
  sessionId: string;
  entryJson: string;
  entry: AuditEntry;
  appendedBy: string;
  signature: Signature;
  checkpointSeen: CheckpointSeen;
  appendedUtc: string;
}

export async function insertEntry(tx: Queryable, e: EntryToInsert): Promise<void> {
  await tx.query(
    `INSERT INTO entries (session_id, seq, entry, hash, previous_hash, appended_by, signature, checkpoint_seen, appended_utc)
     VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)`,
    [
      e.sessionId,
      e.entry.seq,
      e.entryJson,
      e.entry.hash,
      e.entry.previousHash,
      e.appendedBy,
      JSON.stringify(e.signature),
      e.checkpointSeen === null ? null : JSON.stringify(e.checkpointSeen),
      e.appendedUtc,
    ],
  );
}

interface EntryRow {
  entry: string;
  appended_by: string;
  checkpoint_seen: CheckpointSeen;
  signature: Signature;
  appended_utc: string;
}

/** Entries after `afterSeq`, in order, at most `limit`. */
export async function entriesAfter(db: Queryable, sessionId: string, afterSeq: number, limit: number): Promise<StoredEntry[]> {
  const rows = await db.query<EntryRow>(
    `SELECT entry, appended_by, checkpoint_seen, signature, appended_utc FROM entries
     WHERE session_id = $1 AND seq > $2 ORDER BY seq LIMIT $3`,
    [sessionId, afterSeq, limit],
  );
  return rows.map((row) => ({
    entry: JSON.parse(row.entry),
    appendedBy: row.appended_by,
    checkpointSeen: row.checkpoint_seen,
    signature: row.signature,
    appendedUtc: row.appended_utc,
  }));
}
