/**
 * Following a session live: server-sent events from GET /api/sessions/:id/live, fed to the follower
 * one at a time. Each connection asks for what comes after the last entry the follower *holds*
 * (`?after=`), not after the last event the stream delivered; a reconnecting stream therefore never
 * skips, and what arrives twice is a duplicate the follower ignores. A gap is filled from the entries
 * API before going on. The subscription reconnects itself (a closed EventSource, as after a proxy's
 * 502, would not) and stops for good at an alarm: a console does not go on following a log it cannot trust.
 */
import { admissionSchema, storedEntrySchema } from '../protocol';
import { catchUp } from './catchUp';
import type { FollowerAlarm, SessionFollower } from './sessionFollower';
import type { TeamApi } from './teamApi';

/** The part of the browser's EventSource this uses; the `eventsource` package's class fits it too. */
interface EventSourceLike {
  addEventListener(type: string, listener: (event: { data?: unknown }) => void): void;
  close(): void;
}
type EventSourceConstructor = new (url: string) => EventSourceLike;

export type LiveNotice =
  | { kind: 'connected'; heldThrough: number }
  | { kind: 'disconnected'; words: string }
  | { kind: 'accepted'; seq: number }
  | { kind: 'admitted'; fingerprint: string }
  /** The log cannot be trusted: the subscription has stopped. */
  | { kind: 'alarm'; alarm: FollowerAlarm }
  /** The server's stream is not the protocol: the subscription has stopped. */
  | { kind: 'stopped'; words: string };

export interface LiveOptions {
  api: TeamApi;
  follower: SessionFollower;
  EventSource: EventSourceConstructor;
  onNotice: (notice: LiveNotice) => void;
  /** Each signed checkpoint the server sends (its words, unread), handled in turn with the entries. */
  onCheckpoint?: (data: unknown) => Promise<void>;
  /** How long to wait before reconnecting, by attempt (0, 1, …); default 250 ms doubling to 2 s (a room's server is near: back within seconds). */
  reconnectDelayMs?: (attempt: number) => number;
}

export interface LiveSubscription {
  close(): void;
}

const defaultDelayMs = (attempt: number) => Math.min(250 * 2 ** attempt, 2000);

export function subscribeLive(options: LiveOptions): LiveSubscription {
  const { api, follower, onNotice } = options;
  const delayMs = options.reconnectDelayMs ?? defaultDelayMs;
  let source: EventSourceLike | null = null;
  let timer: ReturnType<typeof setTimeout> | undefined;
  let attempt = 0;
  let stopped = false;
  let turn: Promise<void> = Promise.resolve();

  const stop = (notice: LiveNotice) => {
    if (stopped) return;
    stopped = true;
    clearTimeout(timer);
    source?.close();
    onNotice(notice);
  };
  /** Events are handled in arrival order, one at a time (verifying is asynchronous). */
  const inTurn = (work: () => Promise<void>) => {
    turn = turn
      .then(() => (stopped ? undefined : work()))
      .catch(() =>
        stop({ kind: 'stopped', words: 'Following the session failed unexpectedly; reopen the session to check it again.' }),
      );
  };

  const takeEntry = async (data: unknown) => {
    const parsed = storedEntrySchema.safeParse(parseJson(data));
    if (!parsed.success) return stop({ kind: 'stopped', words: 'The server sent an entry event that is not an entry.' });
    let received = await follower.receive(parsed.data);
    if (received.kind === 'gap') {
      const filled = await catchUp(api, follower, received.seq - 1);
      if (filled.kind === 'alarm') return stop(filled);
      if (filled.kind === 'failed') return reconnect(filled.failure.words);
      received = await follower.receive(parsed.data);
    }
    if (received.kind === 'alarm') return stop(received);
    if (received.kind === 'accepted') onNotice(received);
    if (received.kind === 'gap') reconnect(`entries before ${received.seq} could not be fetched`);
  };

  const takeAdmission = async (data: unknown) => {
    const parsed = admissionSchema.safeParse(parseJson(data));
    if (!parsed.success) return stop({ kind: 'stopped', words: 'The server sent an admission event that is not an admission.' });
    const { fingerprint } = parsed.data.admitted;
    // Every connection begins with the session's admissions: only a new one is news.
    const known = follower.admitted.has(fingerprint);
    const admitted = await follower.admit(parsed.data);
    if (!admitted.ok) return stop({ kind: 'alarm', alarm: admitted.alarm });
    if (!known) onNotice({ kind: 'admitted', fingerprint });
  };

  function connect() {
    if (stopped) return;
    const url = `${api.baseUrl}/api/sessions/${encodeURIComponent(follower.sessionId)}/live?after=${follower.size}`;
    const opened = new options.EventSource(url);
    source = opened;
    opened.addEventListener('open', () => {
      if (source !== opened) return;
      attempt = 0;
      onNotice({ kind: 'connected', heldThrough: follower.size });
    });
    opened.addEventListener('entry', (event) => inTurn(() => takeEntry(event.data)));
    opened.addEventListener('admission', (event) => inTurn(() => takeAdmission(event.data)));
    opened.addEventListener('checkpoint', (event) => inTurn(async () => options.onCheckpoint?.(parseJson(event.data))));
    opened.addEventListener('error', () => {
      if (source === opened) reconnect('the live stream was interrupted');
    });
  }

  function reconnect(why: string) {
    if (stopped) return;
    source?.close();
    source = null;
    onNotice({ kind: 'disconnected', words: `Reconnecting to the team server: ${why}.` });
    clearTimeout(timer);
    // Only once every event already received is handled, so the next connection asks from the true head.
    const wait = delayMs(attempt++);
    turn = turn.then(() => {
      timer = setTimeout(connect, wait);
    });
  }

  connect();
  return { close: () => stop({ kind: 'stopped', words: 'Stopped following the session.' }) };
}

function parseJson(data: unknown): unknown {
  if (typeof data !== 'string') return undefined;
  try {
    return JSON.parse(data);
  } catch {
    return undefined;
  }
}
