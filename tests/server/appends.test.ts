/**
 * Appends as consoles make them: serialized by the database, refused when stale, forged, altered or
 * unadmitted; and the sessions, keys and admissions they rest on. Over 300 lines for a reason: every
 * case shares one database of each kind, and each embedded one costs seconds to load.
 */

import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { appendMessage } from '../../src/record/appendClaim';
import { checkExtends, logLeafHash } from '../../src/record/checkpoint';
import type { Checkpoint } from '../../src/record/checkpointSchema';
import { type AuditEntry, entryHash } from '../../src/record/ledger';
import { MerkleTree } from '../../src/record/merkle';
import { type PublicKeyRecord, publicHalf, type Signer, sign } from '../../src/record/signing';
import { createApp, type TeamServer } from '../../src/server/app';
import type { Database } from '../../src/server/database';
import { openPostgresDatabase } from '../../src/server/postgresDatabase';
import { prepareTeamServer } from '../../src/server/teamServer';
import { moveTo } from '../../src/session/walkthrough';
import { admissionMessage, keyRegistrationMessage, type SessionSummary, type StoredEntry } from '../../src/team/protocol';
import type { ServerInfo } from '../../src/team/serverInfo';
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
  openSessionRequest,
  openTestDatabase,
  outsider,
  postJson,
  registerKey,
  type Send,
  type TestSession,
  thermalLead,
  wall,
  withNote,
} from './teamHarness';

describe.each(databaseKinds)('appends on the %s database', (kind: DatabaseKind) => {
  let database: Database;
  let server: TeamServer;
  let send: Send;
  let authority: Signer;
  let thermal: Signer;
  let eve: Signer;

  beforeAll(async () => {
    database = await openTestDatabase(kind);
    server = await prepareTeamServer(database);
    const app = createApp(server);
    send = async (path, init) => app.request(path, init);
    authority = await makeSigner(flightDirector);
    thermal = await makeSigner(thermalLead);
    eve = await makeSigner(outsider);
  });
  afterAll(() => database?.close());

  /** A session with the thermal lead admitted and no entry yet. */
  async function freshSession(): Promise<TestSession> {
    const session = await openSession(send, authority);
    expect((await admit(send, session.id, authority, thermal)).status).toBe(201);
    return session;
  }
  const stored = async (session: TestSession): Promise<StoredEntry[]> =>
    (await send(`/api/sessions/${session.id}/entries?after=0`)).json();
  const post = async (session: TestSession, body: unknown) => postJson(send, `/api/sessions/${session.id}/entries`, body);

  it('two appends extending the same count at once: one is acknowledged, the other refused as stale with the head; the loser rebases and nothing is lost', async () => {
    const session = await freshSession();
    const byAuthority = withNote(session.start, flightDirector, 'crew to the Soyuz');
    const byThermal = withNote(session.start, thermalLead, 'cabin 39 °C');
    const [first] = await ledgerOf(session, byAuthority, [], [authority]);
    const [rival] = await ledgerOf(session, byThermal, [], [thermal]);
    if (!first || !rival) throw new Error('no entries');
    const responses = await Promise.all([
      post(session, await appendRequest(session.id, first, authority)),
      post(session, await appendRequest(session.id, rival, thermal)),
    ]);
    expect(responses.map((r) => r.status).sort()).toEqual([200, 409]);
    const winner = responses[0]?.status === 200 ? first : rival;
    const loserIndex = responses.findIndex((r) => r.status === 409);
    expect(await responses[loserIndex]?.json()).toEqual({ outcome: 'stale', entryCount: 1, headHash: winner.hash });

    // The loser takes in the newer entry, re-derives its own on top, and retries.
    const loserWalkthrough = withNote(
      winner === first ? byAuthority : byThermal,
      loserIndex === 0 ? flightDirector : thermalLead,
      loserIndex === 0 ? 'crew to the Soyuz' : 'cabin 39 °C',
    );
    const [, rebased] = await ledgerOf(session, loserWalkthrough, [winner], [authority, thermal]);
    if (!rebased) throw new Error('no rebased entry');
    const retry = await post(session, await appendRequest(session.id, rebased, loserIndex === 0 ? authority : thermal));
    expect(retry.status).toBe(200);
    expect((await stored(session)).map((s) => s.entry)).toEqual([winner, rebased]);
  });

  it('twenty appends racing for the same places: each place is taken once, and every acknowledged entry is stored in order', async () => {
    const session = await freshSession();
    let walkthrough = session.start;
    for (let i = 0; i < 5; i++) walkthrough = withNote(walkthrough, thermalLead, `reading ${i}`);
    const entries = await ledgerOf(session, walkthrough, [], [thermal]);
    // Every entry sent four times at once: only one of each may land.
    const attempts = entries.flatMap((entry) => Array.from({ length: 4 }, () => entry));
    const acknowledged: number[] = [];
    for (let place = 0; place < entries.length; place++) {
      const batch = attempts.filter((e) => e.seq === place + 1);
      const responses = await Promise.all(batch.map(async (e) => post(session, await appendRequest(session.id, e, thermal))));
      const statuses = responses.map((r) => r.status);
      expect(statuses.filter((s) => s === 200)).toHaveLength(1);
      expect(statuses.filter((s) => s === 409)).toHaveLength(batch.length - 1);
      acknowledged.push(place + 1);
    }
    expect((await stored(session)).map((s) => s.entry.seq)).toEqual(acknowledged);
    expect((await stored(session)).map((s) => s.entry)).toEqual(entries);
  });

  it('the checkpoint made after each append commits with it: one that fails leaves neither the entry nor an acknowledgement', async () => {
    const session = await freshSession();
    const [entry] = await ledgerOf(session, withNote(session.start, thermalLead, 'loop pressure zero'), [], [thermal]);
    if (!entry) throw new Error('no entry');
    const checkpointed: number[] = [];
    const reported: unknown[] = [];
    const withCheckpoints = (fails: boolean) => {
      const app = createApp({
        ...server,
        reportError: (error) => reported.push(error),
        checkpoints: {
          ...server.checkpoints,
          afterAppend: async (tx, sessionId, entryCount) => {
            // The hook sees the new entry inside the append's transaction.
            const [head] = await tx.query<{ seq: number }>('SELECT max(seq) AS seq FROM entries WHERE session_id = $1', [
              sessionId,
            ]);
            checkpointed.push(head?.seq ?? 0, entryCount);
            if (fails) throw new Error('the checkpoint could not be stored');
            return server.checkpoints.afterAppend(tx, sessionId, entryCount);
          },
        },
      });
      return (path: string, body: unknown) => postJson(async (p, init) => app.request(p, init), path, body);
    };
    const path = `/api/sessions/${session.id}/entries`;
    const failed = await withCheckpoints(true)(path, await appendRequest(session.id, entry, thermal));
    expect(failed.status).toBe(500);
    expect(await failed.json()).toMatchObject({ outcome: 'server-error' });
    expect(reported).toEqual([new Error('the checkpoint could not be stored')]);
    expect(await stored(session)).toEqual([]);
    const landed = await withCheckpoints(false)(path, await appendRequest(session.id, entry, thermal));
    expect(landed.status).toBe(200);
    expect(checkpointed).toEqual([1, 1, 1, 1]);
    expect((await stored(session)).map((s) => s.entry)).toEqual([entry]);
  });

  // Two server processes on one PostgreSQL: the database itself serializes, not the server's queue.
  if (kind === 'postgresql')
    it('two servers on one PostgreSQL, each with its own connection, racing for each place: one append lands per place, and each checkpoint extends the one before, whichever server signed it', async () => {
      const url = await copyOfTemplate();
      const databases = [await openPostgresDatabase(url, () => {}), await openPostgresDatabase(url, () => {})];
      try {
        const [a, b] = await Promise.all(databases.map(async (d) => createApp(await prepareTeamServer(d))));
        if (!a || !b) throw new Error('no servers');
        const viaA: Send = async (path, init) => a.request(path, init);
        const viaB: Send = async (path, init) => b.request(path, init);
        const session = await openSession(viaA, authority);
        expect((await admit(viaA, session.id, authority, thermal)).status).toBe(201);
        // Both consoles start each place from what has landed; whoever loses takes in the winner.
        let landedWalkthrough = session.start;
        const landed: AuditEntry[] = [];
        const checkpoints: Checkpoint[] = [];
        for (let place = 1; place <= 4; place++) {
          const mine = withNote(landedWalkthrough, flightDirector, `director ${place}`);
          const theirs = withNote(landedWalkthrough, thermalLead, `thermal ${place}`);
          const [byA] = (await ledgerOf(session, mine, landed, [authority])).slice(landed.length);
          const [byB] = (await ledgerOf(session, theirs, landed, [thermal])).slice(landed.length);
          if (!byA || !byB) throw new Error('no entries');
          const [ra, rb] = await Promise.all([
            postJson(viaA, `/api/sessions/${session.id}/entries`, await appendRequest(session.id, byA, authority)),
            postJson(viaB, `/api/sessions/${session.id}/entries`, await appendRequest(session.id, byB, thermal)),
          ]);
          expect([ra.status, rb.status].sort()).toEqual([200, 409]);
          checkpoints.push(((await (ra.status === 200 ? ra : rb).json()) as { checkpoint: Checkpoint }).checkpoint);
          landed.push(ra.status === 200 ? byA : byB);
          landedWalkthrough = ra.status === 200 ? mine : theirs;
        }
        const stored: StoredEntry[] = await (await viaB(`/api/sessions/${session.id}/entries?after=0`)).json();
        expect(stored.map((s) => s.entry)).toEqual(landed);
        const leaves = stored.map((s) => logLeafHash({ seq: s.entry.seq, hash: s.entry.hash, appendSignature: s.signature }));
        expect(checkpoints.at(-1)?.rootHash).toBe(MerkleTree.of(leaves).root());
        const { serverKey } = (await (await viaB('/api/server')).json()) as ServerInfo;
        for (const [i, seen] of checkpoints.slice(0, -1).entries()) {
          const next = checkpoints[i + 1];
          const via = i % 2 === 0 ? viaA : viaB;
          const { proof } = await (await via(`/api/sessions/${session.id}/consistency?from=${i + 1}&to=${i + 2}`)).json();
          expect(await checkExtends(seen, next, proof, serverKey)).toEqual({ ok: true, checkpoint: next });
        }
      } finally {
        for (const d of databases) await d.close();
      }
    });

  describe('sessions, keys and admissions', () => {
    it('a key registered without its own signature is refused; registering the same key again changes nothing', async () => {
      const key = publicHalf(thermal);
      const byEve = await sign(eve, keyRegistrationMessage(key));
      const refused = await postJson(send, '/api/keys', { key, signature: byEve });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ problems: [{ path: 'signature' }] });
      expect((await registerKey(send, thermal)).status).toBe(201);
      expect((await registerKey(send, thermal)).status).toBe(201);
      const keys: PublicKeyRecord[] = await (await send('/api/keys')).json();
      expect(keys.filter((k) => k.fingerprint === thermal.fingerprint)).toEqual([key]);
    });

    it('a session whose genesis is not signed by its authority, or whose authority is not registered, is refused', async () => {
      const stranger = await makeSigner({ name: 'Stranger', role: 'flight director' });
      const unregistered = await postJson(send, '/api/sessions', await openSessionRequest(stranger));
      expect(await unregistered.json()).toMatchObject({ outcome: 'invalid', problems: [{ path: 'authority' }] });
      await registerKey(send, stranger);
      const request = await openSessionRequest(stranger);
      const retitled = await postJson(send, '/api/sessions', { ...request, title: 'another title' });
      expect(retitled.status).toBe(422);
      expect(await retitled.json()).toMatchObject({ problems: [{ path: 'genesisSignature' }] });
      expect((await postJson(send, '/api/sessions', request)).status).toBe(201);
      expect((await postJson(send, '/api/sessions', request)).status).toBe(409);
      const listed: SessionSummary[] = await (await send('/api/sessions')).json();
      expect(listed.find((s) => s.id === request.id)).toMatchObject({
        entryCount: 0,
        headHash: listed.find((s) => s.id === request.id)?.genesisHash,
      });
    });

    it('an admission signed by anyone but the session’s authority is refused, and admits nobody', async () => {
      const session = await openSession(send, authority);
      await registerKey(send, eve);
      const selfAdmitted = await sign(
        eve,
        admissionMessage({ sessionId: session.id, admitted: publicHalf(eve), admittedUtc: wall }),
      );
      const refused = await postJson(send, `/api/sessions/${session.id}/admissions`, {
        admitted: eve.fingerprint,
        admittedUtc: wall,
        signature: selfAdmitted,
      });
      expect(refused.status).toBe(422);
      expect(await refused.json()).toMatchObject({ problems: [{ path: 'signature' }] });
      expect(await (await send(`/api/sessions/${session.id}/admissions`)).json()).toEqual([]);
      const missing = await send('/api/sessions/0f8c7d2e-4b1a-4c3e-9a55-2f1d6e7b8c90/admissions');
      expect(missing.status).toBe(404);
    });
  });

  describe('refusals', () => {
    let session: TestSession;
    let entry: AuditEntry;
    beforeAll(async () => {
      session = await freshSession();
      const [first] = await ledgerOf(session, withNote(session.start, thermalLead, 'loop pressure zero'), [], [thermal]);
      if (!first) throw new Error('no entry');
      entry = first;
    });

    const refusal = async (body: unknown) => {
      const response = await post(session, body);
      return { status: response.status, body: await response.json() };
    };

    it('a wrong previousHash is refused, naming the hash expected', async () => {
      const other = await ledgerOf(
        { ...session, profile: { ...session.profile, contentHash: 'f'.repeat(64) } },
        withNote(session.start, thermalLead, 'loop pressure zero'),
        [],
        [thermal],
      );
      const forged = other[0] as AuditEntry;
      expect(await refusal(await appendRequest(session.id, forged, thermal))).toEqual({
        status: 422,
        body: {
          outcome: 'invalid',
          problems: [{ path: 'entry.previousHash', expected: expect.stringContaining("the session's genesis") }],
        },
      });
    });

    it('an entry altered after hashing is refused', async () => {
      const altered = structuredClone(entry);
      altered.wallClockUtc = '2026-12-06T13:00:00Z';
      expect(await refusal(await appendRequest(session.id, altered, thermal))).toMatchObject({
        status: 422,
        body: { outcome: 'invalid', problems: [{ path: 'entry.hash' }] },
      });
    });

    it('an append by a key not admitted to the session is refused 403, though the key is registered', async () => {
      const [evesEntry] = await ledgerOf(session, withNote(session.start, outsider, 'abort'), [], [eve]);
      expect((await registerKey(send, eve)).status).toBe(201);
      expect(await refusal(await appendRequest(session.id, evesEntry as AuditEntry, eve))).toEqual({
        status: 403,
        body: { outcome: 'not-admitted', fingerprint: eve.fingerprint, message: expect.stringContaining('not admitted') },
      });
    });

    it('an append naming an admitted key but signed by another is refused', async () => {
      const request = await appendRequest(session.id, entry, thermal);
      const forged = {
        ...request,
        signature: {
          ...(await sign(eve, appendMessage({ sessionId: session.id, seq: 1, entryHash: entry.hash, checkpointSeen: null }))),
        },
      };
      expect(await refusal(forged)).toMatchObject({
        status: 422,
        body: { outcome: 'invalid', problems: [{ path: 'signature' }] },
      });
      // The admitted key's signature over another place in the log does not carry over either.
      const replayed = {
        ...request,
        signature: await sign(
          thermal,
          appendMessage({ sessionId: session.id, seq: 2, entryHash: entry.hash, checkpointSeen: null }),
        ),
      };
      expect(await refusal(replayed)).toMatchObject({
        status: 422,
        body: { outcome: 'invalid', problems: [{ path: 'signature' }] },
      });
    });

    it("an admitted key appends only its holder's own entries: one in another's name, or unsigned, is refused", async () => {
      const [inDirectorsName] = await ledgerOf(session, withNote(session.start, flightDirector, 'go'), [], [authority]);
      expect(await refusal(await appendRequest(session.id, inDirectorsName as AuditEntry, thermal))).toMatchObject({
        status: 422,
        body: { problems: [{ path: 'entry.signature' }, { path: 'entry.event.by' }] },
      });
      const [unsigned] = await ledgerOf(session, withNote(session.start, thermalLead, 'loop pressure zero'), [], []);
      expect(await refusal(await appendRequest(session.id, unsigned as AuditEntry, thermal))).toMatchObject({
        status: 422,
        body: { problems: [{ path: 'entry.signature' }] },
      });
    });

    it("a scripted entry must be its scenario's step exactly, even rehashed", async () => {
      const [scripted] = await ledgerOf(session, moveTo(session.start, 1, wall), [], []);
      const altered = structuredClone(scripted as AuditEntry);
      altered.event.at = '2022-12-15T00:00:00Z';
      const { hash: _, signature: __, ...rest } = altered;
      altered.hash = await entryHash(rest);
      expect(await refusal(await appendRequest(session.id, altered, thermal))).toMatchObject({
        status: 422,
        body: { problems: [{ path: 'entry.event', expected: expect.stringContaining('step 1') }] },
      });
    });

    it('a malformed append names each field and what was expected', async () => {
      const request = await appendRequest(session.id, entry, thermal);
      const { status, body } = await refusal({ ...request, extends: -1, appendedBy: 'nobody', entry: { ...entry, seq: 'one' } });
      expect(status).toBe(422);
      expect(body.problems.map((p: { path: string }) => p.path).sort()).toEqual(['appendedBy', 'entry.seq', 'extends']);
      expect(await refusal('not json')).toMatchObject({ status: 422 });
    });

    it('after every refusal the log is still empty, and the genuine append goes through', async () => {
      expect(await stored(session)).toEqual([]);
      await appendAll(send, session.id, [entry], thermal);
      expect((await stored(session)).map((s) => s.entry)).toEqual([entry]);
    });
  });
});
