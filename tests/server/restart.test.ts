/**
 * The server as a process: killed (SIGKILL) right after acknowledging appends and started again, it
 * still has every acknowledged entry; one server per data folder; stopped by SIGTERM, it closes and
 * unlocks. The steps share one server at a time (each embedded start costs seconds).
 */
import { execFileSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest';
import { checkExtends } from '../../src/record/checkpoint';
import type { AuditEntry } from '../../src/record/ledger';
import { lockFileName } from '../../src/server/dataFolderLock';
import { checkpointResponseSchema, consistencyProofSchema, type StoredEntry } from '../../src/team/protocol';
import type { ServerInfo } from '../../src/team/serverInfo';
import { runServerToExit, type ServerProcess, spawnServer } from './serverProcess';
import {
  admit,
  appendAll,
  appendRequest,
  copyOfTemplate,
  type DatabaseKind,
  databaseKinds,
  flightDirector,
  ledgerOf,
  makeSigner,
  openSession,
  postJson,
  type Send,
  thermalLead,
  withNote,
} from './teamHarness';

const folders: string[] = [];
afterAll(() => {
  for (const folder of folders) rmSync(folder, { recursive: true, force: true });
});

/** A data folder holding the migrated database, as a first start would leave it: the dump is a tar of the folder. */
function migratedDataFolder(): string {
  const folder = mkdtempSync(join(tmpdir(), 'crew-return-data-'));
  folders.push(folder);
  execFileSync('tar', ['-xf', inject('pgliteDumpFile'), '-C', folder], { stdio: 'pipe' });
  return folder;
}

describe.each(databaseKinds)('the server process on the %s database', (kind: DatabaseKind) => {
  let env: Record<string, string>;
  let running: ServerProcess | undefined;
  beforeAll(async () => {
    env = kind === 'embedded' ? { DATA_DIR: migratedDataFolder() } : { DATABASE_URL: await copyOfTemplate() };
  });
  afterAll(async () => {
    if (running?.child.exitCode === null) {
      running.child.kill('SIGKILL');
      await running.exited;
    }
  });

  it('killed with SIGKILL right after acknowledging appends, with one more in flight, and started again: every acknowledged entry, nothing half-written, and the next checkpoint extends the last one before', async () => {
    const first = await spawnServer(env);
    running = first;
    const send: Send = (path, init) => fetch(`${first.url}${path}`, init);
    const authority = await makeSigner(flightDirector);
    const thermal = await makeSigner(thermalLead);
    const session = await openSession(send, authority);
    expect((await admit(send, session.id, authority, thermal)).status).toBe(201);
    let walkthrough = session.start;
    for (let i = 1; i <= 10; i++) walkthrough = withNote(walkthrough, thermalLead, `reading ${i}`);
    const entries = await ledgerOf(session, walkthrough, [], [thermal]);
    const acknowledged = entries.slice(0, 8);
    await appendAll(send, session.id, acknowledged, thermal);
    const latestPath = `/api/sessions/${session.id}/checkpoints/latest`;
    const seen = checkpointResponseSchema.parse(await (await send(latestPath)).json());
    // The ninth is sent and the server killed at once: it may or may not have committed, but not in part.
    const inFlight = postJson(
      send,
      `/api/sessions/${session.id}/entries`,
      await appendRequest(session.id, entries[8] as AuditEntry, thermal),
    ).then(
      (response) => response.status,
      () => 'no answer' as const,
    );
    first.child.kill('SIGKILL');
    expect((await first.exited).signal).toBe('SIGKILL');
    const answered = await inFlight;

    running = await spawnServer(env);
    const stored: StoredEntry[] = await (await fetch(`${running.url}/api/sessions/${session.id}/entries?after=0`)).json();
    // Whole entries in order, every acknowledged one, and the ninth only if it committed.
    expect(stored.map((s) => s.entry)).toEqual(entries.slice(0, stored.length));
    expect(stored.length).toBeGreaterThanOrEqual(acknowledged.length);
    if (answered === 200) expect(stored).toHaveLength(9);

    // The restarted server builds its tree from the database: what it signs next extends what it signed before.
    const again: Send = (path, init) => fetch(`${running?.url}${path}`, init);
    await appendAll(again, session.id, entries.slice(stored.length), thermal);
    const next = checkpointResponseSchema.parse(await (await again(latestPath)).json());
    expect(next.treeSize).toBe(entries.length);
    const { proof } = consistencyProofSchema.parse(
      await (await again(`/api/sessions/${session.id}/consistency?from=${seen.treeSize}&to=${next.treeSize}`)).json(),
    );
    const { serverKey } = (await (await again('/api/server')).json()) as ServerInfo;
    expect(await checkExtends(seen, next, proof, serverKey)).toEqual({ ok: true, checkpoint: next });
  });

  // One server per data folder: PostgreSQL guards its own.
  if (kind === 'embedded')
    it('a second server on the same data folder is refused, naming the folder and the running server’s process id', async () => {
      if (!running) throw new Error('no server running');
      const second = await runServerToExit(env);
      expect(second.code).toBe(1);
      expect(second.output).toContain(
        `the data folder ${env.DATA_DIR} is in use by another server (process ${running.child.pid})`,
      );
      expect(second.output).not.toMatch(/\n\s+at /);
      expect((await fetch(`${running.url}/api/server`)).status).toBe(200);
    });

  it('stopped with SIGTERM, it says so, exits 0 and leaves no lock', async () => {
    if (!running) throw new Error('no server running');
    running.child.kill('SIGTERM');
    expect(await running.exited).toEqual({ code: 0, signal: null });
    expect(running.output()).toContain('stopped (SIGTERM)');
    if (env.DATA_DIR) expect(existsSync(join(env.DATA_DIR, lockFileName))).toBe(false);
  });
});
