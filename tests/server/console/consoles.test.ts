/**
 * Three consoles in one room, each with its own key, following one session on a real team server on
 * loopback: they see the same entries in the same order; two acting at the same moment both land, the
 * loser having re-made its entry on the new head; a console whose connection drops resumes from the
 * last entry it holds; an outbox filled while the server is down is sent when it is back.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Signer } from '../../../src/record/signing';
import { memoryOutboxStore } from '../../../src/team/console/outboxStore';
import type { StoredEntry } from '../../../src/team/protocol';
import {
  admit,
  type DatabaseKind,
  databaseKinds,
  flightDirector,
  makeSigner,
  openSession,
  type Send,
  type TestSession,
  thermalLead,
} from '../teamHarness';
import {
  type Console,
  type NoteAction,
  openConsole,
  type Relay,
  startRelay,
  startTeamServer,
  type TeamServerUnderTest,
} from './consoleHarness';

const propulsionLead = { name: 'Pia Thrust', role: 'propulsion' };

describe.each(databaseKinds)('consoles on one session, on the %s database', (kind: DatabaseKind) => {
  let server: TeamServerUnderTest;
  let relay: Relay;
  let session: TestSession;
  let director: Console;
  let thermal: Console;
  let propulsion: Console;
  const consoles = () => [director, thermal, propulsion];
  const signers: Record<string, Signer> = {};

  beforeAll(async () => {
    server = await startTeamServer(kind);
    relay = await startRelay(server.url);
    const send: Send = (path, init) => fetch(`${server.url}${path}`, init);
    for (const actor of [flightDirector, thermalLead, propulsionLead]) signers[actor.role] = await makeSigner(actor);
    const authority = signers[flightDirector.role] as Signer;
    session = await openSession(send, authority);
    for (const actor of [thermalLead, propulsionLead])
      expect((await admit(send, session.id, authority, signers[actor.role] as Signer)).status).toBe(201);
    const seat = (actor: typeof flightDirector, baseUrl = server.url) =>
      openConsole(session, actor, signers[actor.role] as Signer, { baseUrl, countersign: actor === flightDirector });
    director = await seat(flightDirector);
    thermal = await seat(thermalLead);
    // The propulsion lead's console reaches the server through a relay the tests can cut.
    propulsion = await seat(propulsionLead, relay.url);
    await Promise.all(consoles().map((c) => c.until(() => c.notices.some((n) => n.kind === 'connected'), 'connected')));
  });
  afterAll(async () => {
    for (const c of [director, thermal, propulsion]) c?.close();
    await relay?.close();
    await server?.dispose();
  });

  const everyoneHolds = (count: number) =>
    Promise.all(consoles().map((c) => c.until(() => c.follower.size >= count, `${c.actor.role} holding ${count} entries`)));
  const serverLog = async (): Promise<StoredEntry[]> =>
    (await fetch(`${server.url}/api/sessions/${session.id}/entries?after=0`)).json();
  /** Every console holds exactly the server's log, entry for entry. */
  const expectOneLog = async () => {
    const log = (await serverLog()).map((s) => s.entry);
    for (const c of consoles()) expect(c.follower.entries, c.actor.role).toEqual(log);
    return log;
  };

  it('three consoles, each appending from its own seat, see the same entries in the same order', async () => {
    await director.note({ text: 'crew to the Soyuz' });
    await thermal.note({ text: 'cabin 39 °C' });
    await propulsion.note({ text: 'KTDU nominal' });
    await everyoneHolds(3);
    const log = await expectOneLog();
    expect(log.map((e) => (e.event.type === 'session.note' ? `${e.event.by.role}: ${e.event.text}` : e.event.type))).toEqual([
      'flight director: crew to the Soyuz',
      'thermal: cabin 39 °C',
      'propulsion: KTDU nominal',
    ]);
    for (const c of consoles()) expect(c.notices.filter((n) => n.kind === 'alarm')).toEqual([]);
  });

  it('two consoles appending at the same moment both end up in the log; the loser re-made its entry on the winner’s and retried', async () => {
    const before = director.follower.size;
    const reportsBefore = [director, thermal].map((c) => c.reports.length);
    await Promise.all([director.note({ text: 'poll opens' }), thermal.note({ text: 'radiator loop B isolated' })]);
    await everyoneHolds(before + 2);
    const log = await expectOneLog();
    expect(
      log
        .slice(before)
        .map((e) => (e.event.type === 'session.note' ? e.event.text : ''))
        .sort(),
    ).toEqual(['poll opens', 'radiator loop B isolated']);
    // The director's append countersigned the head its console had verified when it was signed.
    const directors = (await serverLog()).filter((s) => s.entry.seq > before && s.appendedBy === director.signer.fingerprint);
    expect(directors.map((s) => s.checkpointSeen)).toEqual([
      { treeSize: (directors[0]?.entry.seq ?? 0) - 1, rootHash: director.follower.rootAt((directors[0]?.entry.seq ?? 0) - 1) },
    ]);
    const rebased = [director, thermal].flatMap((c, i) => c.reports.slice(reportsBefore[i]).filter((r) => r.kind === 'rebased'));

    expect(rebased).toHaveLength(1);
    for (const c of [director, thermal]) expect(c.outbox.pending).toEqual([]);
  });

  it('two consoles acting at once where only the first may: the loser’s action is refused on the new head and leaves its outbox', async () => {
    const before = director.follower.size;
    const action = { text: 'I take the GO/NO-GO poll', onlyIfUnnoted: true };
    await Promise.all([director.note(action), propulsion.note(action)]);
    await everyoneHolds(before + 1);
    const refused = [director, propulsion].flatMap((c) => c.reports.filter((r) => r.kind === 'refused'));
    expect(refused).toEqual([{ kind: 'refused', action, words: '"I take the GO/NO-GO poll" was noted by someone else first' }]);
    expect((await serverLog()).length).toBe(before + 1);
    for (const c of [director, propulsion]) expect(c.outbox.pending).toEqual([]);
  });

  it('a console whose stream drops resumes from the last entry it holds: nothing twice, nothing missed, no replay', async () => {
    const heldAtDrop = propulsion.follower.size;
    const connections = propulsion.notices.filter((n) => n.kind === 'connected').length;
    const drops = () => propulsion.notices.filter((n) => n.kind === 'disconnected').length;
    const dropsBefore = drops();
    relay.down();
    await propulsion.until(() => drops() > dropsBefore, 'the drop');
    for (const text of ['reading 1', 'reading 2', 'reading 3']) await thermal.note({ text });
    relay.up();
    await propulsion.until(() => propulsion.notices.filter((n) => n.kind === 'connected').length > connections, 'reconnected');
    await everyoneHolds(heldAtDrop + 3);
    await expectOneLog();
    const lives = relay.requests.filter((line) => line.includes('/live'));
    expect(lives.at(-1)).toContain(`/live?after=${heldAtDrop} `);
    const accepted = propulsion.notices.flatMap((n) => (n.kind === 'accepted' ? [n.seq] : []));
    expect(accepted.filter((seq) => seq > heldAtDrop)).toEqual([heldAtDrop + 1, heldAtDrop + 2, heldAtDrop + 3]);
    expect(new Set(accepted).size).toBe(accepted.length);
  });

  it('an outbox filled while the server is stopped keeps its signed appends and sends them, in order, when the server is back', async () => {
    const before = thermal.follower.size;
    await server.stop();
    for (const text of ['offline 1', 'offline 2', 'offline 3']) await thermal.note({ text });
    expect(thermal.outbox.pending.map((item) => item.request.entry.seq)).toEqual([before + 1, before + 2, before + 3]);
    const held = thermal.reports.filter((r) => r.kind === 'held');
    expect(held.at(-1)).toMatchObject({ kind: 'held', pending: 3, words: expect.stringContaining('cannot be reached') });

    await server.start();
    await everyoneHolds(before + 3);
    const log = await expectOneLog();
    expect(log.slice(before).map((e) => (e.event.type === 'session.note' ? e.event.text : ''))).toEqual([
      'offline 1',
      'offline 2',
      'offline 3',
    ]);
    expect(thermal.outbox.pending).toEqual([]);
    for (const c of consoles()) expect(c.notices.filter((n) => n.kind === 'alarm')).toEqual([]);
  });

  it('a console reloaded while its outbox holds signed appends sends them from its store once the server is back', async () => {
    const before = director.follower.size;
    const store = memoryOutboxStore<NoteAction>();
    const signer = signers[propulsionLead.role] as Signer;
    const page = await openConsole(session, propulsionLead, signer, { baseUrl: server.url, store });
    await server.stop();
    await page.note({ text: 'kept 1' });
    await page.note({ text: 'kept 2' });
    page.close();
    expect((await store.all()).map((item) => item.request.entry.seq)).toEqual([before + 1, before + 2]);

    await server.start();
    const reloaded = await openConsole(session, propulsionLead, signer, { baseUrl: server.url, store });
    try {
      expect(reloaded.outbox.pending).toHaveLength(2);
      await reloaded.until(() => reloaded.follower.size === before + 2, 'the kept appends sent');
      await everyoneHolds(before + 2);
      const log = await expectOneLog();
      expect(log.slice(before).map((e) => (e.event.type === 'session.note' ? e.event.text : ''))).toEqual(['kept 1', 'kept 2']);
      expect(await store.all()).toEqual([]);
    } finally {
      reloaded.close();
    }
  });
});
