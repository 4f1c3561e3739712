/**
 * The team server's figures (issue 24): twenty consoles following one session while a writer appends,
 * and appends per second on the embedded database and on PostgreSQL 15, each beside its floor measured
 * in the same run. The server is `src/server/main.ts` spawned as `npm start` runs it, on loopback.
 */
import { PGlite } from '@electric-sql/pglite';
import pg from 'pg';
import type { Scenario } from '../scenarios/schema';
import type { AuditEntry } from '../src/record/ledger';
import type { Signer } from '../src/record/signing';
import type { ThresholdProfile } from '../src/session/profile';
import { teamApi } from '../src/team/console/teamApi';
import { createDatabase, postgresMissing, startPostgresCluster } from '../tests/server/postgresCluster';
import { appendCryptoMs, bareInsertsMs } from './appendFloors';
import { longPacket } from './audit';
import { runRoom } from './liveRoom';
import { fromSamples, type Measurement, printTable, type Row } from './measure';
import { startBenchServer } from './teamServerProcess';
import { appendInTurn, benchSigner, openBenchSession, registerKey } from './teamSession';

const consoleCount = 20;
const roomAppends = 1000;
const rateAppends = 300;

const count = (n: number) => n.toLocaleString('en-US');

/** Appends one after another on a session nobody follows: the server's append rate on its database. */
async function appendsAlone(
  url: string,
  writer: Signer,
  ledger: readonly AuditEntry[],
  scenario: Scenario,
  profile: ThresholdProfile,
) {
  const api = teamApi(url);
  await registerKey(api, writer);
  const session = await openBenchSession(api, writer, scenario, profile, 'bench: appends, nobody following');
  return appendInTurn(api, session.id, writer, ledger.slice(0, rateAppends));
}

export async function printTeamServerTables(scenario: Scenario, profile: ThresholdProfile): Promise<void> {
  const writer = await benchSigner();
  const serverKey = await benchSigner();
  const ledger = (await longPacket(scenario, profile, roomAppends, async () => writer)).entries;
  const entryKb = ledger.reduce((n, e) => n + JSON.stringify(e).length, 0) / ledger.length / 1000;

  // The embedded database's own floor starts in this process while the server initializes its data folder.
  const [embedded, floorPglite] = await Promise.all([startBenchServer(), PGlite.create()]);
  let alone: Awaited<ReturnType<typeof appendsAlone>>;
  let room: Awaited<ReturnType<typeof runRoom>>;
  let serverHolds: number;
  try {
    alone = await appendsAlone(embedded.url, writer, ledger, scenario, profile);
    const api = teamApi(embedded.url);
    const session = await openBenchSession(api, writer, scenario, profile, 'bench: twenty consoles');
    room = await runRoom(api, session.id, writer, ledger, consoleCount);
    serverHolds = await entriesOnServer(embedded.url, session.id, ledger);
  } finally {
    await embedded.stop();
  }
  const pgliteInsert = fromSamples(
    `bare INSERT of an entry (${entryKb.toFixed(1)} kB), PGlite in this process`,
    await bareInsertsMs((sql, params) => floorPglite.query(sql, params), ledger.slice(0, rateAppends)),
  );
  await floorPglite.close();
  const crypto = fromSamples(
    "the server's hashing and signing for one append alone (entry hash, 2 Ed25519 checks, checkpoint signature)",
    await appendCryptoMs('bench', ledger.slice(0, rateAppends), writer, serverKey),
  );

  const aloneRow = fromSamples(
    `append round trip, nobody following (${count(rateAppends)} appends; ops/s over the run)`,
    alone.roundTripMs,
    alone.elapsedMs,
  );
  const delivered = fromSamples(
    `append sent → accepted by all ${consoleCount} consoles (${count(roomAppends)} appends; ops/s over the run)`,
    room.deliveredMs,
    room.elapsedMs,
  );
  const p95Ms = delivered.p95NsPerOp / 1e6;
  const maxMs = Math.max(...room.deliveredMs);
  printTable(
    `${consoleCount} consoles following one session live, ${count(roomAppends)} appends by one writer (spawned src/server/main.ts, embedded database, loopback; consoles and writer share one bench process; each append sent once the previous reached every console)`,
    [{ measurement: aloneRow }, { measurement: delivered, baseline: aloneRow, target: 'p95 ≤ 250 ms' }],
  );
  console.log(
    `  max ${maxMs.toFixed(1)} ms; target p95 ≤ 250 ms ${p95Ms <= 250 ? 'met' : 'MISSED'} (p95 ${p95Ms.toFixed(1)} ms). ` +
      `Nothing lost or duplicated: each of the ${consoleCount} consoles accepted entries 1–${count(roomAppends)} once each, in order, and holds exactly the appended ledger; ` +
      `the server holds the same ${count(serverHolds)}. Live stream reconnections: ${room.reconnections}.`,
  );

  const rows: Row[] = [
    { measurement: crypto },
    { measurement: pgliteInsert },
    { measurement: renamed(aloneRow, `appends, embedded database (PGlite) (${count(rateAppends)})`), baseline: pgliteInsert },
    { measurement: renamed(aloneRow, `appends, embedded database (PGlite) (${count(rateAppends)})`), baseline: crypto },
  ];
  const missing = postgresMissing();
  if (missing) rows.push({ measurement: notMeasured(`appends, PostgreSQL 15: not measured: ${missing}`) });
  else rows.push(...(await postgresRows(writer, ledger, scenario, profile, entryKb, aloneRow)));
  printTable(
    `Appends to one session, one after another, each with its signed checkpoint (spawned src/server/main.ts on loopback, outbox → acknowledged; ops/s: appends per second over the run)`,
    rows,
  );
}

async function postgresRows(
  writer: Signer,
  ledger: readonly AuditEntry[],
  scenario: Scenario,
  profile: ThresholdProfile,
  entryKb: number,
  embeddedAppends: Measurement,
): Promise<Row[]> {
  let cluster: Awaited<ReturnType<typeof startPostgresCluster>>;
  try {
    cluster = await startPostgresCluster();
  } catch (error) {
    // A PostgreSQL that will not start here costs its rows, not the rest of the bench.
    const why = error instanceof Error ? error.message.split('\n')[0] : String(error);
    return [{ measurement: notMeasured(`appends, PostgreSQL 15: not measured: the cluster did not start (${why})`) }];
  }
  try {
    const server = await startBenchServer(await createDatabase(cluster, 'crew_return_bench'));
    let alone: Awaited<ReturnType<typeof appendsAlone>>;
    try {
      alone = await appendsAlone(server.url, writer, ledger, scenario, profile);
    } finally {
      await server.stop();
    }
    const client = new pg.Client({ connectionString: await createDatabase(cluster, 'bench_floor') });
    await client.connect();
    const insert = fromSamples(
      `bare INSERT of an entry (${entryKb.toFixed(1)} kB), PostgreSQL 15 over loopback TCP (pg)`,
      await bareInsertsMs((sql, params) => client.query(sql, params), ledger.slice(0, rateAppends)),
    );
    await client.end();
    const appends = fromSamples(`appends, PostgreSQL 15 (${count(rateAppends)})`, alone.roundTripMs, alone.elapsedMs);
    return [
      { measurement: insert },
      { measurement: appends, baseline: insert },
      { measurement: appends, baseline: embeddedAppends },
    ];
  } finally {
    cluster.stop();
  }
}

const renamed = (m: Measurement, name: string): Measurement => ({ ...m, name });
const notMeasured = (name: string): Measurement => ({
  name,
  medianNsPerOp: Number.NaN,
  p95NsPerOp: Number.NaN,
  opsPerSecond: Number.NaN,
});

/** The server's own log of the session, page by page: it must be the ledger, entry for entry. */
async function entriesOnServer(baseUrl: string, sessionId: string, ledger: readonly AuditEntry[]): Promise<number> {
  const api = teamApi(baseUrl);
  let held = 0;
  for (;;) {
    const page = await api.entriesAfter(sessionId, held);
    if (!page.ok) throw new Error(`reading the server's log: ${page.failure.words}`);
    if (page.value.length === 0) break;
    for (const stored of page.value) {
      if (stored.entry.hash !== ledger[held]?.hash) throw new Error(`the server's entry ${held + 1} is not the one appended`);
      held++;
    }
  }
  if (held !== ledger.length) throw new Error(`the server holds ${held} entries, not the ${ledger.length} appended`);
  return held;
}
