/**
 * The console's API client against a real team server on loopback: every answer read through the
 * protocol's schemas, every failure a value in words (no throw, no stack trace), including a server
 * that is not there and one that does not speak the protocol.
 */
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/record/ledger';
import { publicHalf, sign } from '../../../src/record/signing';
import { teamApi } from '../../../src/team/console/teamApi';
import { keyRegistrationMessage } from '../../../src/team/protocol';
import { appendRequest, openSessionRequest } from '../teamHarness';
import { type LoggedSession, loggedSession } from './loggedSession';

let logged: LoggedSession;
beforeAll(async () => {
  logged = await loggedSession(4, 2);
});
afterAll(() => logged?.running.close());

/** A port on loopback where nothing listens any more. */
async function closedPort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, '127.0.0.1', resolve));
  const { port } = probe.address() as AddressInfo;
  await new Promise<void>((resolve) => probe.close(() => resolve()));
  return port;
}

describe('the team API client', () => {
  it('reads the server, its sessions, keys, admissions and entries through the protocol’s schemas', async () => {
    const api = teamApi(`${logged.running.url}/`);
    expect(await api.serverInfo()).toMatchObject({ ok: true, value: { mode: 'team', database: 'postgresql' } });
    expect(await api.sessions()).toMatchObject({ ok: true, value: [{ id: logged.session.id, entryCount: 4 }] });
    expect(await api.session(logged.session.id)).toEqual({ ok: true, value: logged.detail });
    const keys = await api.keys();
    expect(keys.ok && keys.value.map((k) => k.fingerprint).sort()).toEqual(
      [logged.authority, logged.thermal, logged.eve].map((s) => s.fingerprint).sort(),
    );
    expect(await api.admissions(logged.session.id)).toEqual({ ok: true, value: logged.admissions });
    expect(await api.entriesAfter(logged.session.id, 2)).toEqual({ ok: true, value: logged.stored.slice(2) });
  });

  it('appends, and answers a stale, unadmitted or malformed append as a refusal in words', async () => {
    const api = teamApi(logged.running.url);
    const { session, thermal, eve, entries } = logged;
    const fifth = entries[4] as AuditEntry;
    // The fourth entry again: it extends 3 entries, and the log holds 4.
    const stale = await appendRequest(session.id, entries[3] as AuditEntry, thermal);
    expect(await api.append(session.id, stale)).toEqual({
      ok: false,
      failure: {
        kind: 'stale',
        entryCount: 4,
        headHash: logged.detail.headHash,
        words: expect.stringContaining('holds 4 entries'),
      },
    });
    expect(await api.append(session.id, await appendRequest(session.id, fifth, eve))).toEqual({
      ok: false,
      failure: { kind: 'not-admitted', fingerprint: eve.fingerprint, words: expect.stringContaining('not admitted') },
    });
    const altered = await appendRequest(session.id, { ...fifth, hash: 'a'.repeat(64) }, thermal);
    expect(await api.append(session.id, altered)).toMatchObject({
      ok: false,
      failure: {
        kind: 'invalid',
        problems: [{ path: 'entry.hash' }, { path: 'entry.signature' }],
        words: expect.stringContaining('entry.hash: expected'),
      },
    });
    expect(await api.append(session.id, await appendRequest(session.id, fifth, thermal))).toEqual({
      ok: true,
      value: { seq: 5, hash: fifth.hash, appendedUtc: expect.any(String) },
    });
  });

  it('answers a missing session, a key that exists and a request refused field by field, in words', async () => {
    const api = teamApi(logged.running.url);
    const missing = randomUUID();
    expect(await api.session(missing)).toEqual({
      ok: false,
      failure: { kind: 'not-found', words: `no session ${missing} on this server` },
    });
    const again = await openSessionRequest(logged.authority, logged.session.id as ReturnType<typeof randomUUID>);
    expect(await api.openSession(again)).toMatchObject({ ok: false, failure: { kind: 'exists' } });
    const key = publicHalf(logged.eve);
    const forged = await api.registerKey({ key, signature: await sign(logged.thermal, keyRegistrationMessage(key)) });
    expect(forged).toMatchObject({ ok: false, failure: { kind: 'invalid', problems: [{ path: 'signature' }] } });
  });

  it('says a server that cannot be reached cannot be reached', async () => {
    const url = `http://127.0.0.1:${await closedPort()}`;
    const result = await teamApi(url).serverInfo();
    expect(result).toEqual({
      ok: false,
      failure: { kind: 'unreachable', words: expect.stringContaining(`${url} cannot be reached`) },
    });
  });

  it('says an answer that is not the protocol’s is not, naming the request and the field', async () => {
    const impostor = createServer((request, response) => {
      if (request.url === '/api/server') {
        response.writeHead(200, { 'Content-Type': 'application/json' });
        response.end(JSON.stringify({ mode: 'solo', database: 'embedded' }));
      } else {
        response.writeHead(502, { 'Content-Type': 'text/html' });
        response.end('<html><body>Bad gateway</body></html>');
      }
    });
    await new Promise<void>((resolve) => impostor.listen(0, '127.0.0.1', resolve));
    try {
      const api = teamApi(`http://127.0.0.1:${(impostor.address() as AddressInfo).port}`);
      expect(await api.serverInfo()).toEqual({
        ok: false,
        failure: {
          kind: 'unreadable',
          words: expect.stringMatching(/^The server's answer to \/api\/server \(HTTP 200\) is not the team protocol's: mode: /),
        },
      });
      expect(await api.sessions()).toEqual({
        ok: false,
        failure: {
          kind: 'unreadable',
          words: "The server's answer to /api/sessions (HTTP 502) is not the team protocol's: not JSON.",
        },
      });
    } finally {
      await new Promise<void>((resolve) => impostor.close(() => resolve()));
    }
  });
});
