/** Migrations on both databases, and a log that no UPDATE, DELETE or TRUNCATE can change: by trigger and by role. */
import { readdirSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createApp } from '../../src/server/app';
import type { Database } from '../../src/server/database';
import { migrate } from '../../src/server/migrate';
import { openPostgresDatabase } from '../../src/server/postgresDatabase';
import { prepareTeamServer } from '../../src/server/teamServer';
import {
  admit,
  appendAll,
  copyOfTemplate,
  type DatabaseKind,
  databaseKinds,
  flightDirector,
  ledgerOf,
  makeSigner,
  openSession,
  openTestDatabase,
  type Send,
  thermalLead,
  withNote,
} from './teamHarness';

const migrationFiles = readdirSync(new URL('../../src/server/migrations', import.meta.url)).filter((f) => f.endsWith('.sql'));

it('PostgreSQL 15: an empty database is migrated by every file once, and a second run applies none', async () => {
  const url = await copyOfTemplate('template0');
  const database = await openPostgresDatabase(url, () => {});
  try {
    expect(await migrate(database)).toEqual(migrationFiles.sort());
    expect(await migrate(database)).toEqual([]);
    const [version] = await database.query<{ server_version_num: string }>('SHOW server_version_num');
    expect(Number(version?.server_version_num)).toBeGreaterThanOrEqual(150000);
    expect(Number(version?.server_version_num)).toBeLessThan(160000);
  } finally {
    await database.close();
  }
});

describe.each(databaseKinds)('on the %s database', (kind: DatabaseKind) => {
  let database: Database;
  let send: Send;
  let sessionId: string;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    const server = await prepareTeamServer(database);
    const app = createApp(server);
    send = async (path, init) => app.request(path, init);
    const authority = await makeSigner(flightDirector);
    const thermal = await makeSigner(thermalLead);
    const session = await openSession(send, authority);
    sessionId = session.id;
    expect((await admit(send, sessionId, authority, thermal)).status).toBe(201);
    await appendAll(
      send,
      sessionId,
      await ledgerOf(session, withNote(session.start, thermalLead, 'loop pressure zero'), [], [thermal]),
      thermal,
    );
  });
  afterAll(() => database?.close());

  it('every migration is recorded, and migrating again applies none', async () => {
    await database.query('RESET ROLE');
    try {
      const rows = await database.query<{ name: string }>('SELECT name FROM schema_migrations ORDER BY name');
      expect(rows.map((r) => r.name)).toEqual(migrationFiles.sort());
      expect(await migrate(database)).toEqual([]);
    } finally {
      await database.query('SET ROLE crew_return_app');
    }
  });

  it('the server runs as the app role, which may not UPDATE, DELETE or TRUNCATE the log', async () => {
    expect(await database.query('SELECT current_user AS who')).toEqual([{ who: 'crew_return_app' }]);
    for (const statement of [
      `UPDATE entries SET hash = repeat('0', 64) WHERE session_id = '${sessionId}'`,
      `DELETE FROM entries WHERE session_id = '${sessionId}'`,
      'TRUNCATE entries',
      `UPDATE admissions SET admitted_utc = 'then' WHERE session_id = '${sessionId}'`,
      `DELETE FROM admissions WHERE session_id = '${sessionId}'`,
      `UPDATE sessions SET title = 'other' WHERE id = '${sessionId}'`,
      `UPDATE checkpoints SET root_hash = repeat('0', 64) WHERE session_id = '${sessionId}'`,
      `DELETE FROM checkpoints WHERE session_id = '${sessionId}'`,
      'TRUNCATE checkpoints',
    ])
      await expect(database.query(statement), statement).rejects.toThrow(/permission denied/);
  });

  it('even the owner cannot change an entry, an admission or a checkpoint: a trigger refuses UPDATE, DELETE and TRUNCATE', async () => {
    await database.query('RESET ROLE');
    try {
      expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM entries'))[0]?.n).toBeGreaterThan(0);
      for (const [statement, refusal] of [
        [
          `UPDATE entries SET hash = repeat('0', 64) WHERE session_id = '${sessionId}'`,
          'the entries table is append-only: UPDATE refused',
        ],
        [`DELETE FROM entries WHERE session_id = '${sessionId}'`, 'the entries table is append-only: DELETE refused'],
        ['TRUNCATE entries CASCADE', 'append-only: TRUNCATE refused'],
        [`UPDATE admissions SET admitted_utc = 'then'`, 'the admissions table is append-only: UPDATE refused'],
        ['DELETE FROM admissions', 'the admissions table is append-only: DELETE refused'],
        [`UPDATE checkpoints SET root_hash = repeat('0', 64)`, 'the checkpoints table is append-only: UPDATE refused'],
        ['DELETE FROM checkpoints', 'the checkpoints table is append-only: DELETE refused'],
        ['TRUNCATE checkpoints', 'the checkpoints table is append-only: TRUNCATE refused'],
      ] as const)
        await expect(database.query(statement), statement).rejects.toThrow(refusal);
      expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM entries'))[0]?.n).toBeGreaterThan(0);
      expect((await database.query<{ n: number }>('SELECT count(*)::int AS n FROM checkpoints'))[0]?.n).toBeGreaterThan(0);
    } finally {
      await database.query('SET ROLE crew_return_app');
    }
  });
});
