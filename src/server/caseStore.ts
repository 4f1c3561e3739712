/** Kept cases' SQL: each version a row, inserted and read (never updated); the list is each case's latest. */
import type { Scenario } from '../../scenarios/schema';
import type { Signature } from '../record/signatureSchema';
import type { PublicKeyRecord } from '../record/signing';
import type { KeptCase, KeptCaseSummary } from '../team/protocol';
import type { Database } from './database';

export interface CaseToKeep {
  scenario: Scenario;
  /** The scenario's canonical JSON: the bytes the signature covers, kept as they are. */
  scenarioJson: string;
  keptBy: PublicKeyRecord;
  signature: Signature;
  keptUtc: string;
}

interface CaseRow {
  case_id: string;
  title: string;
  kind: KeptCaseSummary['kind'];
  kept_utc: string;
  versions: number;
  name: string;
  role: string;
  fingerprint: string;
  public_key: string;
}

const latestColumns = `c.case_id, c.title, c.kind, c.kept_utc, c.version AS versions,
  k.name, k.role, k.fingerprint, k.public_key`;
// Versions are numbered 1, 2, … with no gap (each keeping takes the next under a lock): the latest is the count.
const latestOnly = 'c.version = (SELECT max(v.version) FROM kept_cases v WHERE v.case_id = c.case_id)';

const summaryOf = (row: CaseRow): KeptCaseSummary => ({
  id: row.case_id,
  title: row.title,
  kind: row.kind,
  keptBy: { name: row.name, role: row.role, fingerprint: row.fingerprint, publicKey: row.public_key },
  keptUtc: row.kept_utc,
  versions: row.versions,
});

/** Keeps a new version of the case; its number is one more than the last, whoever keeps the same case at once. */
export async function insertCaseVersion(database: Database, kept: CaseToKeep): Promise<number> {
  return database.transaction(async (tx) => {
    await tx.query("SELECT pg_advisory_xact_lock(hashtextextended('kept_cases:' || $1::text, 0))", [kept.scenario.id]);
    const [last] = await tx.query<{ version: number | null }>(
      'SELECT max(version) AS version FROM kept_cases WHERE case_id = $1',
      [kept.scenario.id],
    );
    const version = (last?.version ?? 0) + 1;
    await tx.query(
      `INSERT INTO kept_cases (case_id, version, title, kind, scenario, kept_by, signature, kept_utc)
       VALUES ($1, $2, $3, $4, $5, $6, $7, $8)`,
      [
        kept.scenario.id,
        version,
        kept.scenario.title,
        kept.scenario.kind,
        kept.scenarioJson,
        kept.keptBy.fingerprint,
        JSON.stringify(kept.signature),
        kept.keptUtc,
      ],
    );
    return version;
  });
}

export async function listKeptCases(database: Database): Promise<KeptCaseSummary[]> {
  const rows = await database.query<CaseRow>(
    `SELECT ${latestColumns} FROM kept_cases c JOIN keys k ON k.fingerprint = c.kept_by WHERE ${latestOnly}
     ORDER BY c.title, c.case_id`,
  );
  return rows.map(summaryOf);
}

export async function findKeptCase(database: Database, id: string): Promise<KeptCase | null> {
  const rows = await database.query<CaseRow & { scenario: string; signature: Signature }>(
    `SELECT ${latestColumns}, c.scenario, c.signature FROM kept_cases c JOIN keys k ON k.fingerprint = c.kept_by
     WHERE c.case_id = $1 AND ${latestOnly}`,
    [id],
  );
  const row = rows[0];
  return row ? { ...summaryOf(row), scenario: JSON.parse(row.scenario), signature: row.signature } : null;
}
