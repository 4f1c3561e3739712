/**
 * Consoles as an operator's browser runs them, against a real team server on loopback: each with its
 * own key, its own verified follower, a live subscription through the `eventsource` package and an
 * outbox. A server that can be stopped and started again on the same port and database, and a TCP
 * relay that can drop a console's connections, so tests wait for what the code signals, never a time.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer, type Server, type Socket, connect as tcpConnect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { EventSource } from 'eventsource';
import { inject } from 'vitest';
import { type AuditEntry, eventsOf } from '../../../src/record/ledger';
import type { Signer } from '../../../src/record/signing';
import type { Database } from '../../../src/server/database';
import { openEmbeddedDatabase } from '../../../src/server/embeddedDatabase';
import { openPostgresDatabase } from '../../../src/server/postgresDatabase';
import { listen, prepareTeamServer, type RunningServer } from '../../../src/server/teamServer';
import type { Actor } from '../../../src/session/model';
import { replayWalkthrough } from '../../../src/session/replayWalkthrough';
import { AppendQueue, type AppendQueue as Outbox, type OutboxReport, type Rebased } from '../../../src/team/console/appendQueue';
import { catchUp } from '../../../src/team/console/catchUp';
import { type LiveNotice, type LiveSubscription, subscribeLive } from '../../../src/team/console/liveSubscription';
import { memoryOutboxStore, type OutboxStore } from '../../../src/team/console/outboxStore';
import { SessionFollower } from '../../../src/team/console/sessionFollower';
import { type TeamApi, teamApi } from '../../../src/team/console/teamApi';
import { copyOfTemplate, type DatabaseKind, ledgerOf, type TestSession, wall, withNote } from '../teamHarness';

/** A team server on a fixed loopback port over one database that outlives a stop. */
export interface TeamServerUnderTest {
  url: string;
  /** The PostgreSQL database's URL (a superuser's), to reach past the server as a hostile operator could; null when embedded. */
  databaseUrl: string | null;
  /** The embedded database's data folder (null on PostgreSQL): copied while stopped, it is a backup. */
  dataDir: string | null;
  stop(): Promise<void>;
  /** Starts it again on the same port and database. */
  start(): Promise<void>;
  /** Stops it (if running) and removes its data folder. */
  dispose(): Promise<void>;
}

export async function startTeamServer(kind: DatabaseKind): Promise<TeamServerUnderTest> {
  let open: () => Promise<Database>;
  let folder: string | null = null;
  let databaseUrl: string | null = null;
  if (kind === 'embedded') {
    // A data folder, not memory: it must hold the log across a stop. The migrated dump is a tar of one.
    const dataDir = mkdtempSync(join(tmpdir(), 'crew-return-console-'));
    folder = dataDir;
    execFileSync('tar', ['-xf', inject('pgliteDumpFile'), '-C', dataDir], { stdio: 'pipe' });
    open = () => openEmbeddedDatabase({ dataDir });
  } else {
    const url = await copyOfTemplate();
    databaseUrl = url;
    open = () =>
      openPostgresDatabase(url, (error) => {
        throw error;
      });
  }
  let running: RunningServer | null = await listen(await prepareTeamServer(await open()), 0);
  const { port, url } = running;
  return {
    url,
    databaseUrl,
    dataDir: folder,
    stop: async () => {
      await running?.close();
      running = null;
    },
    start: async () => {
      running = await listen(await prepareTeamServer(await open()), port);
    },
    dispose: async () => {
      await running?.close();
      running = null;
      if (folder) rmSync(folder, { recursive: true, force: true });
    },
  };
}

/** What a console's operator did: a note, re-made on whatever head the log has when it is sent. */
export interface NoteAction {
  text: string;
  /** Applies only while nobody else has noted this text (the app's own rule, to show a refusal). */
  onlyIfUnnoted?: boolean;
}

export interface Console {
  actor: Actor;
  signer: Signer;
  api: TeamApi;
  follower: SessionFollower;
  outbox: Outbox<NoteAction>;
  notices: LiveNotice[];
  reports: OutboxReport<NoteAction>[];
  /** Records a note on the head this console holds and sends it through the outbox. */
  note(action: NoteAction): Promise<void>;
  /** Resolves once `done` holds, checked after each notice and outbox report. */
  until(done: () => boolean, what: string): Promise<void>;
  close(): void;
}

export interface ConsoleOptions {
  /** Where this console reaches the server (a relay, to drop its connections). */
  baseUrl: string;
  store?: OutboxStore<NoteAction>;
  /** Each append countersigns the console's own tree head (until the server's checkpoints plug in, what a checkpoint would say). */
  countersign?: boolean;
}

/**
 * The entry `actor`'s note makes after `entries` (the console's verified ones, then its own still in
 * the outbox), or the refusal of the app's rule, as the app would re-run the machine.
 */
async function noteAfter(
  session: TestSession,
  entries: AuditEntry[],
  signer: Signer,
  actor: Actor,
  action: NoteAction,
): Promise<Rebased> {
  if (action.onlyIfUnnoted && entries.some((e) => e.event.type === 'session.note' && e.event.text === action.text))
    return { ok: false, refusal: `"${action.text}" was noted by someone else first` };
  const { scenario, profile } = session;
  const recorded = replayWalkthrough({ scenario, profile, events: eventsOf({ scenario, entries }) }, wall);
  const entry = (await ledgerOf(session, withNote(recorded, actor, action.text), entries, [signer]))[entries.length];
  if (!entry) throw new Error('the note made no entry');
  return { ok: true, entry };
}

/** The console's verified entries, then those of its outbox that chain on from them. */
function entriesWithPending(follower: SessionFollower, outbox: Outbox<NoteAction>): AuditEntry[] {
  const chain = follower.entries;
  for (const { request } of outbox.pending)
    if (request.entry.previousHash === (chain.at(-1)?.hash ?? follower.detail.genesisHash)) chain.push(request.entry);
  return chain;
}

export async function openConsole(session: TestSession, actor: Actor, signer: Signer, options: ConsoleOptions): Promise<Console> {
  const api = teamApi(options.baseUrl);
  const detail = await api.session(session.id);
  if (!detail.ok) throw new Error(detail.failure.words);
  const opened = await SessionFollower.open(detail.value);
  if (!opened.ok) throw new Error(opened.alarm.words);
  const { follower } = opened;
  const admissions = await api.admissions(session.id);
  if (!admissions.ok) throw new Error(admissions.failure.words);
  for (const admission of admissions.value) await follower.admit(admission);
  const caught = await catchUp(api, follower);
  if (caught.kind !== 'caught-up') throw new Error(JSON.stringify(caught));

  const notices: LiveNotice[] = [];
  const reports: OutboxReport<NoteAction>[] = [];
  const waiters = new Set<() => void>();
  const wake = () => {
    for (const waiter of waiters) waiter();
  };
  const outbox = await AppendQueue.open<NoteAction>({
    api,
    follower,
    signer,
    store: options.store ?? memoryOutboxStore(),
    rebase: ({ action }, head) => noteAfter(session, head.entries, signer, actor, action),
    ...(options.countersign
      ? { checkpointSeen: () => (follower.size ? { treeSize: follower.size, rootHash: follower.rootAt() } : null) }
      : {}),
    onReport: (report) => {
      reports.push(report);
      wake();
    },
  });
  let subscription: LiveSubscription | null = null;
  subscription = subscribeLive({
    api,
    follower,
    EventSource,
    reconnectDelayMs: () => 50,
    onNotice: (notice) => {
      notices.push(notice);
      // Back in touch with the server: send what the outbox kept.
      if (notice.kind === 'connected' && outbox.pending.length) void outbox.flush();
      wake();
    },
  });
  return {
    actor,
    signer,
    api,
    follower,
    outbox,
    notices,
    reports,
    note: async (action) => {
      const made = await noteAfter(session, entriesWithPending(follower, outbox), signer, actor, action);
      if (!made.ok) throw new Error(made.refusal);
      await outbox.enqueue(made.entry, action);
    },
    until: (done, what) =>
      new Promise<void>((resolve, reject) => {
        const check = () => {
          if (done()) {
            waiters.delete(check);
            resolve();
          } else if (notices.some((n) => n.kind === 'alarm' || n.kind === 'stopped')) {
            waiters.delete(check);
            reject(new Error(`waiting for ${what}, the subscription stopped: ${JSON.stringify(notices.at(-1))}`));
          }
        };
        waiters.add(check);
        check();
      }),
    close: () => subscription?.close(),
  };
}

/** A TCP relay to the server that can drop every connection through it and refuse new ones until it is up again. */
export interface Relay {
  url: string;
  /** The request line of every connection's first request, in order (e.g. GET /api/sessions/…/live?after=3 HTTP/1.1). */
  requests: string[];
  down(): void;
  up(): void;
  close(): Promise<void>;
}

export async function startRelay(targetUrl: string): Promise<Relay> {
  const target = new URL(targetUrl);
  const sockets = new Set<Socket>();
  const requests: string[] = [];
  let refusing = false;
  const relay: Server = createServer((client) => {
    if (refusing) {
      client.destroy();
      return;
    }
    const upstream = tcpConnect(Number(target.port), target.hostname);
    for (const socket of [client, upstream]) {
      sockets.add(socket);
      socket.on('close', () => sockets.delete(socket));
      socket.on('error', () => {
        client.destroy();
        upstream.destroy();
      });
    }
    client.on('data', (chunk: Buffer) => {
      const line = chunk.toString('latin1').split('\r\n', 1)[0] ?? '';
      if (/^[A-Z]+ \/\S* HTTP\/1\.1$/.test(line)) requests.push(line);
    });
    client.pipe(upstream).pipe(client);
  });
  await new Promise<void>((resolve) => relay.listen(0, '127.0.0.1', resolve));
  const address = relay.address();
  if (!address || typeof address === 'string') throw new Error('the relay has no port');
  return {
    url: `http://127.0.0.1:${address.port}`,
    requests,
    down: () => {
      refusing = true;
      for (const socket of sockets) socket.destroy();
    },
    up: () => {
      refusing = false;
    },
    close: () =>
      new Promise<void>((resolve) => {
        for (const socket of sockets) socket.destroy();
        relay.close(() => resolve());
      }),
  };
}
