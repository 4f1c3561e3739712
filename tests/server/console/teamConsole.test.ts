/**
 * The console as the app runs it (TeamConsole): operators' actions made into entries on the log the
 * console holds, through the machine, against a real team server on loopback. Actions before anyone
 * identified wait and are sent once someone signs; two consoles acting at once on the same head land
 * once, the other re-made or refused in the machine's words; a console that remembers the last
 * checkpoint it checked catches a server restored from an older backup at its next connection.
 */
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Checkpoint } from '../../../src/record/checkpointSchema';
import type { Signer } from '../../../src/record/signing';
import { foldSession, scriptedEvents } from '../../../src/session/fold';
import type { TeamAction } from '../../../src/team/console/logWalkthrough';
import { memoryOutboxStore } from '../../../src/team/console/outboxStore';
import { teamApi } from '../../../src/team/console/teamApi';
import { type CheckpointMemory, TeamConsole, type TeamView } from '../../../src/team/console/teamConsole';
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
  wall,
} from '../teamHarness';
import { startTeamServer, type TeamServerUnderTest } from './consoleHarness';

interface Seat {
  console: TeamConsole;
  views: TeamView[];
  refusals: string[];
  /** Resolves once the console's view satisfies `done`; rejects if it raises an alarm first. */
  until(done: (view: TeamView) => boolean, what: string): Promise<TeamView>;
}

async function seat(server: TeamServerUnderTest, session: TestSession, signers: Signer[], memory?: CheckpointMemory) {
  const api = teamApi(server.url);
  const info = await api.serverInfo();
  if (!info.ok) throw new Error(info.failure.words);
  const views: TeamView[] = [];
  const refusals: string[] = [];
  const waiters = new Set<() => void>();
  const opened = await TeamConsole.open({
    api,
    serverKey: info.value.serverKey,
    sessionId: session.id,
    EventSource,
    store: memoryOutboxStore<TeamAction>(),
    signerFor: async (actor) => signers.find((s) => s.name === actor.name && s.role === actor.role) ?? null,
    onView: (view) => {
      views.push(view);
      for (const wake of waiters) wake();
    },
    onRefused: (words) => {
      refusals.push(words);
      for (const wake of waiters) wake();
    },
    ...(memory ? { memory } : {}),
  });
  if (!opened.ok) return opened;
  const { console } = opened;
  const until = (done: (view: TeamView) => boolean, what: string) =>
    new Promise<TeamView>((resolve, reject) => {
      const check = () => {
        const { view } = console;
        if (done(view)) {
          waiters.delete(check);
          resolve(view);
        } else if (view.alarm) {
          waiters.delete(check);
          reject(new Error(`waiting for ${what}: ${view.alarm}`));
        }
      };
      waiters.add(check);
      check();
    });
  return { ok: true as const, seat: { console, views, refusals, until } satisfies Seat };
}

const seated = async (...args: Parameters<typeof seat>): Promise<Seat> => {
  const opened = await seat(...args);
  if (!opened.ok) throw new Error(opened.words);
  return opened.seat;
};

const step = (n: number): TeamAction => ({ kind: 'scripted', step: n, wallClockUtc: wall });
const live = (view: TeamView) => view.connection === 'connected' && view.checkpoint?.treeSize === view.verified.length;

describe.each(databaseKinds)('a console recording through the team server, on the %s database', (kind: DatabaseKind) => {
  let server: TeamServerUnderTest;
  let session: TestSession;
  let director: Signer;
  let thermal: Signer;

  beforeAll(async () => {
    server = await startTeamServer(kind);
    const send: Send = (path, init) => fetch(`${server.url}${path}`, init);
    director = await makeSigner(flightDirector);
    thermal = await makeSigner(thermalLead);
    session = await openSession(send, director);
    expect((await admit(send, session.id, director, thermal)).status).toBe(201);
  });
  afterAll(async () => {
    await server?.dispose();
  });

  it('actions taken before anyone identified wait, then are made, signed and sent once someone signs', async () => {
    const here = await seated(server, session, [director]);
    try {
      await here.console.act([step(0), step(1)]);
      expect(here.console.view).toMatchObject({ waiting: 2, verified: [] });
      expect(here.console.view.heldBecause).toContain('identify on this console first');
      await here.console.setSigner(director);
      const view = await here.until((v) => v.verified.length === 2 && v.waiting === 0, 'the two steps sent');
      expect(view.verified.map((e) => e.provenance)).toMatchObject([{ step: 0 }, { step: 1 }]);
      expect(view.heldBecause).toBeNull();
    } finally {
      here.console.close();
    }
  });

  it('two consoles acting on the same head: a step both reach lands once with no refusal; a decision both confirm lands once, the other refused by the machine', async () => {
    const [a, b] = [await seated(server, session, [director]), await seated(server, session, [thermal])];
    try {
      await Promise.all([a.console.setSigner(director), b.console.setSigner(thermal)]);
      const held = a.console.view.verified.length;
      await Promise.all([a.console.act([step(held)]), b.console.act([step(held)])]);
      await Promise.all([a, b].map((s) => s.until((v) => v.verified.length === held + 1 && v.pending.length === 0, 'one step')));
      expect([...a.refusals, ...b.refusals]).toEqual([]);

      // On to the decision, then both confirm at once: the second lands on a decided session.
      const fold = foldSession({ ...session, events: scriptedEvents(session.scenario, wall) });
      const decisionStep = fold.steps.findIndex((s) => s.record.stateAfter === 'anomaly.decision');
      const toDecision = Array.from({ length: decisionStep + 1 - (held + 1) }, (_, i) => step(held + 1 + i));
      await a.console.act(toDecision);
      await b.until((v) => v.verified.length === decisionStep + 1, 'the decision step');
      const confirm = (by: Signer): TeamAction => ({
        kind: 'operator',
        request: { type: 'decision.confirm' },
        by: { name: by.name, role: by.role },
        wallClockUtc: wall,
      });
      await Promise.all([a.console.act([confirm(director)]), b.console.act([confirm(thermal)])]);
      const landed = decisionStep + 2;
      await Promise.all([a, b].map((s) => s.until((v) => v.verified.length === landed && v.pending.length === 0, 'one confirm')));
      const refusals = [...a.refusals, ...b.refusals];
      expect(refusals).toHaveLength(1);
      expect(refusals[0]).toMatch(/\S/);
      expect(a.console.view.verified.filter((e) => e.event.type === 'decision.confirm')).toHaveLength(1);
      expect(b.console.view.verified).toEqual(a.console.view.verified);
    } finally {
      a.console.close();
      b.console.close();
    }
  });
});

describe('a server restored from an older backup', () => {
  let server: TeamServerUnderTest;
  let backup: string;
  afterAll(async () => {
    await server?.dispose();
    if (backup) rmSync(backup, { recursive: true, force: true });
  });

  it('is caught at the next connection of a console that remembers the last checkpoint it checked, even after a reload', async () => {
    server = await startTeamServer('embedded');
    const { dataDir } = server;
    if (!dataDir) throw new Error('an embedded server has a data folder');
    const send: Send = (path, init) => fetch(`${server.url}${path}`, init);
    const director = await makeSigner(flightDirector);
    const session = await openSession(send, director);
    let remembered: Checkpoint | null = null;
    const memory = (): CheckpointMemory => ({
      last: remembered,
      keep: (checkpoint) => {
        remembered = checkpoint;
      },
    });

    const first = await seated(server, session, [director], memory());
    await first.console.setSigner(director);
    await first.console.act([step(0), step(1)]);
    await first.until((v) => v.verified.length === 2 && live(v), 'two entries and their checkpoint');
    first.console.close();
    await server.stop();
    backup = mkdtempSync(join(tmpdir(), 'crew-return-backup-'));
    cpSync(dataDir, backup, { recursive: true });
    await server.start();

    const second = await seated(server, session, [director], memory());
    await second.console.setSigner(director);
    await second.console.act([step(2), step(3)]);
    await second.until((v) => v.verified.length === 4 && live(v), 'four entries and their checkpoint');
    second.console.close();
    expect(remembered).toMatchObject({ treeSize: 4 });

    // The server comes back from the backup of two entries; the console, reloaded, remembers four.
    await server.stop();
    rmSync(dataDir, { recursive: true, force: true });
    cpSync(backup, dataDir, { recursive: true });
    await server.start();
    const reloaded = await seated(server, session, [director], memory());
    try {
      const view = await reloaded.until((v) => v.alarm !== null, 'the alarm');
      expect(view.alarm).toMatch(/truncat|fewer|2 entries|4 entries/i);
      expect(view.connection).toBe('stopped');
    } finally {
      reloaded.console.close();
    }
  });
});
