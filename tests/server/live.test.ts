/** Live updates over a real HTTP server on loopback: a console resumes by Last-Event-ID with exactly what it missed. */
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../src/record/ledger';
import type { Signer } from '../../src/record/signing';
import { appPolicy, securityHeaders } from '../../src/server/securityHeaders';
import { listen, prepareTeamServer, type RunningServer } from '../../src/server/teamServer';
import type { Admission, StoredEntry } from '../../src/team/protocol';
import { type EventStream, openEventStream } from './sseReader';
import {
  admit,
  appendAll,
  type DatabaseKind,
  databaseKinds,
  flightDirector,
  ledgerOf,
  makeSigner,
  openSession,
  openTestDatabase,
  type Send,
  type TestSession,
  thermalLead,
  withNote,
} from './teamHarness';

describe.each(databaseKinds)('live updates on the %s database', (kind: DatabaseKind) => {
  let running: RunningServer;
  let send: Send;
  let appFolder: string;
  let authority: Signer;
  let thermal: Signer;
  let session: TestSession;
  let entries: AuditEntry[];
  const streams: EventStream[] = [];

  beforeAll(async () => {
    appFolder = mkdtempSync(join(tmpdir(), 'crew-return-app-'));
    mkdirSync(join(appFolder, 'assets'));
    writeFileSync(join(appFolder, 'index.html'), '<!doctype html><title>crew return</title>');
    writeFileSync(join(appFolder, 'assets/app.js'), 'console.log("app")');
    running = await listen(await prepareTeamServer(await openTestDatabase(kind), appFolder), 0);
    send = (path, init) => fetch(`${running.url}${path}`, init);
    authority = await makeSigner(flightDirector);
    thermal = await makeSigner(thermalLead);
    session = await openSession(send, authority);
    expect((await admit(send, session.id, authority, thermal)).status).toBe(201);
    let walkthrough = session.start;
    for (let i = 1; i <= 6; i++) walkthrough = withNote(walkthrough, thermalLead, `cabin reading ${i}`);
    entries = await ledgerOf(session, walkthrough, [], [thermal]);
  });
  afterAll(async () => {
    for (const stream of streams) stream.close();
    await running?.close();
    rmSync(appFolder, { recursive: true, force: true });
  });

  const live = async (headers: Record<string, string> = {}) => {
    const stream = await openEventStream(`${running.url}/api/sessions/${session.id}/live`, headers);
    streams.push(stream);
    return stream;
  };
  const nextEntry = async (stream: EventStream) => {
    for (;;) {
      const event = await stream.next();
      if (event.event === 'entry') return { id: event.id, stored: JSON.parse(event.data) as StoredEntry };
    }
  };

  it('a console following from the start gets the admissions, then each entry once, in order, as it is appended', async () => {
    const stream = await live();
    const admission = await stream.next();
    expect(admission.event).toBe('admission');
    expect((JSON.parse(admission.data) as Admission).admitted.fingerprint).toBe(thermal.fingerprint);
    await appendAll(send, session.id, entries.slice(0, 3), thermal);
    for (const entry of entries.slice(0, 3))
      expect(await nextEntry(stream)).toEqual({ id: String(entry.seq), stored: expect.objectContaining({ entry }) });
  });

  it('a console reconnecting with Last-Event-ID gets exactly the entries after it, then live ones: no duplicate, no gap, no replay', async () => {
    const stream = await live({ 'Last-Event-ID': '1' });
    expect((await nextEntry(stream)).id).toBe('2');
    expect((await nextEntry(stream)).id).toBe('3');
    await appendAll(send, session.id, entries.slice(3, 5), thermal);
    expect(await nextEntry(stream)).toEqual({ id: '4', stored: expect.objectContaining({ entry: entries[3] }) });
    expect(await nextEntry(stream)).toEqual({ id: '5', stored: expect.objectContaining({ entry: entries[4] }) });
  });

  it('a console that has every entry gets nothing until the next append, and then only that one', async () => {
    const stream = await live({ 'Last-Event-ID': '5' });
    await appendAll(send, session.id, entries.slice(5, 6), thermal);
    expect(await nextEntry(stream)).toEqual({ id: '6', stored: expect.objectContaining({ entry: entries[5] }) });
    const admissions = await (await send(`/api/sessions/${session.id}/admissions`)).json();
    expect(admissions).toHaveLength(1);
  });

  it('a Last-Event-ID that is not an entry number is refused, naming the header', async () => {
    const response = await send(`/api/sessions/${session.id}/live`, { headers: { 'Last-Event-ID': 'seven' } });
    expect(response.status).toBe(422);
    expect(await response.json()).toMatchObject({ problems: [{ path: 'Last-Event-ID' }] });
  });

  it('every other path is the built app, with the same security headers vite preview sends; an unknown API path is JSON 404', async () => {
    for (const path of ['/', '/sessions/some/deep/link']) {
      const page = await send(path);
      expect(page.status).toBe(200);
      expect(await page.text()).toContain('<title>crew return</title>');
      for (const [name, value] of Object.entries(securityHeaders(appPolicy))) expect(page.headers.get(name)).toBe(value);
    }
    const script = await send('/assets/app.js');
    expect(script.headers.get('content-type')).toMatch(/javascript/);
    expect(await script.text()).toBe('console.log("app")');
    const missing = await send('/api/no-such-thing');
    expect(missing.status).toBe(404);
    expect(await missing.json()).toMatchObject({ outcome: 'not-found' });
    const info = await (await send('/api/server')).json();
    expect(info).toMatchObject({ mode: 'team', database: kind, serverKey: { role: 'checkpoint signer' } });
  });
});
