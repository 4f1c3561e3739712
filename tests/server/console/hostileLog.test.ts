/**
 * A log changed behind the server's back, as whoever holds the database could (a superuser, triggers
 * off): a console following live sees its entry replaced and stops with the alarm naming it; a
 * console opening the session refuses the rewritten entry by its hash.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signer } from '../../../src/record/signing';
import type { Database } from '../../../src/server/database';
import { openPostgresDatabase } from '../../../src/server/postgresDatabase';
import { catchUp } from '../../../src/team/console/catchUp';
import { SessionFollower } from '../../../src/team/console/sessionFollower';
import { teamApi } from '../../../src/team/console/teamApi';
import { admit, flightDirector, makeSigner, openSession, type Send, type TestSession, thermalLead } from '../teamHarness';
import { type Console, openConsole, startTeamServer, type TeamServerUnderTest } from './consoleHarness';

let server: TeamServerUnderTest;
let superuser: Database;
let session: TestSession;
let director: Signer;
let thermal: Signer;
let watching: Console;

beforeAll(async () => {
  server = await startTeamServer('postgresql');
  if (!server.databaseUrl) throw new Error('no database URL');
  superuser = await openPostgresDatabase(server.databaseUrl, () => {});
  const send: Send = (path, init) => fetch(`${server.url}${path}`, init);
  director = await makeSigner(flightDirector);
  thermal = await makeSigner(thermalLead);
  session = await openSession(send, director);
  await admit(send, session.id, director, thermal);
  watching = await openConsole(session, flightDirector, director, { baseUrl: server.url });
  for (const text of ['reading 1', 'reading 2', 'reading 3']) await watching.note({ text });
});
afterAll(async () => {
  watching?.close();
  await superuser?.close();
  await server?.dispose();
});

/** SQL as the database's owner with the log's triggers off: what the app's role cannot do. */
const behindTheServer = (sql: string) =>
  superuser.transaction(async (tx) => {
    await tx.query('SET LOCAL session_replication_role = replica');
    await tx.query(sql, [session.id]);
  });

describe('a log changed behind the server', () => {
  it('a truncated log grown again over the place of an entry already seen: the following console stops with the alarm at the first entry that does not chain to its own', async () => {
    await watching.until(() => watching.follower.size === 3, 'the console holding 3 entries');
    // Its checkpoint too: a server refuses to sign a second checkpoint at a size it has signed.
    await behindTheServer('DELETE FROM entries WHERE session_id = $1 AND seq = 3');
    await behindTheServer('DELETE FROM checkpoints WHERE session_id = $1 AND tree_size >= 3');
    const latecomer = await openConsole(session, thermalLead, thermal, { baseUrl: server.url });
    expect(latecomer.follower.size).toBe(2);
    // The server streams a seq once: the new third entry does not reach the console that has one; the fourth does.
    await latecomer.note({ text: 'a different third entry' });
    await latecomer.note({ text: 'a fourth entry' });
    latecomer.close();
    await watching.until(() => watching.notices.some((n) => n.kind === 'alarm'), 'the alarm');
    expect(watching.notices.filter((n) => n.kind === 'alarm')).toEqual([
      {
        kind: 'alarm',
        alarm: {
          check: 'previous-hash',
          seq: 4,
          words:
            'Entry 4: its previous hash is not the hash of entry 3 as this console verified it: the chain is broken (entry 3 was replaced on the server, or this one is forged). This console does not show it.',
        },
      },
    ]);
    expect(watching.follower.entries.map((e) => (e.event.type === 'session.note' ? e.event.text : ''))).toEqual([
      'reading 1',
      'reading 2',
      'reading 3',
    ]);
  });

  it('a rewritten entry: a console opening the session refuses it by its hash, naming it', async () => {
    await behindTheServer(
      `UPDATE entries SET entry = replace(entry, 'reading 2', 'reading 9') WHERE session_id = $1 AND seq = 2`,
    );
    const api = teamApi(server.url);
    const detail = await api.session(session.id);
    if (!detail.ok) throw new Error(detail.failure.words);
    const opened = await SessionFollower.open(detail.value);
    if (!opened.ok) throw new Error(opened.alarm.words);
    expect(await catchUp(api, opened.follower)).toEqual({
      kind: 'alarm',
      alarm: { check: 'entry-hash', seq: 2, words: expect.stringContaining('Entry 2: its hash is not the hash of its content') },
    });
    expect(opened.follower.size).toBe(1);
  });
});
