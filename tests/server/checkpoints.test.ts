/**
 * Signed checkpoints over a real HTTP server on loopback: one after each append, over the entries the
 * API returns, consistent with each other by the server's proofs as a console checks them, on the live
 * stream after their entries; and a log changed or cut back in the database behind the server raises
 * the console's alarm at the next checkpoint.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { checkExtends, checkpointHolds, firstDivergence, logLeafHash } from '../../src/record/checkpoint';
import type { Checkpoint } from '../../src/record/checkpointSchema';
import type { AuditEntry } from '../../src/record/ledger';
import { MerkleTree } from '../../src/record/merkle';
import { verifyConsistency, verifyInclusion } from '../../src/record/merkleVerify';
import type { Signer } from '../../src/record/signing';
import { createApp, type TeamServer } from '../../src/server/app';
import { logCheckpoints } from '../../src/server/logCheckpoints';
import { listen, prepareTeamServer, type RunningServer } from '../../src/server/teamServer';
import {
  type AppendResponse,
  checkpointResponseSchema,
  consistencyProofSchema,
  inclusionProofSchema,
  type StoredEntry,
} from '../../src/team/protocol';
import type { ServerInfo } from '../../src/team/serverInfo';
import { openEventStream } from './sseReader';
import {
  admit,
  appendRequest,
  type DatabaseKind,
  databaseKinds,
  flightDirector,
  ledgerOf,
  makeSigner,
  openSession,
  openTestDatabase,
  postJson,
  type Send,
  type TestSession,
  thermalLead,
  withNote,
} from './teamHarness';

describe.each(databaseKinds)('checkpoints on the %s database', (kind: DatabaseKind) => {
  let server: TeamServer;
  let running: RunningServer;
  let send: Send;
  let authority: Signer;
  let thermal: Signer;
  let serverKey: ServerInfo['serverKey'];
  /** What the server told whoever runs it about its log and the database. */
  const reported: string[] = [];

  beforeAll(async () => {
    const prepared = await prepareTeamServer(await openTestDatabase(kind));
    server = { ...prepared, checkpoints: logCheckpoints(prepared.serverKey, (words) => reported.push(words)) };
    running = await listen(server, 0);
    send = (path, init) => fetch(`${running.url}${path}`, init);
    authority = await makeSigner(flightDirector);
    thermal = await makeSigner(thermalLead);
    serverKey = ((await (await send('/api/server')).json()) as ServerInfo).serverKey;
  });
  afterAll(() => running?.close());

  /** A session with the thermal lead admitted, and `count` of their notes made into entries (not yet appended). */
  async function sessionWithNotes(count: number): Promise<{ session: TestSession; entries: AuditEntry[] }> {
    const session = await openSession(send, authority);
    expect((await admit(send, session.id, authority, thermal)).status).toBe(201);
    let walkthrough = session.start;
    for (let i = 1; i <= count; i++) walkthrough = withNote(walkthrough, thermalLead, `cabin reading ${i}`);
    return { session, entries: await ledgerOf(session, walkthrough, [], [thermal]) };
  }
  /** Appends each entry; the checkpoint each append answers with. */
  async function append(session: TestSession, entries: readonly AuditEntry[], via = send): Promise<Checkpoint[]> {
    const checkpoints: Checkpoint[] = [];
    for (const entry of entries) {
      const response = await postJson(
        via,
        `/api/sessions/${session.id}/entries`,
        await appendRequest(session.id, entry, thermal),
      );
      const body = (await response.json()) as AppendResponse;
      if (body.outcome !== 'appended') throw new Error(`appending entry ${entry.seq}: ${JSON.stringify(body)}`);
      checkpoints.push(checkpointResponseSchema.parse(body.checkpoint));
    }
    return checkpoints;
  }
  const reportsOn = (session: TestSession) => reported.filter((words) => words.includes(session.id));
  /** What an appender says it had seen, and signs with its append. */
  const seenOf = ({ treeSize, rootHash }: Checkpoint) => ({ treeSize, rootHash });
  const leavesOf = async (session: TestSession) =>
    ((await (await send(`/api/sessions/${session.id}/entries?after=0`)).json()) as StoredEntry[]).map((s) =>
      logLeafHash({ seq: s.entry.seq, hash: s.entry.hash, appendSignature: s.signature }),
    );
  const consistency = async (session: TestSession, from: number, to: number) =>
    send(`/api/sessions/${session.id}/consistency?from=${from}&to=${to}`);
  const proofBetween = async (session: TestSession, from: number, to: number) =>
    consistencyProofSchema.parse(await (await consistency(session, from, to)).json()).proof;
  const latest = async (session: TestSession) =>
    checkpointResponseSchema.parse(await (await send(`/api/sessions/${session.id}/checkpoints/latest`)).json());

  it('each append answers with a checkpoint signed by the server key, over a tree built from the entries the API returns', async () => {
    const { session, entries } = await sessionWithNotes(5);
    const noneYet = await send(`/api/sessions/${session.id}/checkpoints/latest`);
    expect(noneYet.status).toBe(404);
    for (const path of ['/checkpoints/latest', '/consistency?from=1&to=1', '/inclusion?seq=1&size=1'])
      expect((await send(`/api/sessions/0f8c7d2e-4b1a-4c3e-9a55-2f1d6e7b8c90${path}`)).status).toBe(404);
    const checkpoints = await append(session, entries);
    const tree = MerkleTree.of(await leavesOf(session));
    for (const [index, checkpoint] of checkpoints.entries()) {
      expect(checkpoint).toMatchObject({ log: session.id, treeSize: index + 1, rootHash: tree.root(index + 1) });
      expect(await checkpointHolds(checkpoint, serverKey)).toBe(true);
    }
    expect(await latest(session)).toEqual(checkpoints.at(-1));
  });

  it('between any two checkpoints the consistency proof holds, and every entry is included in the latest; sizes out of range are named', async () => {
    const { session, entries } = await sessionWithNotes(6);
    const checkpoints = await append(session, entries);
    for (const [i, from] of checkpoints.entries())
      for (const to of checkpoints.slice(i + 1)) {
        const proof = await proofBetween(session, from.treeSize, to.treeSize);
        const claim = { fromSize: from.treeSize, toSize: to.treeSize, fromRoot: from.rootHash, toRoot: to.rootHash, proof };
        expect(verifyConsistency(claim)).toEqual({ holds: true });
        expect(await checkExtends(from, to, proof, serverKey)).toEqual({ ok: true, checkpoint: to });
      }
    const last = checkpoints.at(-1) as Checkpoint;
    const leaves = await leavesOf(session);
    for (const [index, leafHash] of leaves.entries()) {
      const response = await send(`/api/sessions/${session.id}/inclusion?seq=${index + 1}&size=${last.treeSize}`);
      const { proof } = inclusionProofSchema.parse(await response.json());
      const claim = { leafIndex: index, treeSize: last.treeSize, leafHash, proof, rootHash: last.rootHash };
      expect(verifyInclusion(claim)).toEqual({ holds: true });
    }
    const refused = async (response: Response) => {
      expect(response.status).toBe(422);
      return ((await response.json()) as { problems: { path: string }[] }).problems.map((p) => p.path);
    };
    expect(await refused(await consistency(session, 0, 3))).toEqual(['from']);
    expect(await refused(await consistency(session, 4, 3))).toEqual(['from']);
    expect(await refused(await consistency(session, 1, 7))).toEqual(['to']);
    expect(await refused(await send(`/api/sessions/${session.id}/consistency?from=one`))).toEqual(['from', 'to']);
    expect(await refused(await send(`/api/sessions/${session.id}/inclusion?seq=5&size=4`))).toEqual(['seq']);
    expect(await refused(await send(`/api/sessions/${session.id}/inclusion?seq=1&size=9`))).toEqual(['size']);
  });

  it('on the live stream a checkpoint comes after the entries it covers, with no id: the latest after the backlog, then each new one', async () => {
    const { session, entries } = await sessionWithNotes(3);
    await append(session, entries.slice(0, 2));
    const stream = await openEventStream(`${running.url}/api/sessions/${session.id}/live`);
    try {
      const events = async (count: number) => {
        const seen: string[] = [];
        while (seen.length < count) {
          const event = await stream.next();
          const data = JSON.parse(event.data);
          if (event.event === 'entry') seen.push(`entry ${event.id}`);
          if (event.event === 'checkpoint') {
            expect(event.id).toBeUndefined();
            expect(await checkpointHolds(data, serverKey)).toBe(true);
            seen.push(`checkpoint ${data.treeSize}`);
          }
        }
        return seen;
      };
      expect(await events(3)).toEqual(['entry 1', 'entry 2', 'checkpoint 2']);
      await append(session, entries.slice(2));
      expect(await events(2)).toEqual(['entry 3', 'checkpoint 3']);
    } finally {
      stream.close();
    }
  });

  /** Runs `sql` as the database's owner with the log's append-only triggers off, as someone with the database could. */
  const behindTheServer = (sql: string, params: unknown[]) =>
    server.database.transaction(async (tx) => {
      await tx.query('RESET ROLE');
      await tx.query('ALTER TABLE entries DISABLE TRIGGER USER');
      await tx.query('ALTER TABLE checkpoints DISABLE TRIGGER USER');
      await tx.query(sql, params);
      await tx.query('ALTER TABLE entries ENABLE TRIGGER USER');
      await tx.query('ALTER TABLE checkpoints ENABLE TRIGGER USER');
      await tx.query('SET ROLE crew_return_app');
    });

  it('an append signature rewritten in the database behind the server: the next checkpoint does not extend the one before', async () => {
    const { session, entries } = await sessionWithNotes(4);
    const seen = (await append(session, entries.slice(0, 3))).at(-1) as Checkpoint;
    const otherwise = await appendRequest(session.id, entries[2] as AuditEntry, thermal, seenOf(seen));
    await behindTheServer('UPDATE entries SET signature = $1 WHERE session_id = $2 AND seq = 3', [
      JSON.stringify(otherwise.signature),
      session.id,
    ]);
    const [next] = await append(session, entries.slice(3));
    const check = await checkExtends(seen, next, await proofBetween(session, 3, 4), serverKey);
    expect(check).toMatchObject({ ok: false, alarm: { kind: 'rewritten', seenSize: 3, claimedSize: 4 } });
    // The server saw its last entry change under it, and said so to whoever runs it.
    expect(reportsOn(session)).toEqual([
      expect.stringContaining('the first 3 entries in the database no longer give the Merkle root'),
    ]);
  });

  it('entries cut from the database behind the server: the checkpoints shrink and the console raises the truncated alarm', async () => {
    const { session, entries } = await sessionWithNotes(5);
    const seen = (await append(session, entries)).at(-1) as Checkpoint;
    for (const table of ['entries', 'checkpoints'])
      await behindTheServer(`DELETE FROM ${table} WHERE session_id = $1 AND ${table === 'entries' ? 'seq' : 'tree_size'} > 3`, [
        session.id,
      ]);
    const cut = await latest(session);
    expect(await checkExtends(seen, cut, null, serverKey)).toMatchObject({
      ok: false,
      alarm: { kind: 'truncated', seenSize: 5, claimedSize: 3 },
    });
    // A console that had all five and reconnects (as after a restore from an older backup) is told at once.
    const stream = await openEventStream(`${running.url}/api/sessions/${session.id}/live`, { 'Last-Event-ID': '5' });
    try {
      let event = await stream.next();
      while (event.event !== 'checkpoint') event = await stream.next();
      expect(await checkExtends(seen, JSON.parse(event.data), null, serverKey)).toMatchObject({
        ok: false,
        alarm: { kind: 'truncated', claimedSize: 3 },
      });
    } finally {
      stream.close();
    }
    // The server takes its tree from the database again, and signs the shorter log it now holds.
    const [regrown] = await append(session, entries.slice(3, 4));
    expect(regrown).toMatchObject({ treeSize: 4, rootHash: MerkleTree.of(await leavesOf(session)).root() });
    expect(await checkExtends(cut, regrown, await proofBetween(session, 3, 4), serverKey)).toMatchObject({ ok: true });
    expect(await checkExtends(seen, regrown, null, serverKey)).toMatchObject({ ok: false, alarm: { kind: 'truncated' } });
  });

  /** The same database served by another server process, with trees of its own (in process: no port). */
  const anotherServer = (): Send => {
    const app = createApp({ ...server, checkpoints: logCheckpoints(server.serverKey, (words) => reported.push(words)) });
    return async (path, init) => app.request(path, init);
  };

  it('restarted after an earlier entry was rewritten behind it, the server signs the changed log: the console sees it does not extend, and which entry changed', async () => {
    const { session, entries } = await sessionWithNotes(4);
    const seen = (await append(session, entries.slice(0, 3))).at(-1) as Checkpoint;
    const held = await leavesOf(session);
    const otherwise = await appendRequest(session.id, entries[0] as AuditEntry, thermal, seenOf(seen));
    await behindTheServer('UPDATE entries SET signature = $1 WHERE session_id = $2 AND seq = 1', [
      JSON.stringify(otherwise.signature),
      session.id,
    ]);
    const restarted = anotherServer();
    const [next] = await append(session, entries.slice(3), restarted);
    const { proof } = consistencyProofSchema.parse(
      await (await restarted(`/api/sessions/${session.id}/consistency?from=3&to=4`)).json(),
    );
    expect(await checkExtends(seen, next, proof, serverKey)).toMatchObject({ ok: false, alarm: { kind: 'rewritten' } });
    expect(firstDivergence(held, await leavesOf(session))).toMatchObject({ seq: 1 });
    expect(reportsOn(session)).toEqual([expect.stringContaining('changed behind the server')]);
  });

  it('an append rolled back after its leaf was added, then its place taken through another server: the next checkpoint is over the entries stored', async () => {
    const { session, entries } = await sessionWithNotes(4);
    const [, second] = await append(session, entries.slice(0, 2));
    const rolledBack = createApp({
      ...server,
      reportError: () => {},
      checkpoints: {
        ...server.checkpoints,
        afterAppend: async (tx, sessionId, entryCount) => {
          await server.checkpoints.afterAppend(tx, sessionId, entryCount);
          throw new Error('the connection dropped before COMMIT');
        },
      },
    });
    // The same entry with another append signature: another leaf, in this server's tree but not in the log.
    const request = await appendRequest(session.id, entries[2] as AuditEntry, thermal, seenOf(second as Checkpoint));
    expect(
      (await postJson(async (p, init) => rolledBack.request(p, init), `/api/sessions/${session.id}/entries`, request)).status,
    ).toBe(500);
    const [third] = await append(session, entries.slice(2, 3), anotherServer());
    const [fourth] = await append(session, entries.slice(3));
    expect(fourth).toMatchObject({ treeSize: 4, rootHash: MerkleTree.of(await leavesOf(session)).root() });
    expect(reportsOn(session)).toEqual([]);
    expect(await checkExtends(third as Checkpoint, fourth, await proofBetween(session, 3, 4), serverKey)).toMatchObject({
      ok: true,
    });
  });
});
