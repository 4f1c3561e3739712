/**
 * Twenty consoles in one room, one writer: every console follows the session over the live stream and
 * verifies each entry as a console does (SessionFollower through subscribeLive, the `eventsource`
 * package standing in for the browser's EventSource), while the writer appends a signed ledger through
 * its outbox. Each append is timed from the moment it is sent to the moment the last console accepted
 * it; the next is sent only then, so a figure is one append's delivery, not a queue behind earlier ones.
 */
import { EventSource } from 'eventsource';
import type { AuditEntry } from '../src/record/ledger';
import type { Signer } from '../src/record/signing';
import { type LiveNotice, subscribeLive } from '../src/team/console/liveSubscription';
import type { SessionFollower } from '../src/team/console/sessionFollower';
import type { TeamApi } from '../src/team/console/teamApi';
import { appendInTurn, followSession } from './teamSession';

export interface RoomRun {
  /** Per append, from sent to accepted by every console, in ms. */
  deliveredMs: number[];
  elapsedMs: number;
  /** Reconnections of the live streams during the run (each resumes from the entry the console holds). */
  reconnections: number;
}

interface Seat {
  follower: SessionFollower;
  accepted: number[];
  notices: LiveNotice[];
  close(): void;
}

/** How long the room may go without a single console accepting anything before the run is called stuck. */
const stuckAfterMs = 30_000;

export async function runRoom(
  api: TeamApi,
  sessionId: string,
  writer: Signer,
  entries: readonly AuditEntry[],
  consoleCount: number,
): Promise<RoomRun> {
  const sentAt = new Map<number, number>();
  const acceptedBy = new Map<number, number>();
  const deliveredMs: number[] = [];
  let waiting: { seq: number; resolve: () => void; reject: (error: Error) => void } | null = null;
  let lastProgress = performance.now();
  const seats: Seat[] = [];
  let failure: Error | null = null;
  const fail = (why: string) => {
    failure ??= new Error(why);
    waiting?.reject(failure);
  };

  const onNotice = (seat: Seat) => (notice: LiveNotice) => {
    seat.notices.push(notice);
    if (notice.kind === 'alarm' || notice.kind === 'stopped')
      fail(`a console stopped following: ${notice.kind === 'alarm' ? notice.alarm.words : notice.words}`);
    if (notice.kind !== 'accepted') return;
    lastProgress = performance.now();
    seat.accepted.push(notice.seq);
    const count = (acceptedBy.get(notice.seq) ?? 0) + 1;
    acceptedBy.set(notice.seq, count);
    if (count === consoleCount) {
      deliveredMs[notice.seq - 1] = performance.now() - (sentAt.get(notice.seq) ?? Number.NaN);
      if (waiting?.seq === notice.seq) waiting.resolve();
    }
  };

  const connections: Promise<void>[] = [];
  for (let i = 0; i < consoleCount; i++) {
    const follower = await followSession(api, sessionId);
    const seat: Seat = { follower, accepted: [], notices: [], close: () => {} };
    let connected = () => {};
    connections.push(new Promise<void>((resolve) => (connected = resolve)));
    const hear = onNotice(seat);
    seat.close = subscribeLive({
      api,
      follower,
      EventSource,
      onNotice: (notice) => {
        hear(notice);
        if (notice.kind === 'connected') connected();
      },
    }).close;
    seats.push(seat);
  }
  await Promise.all(connections);

  const watchdog = setInterval(() => {
    if (waiting && performance.now() - lastProgress > stuckAfterMs)
      fail(`no console accepted anything for ${stuckAfterMs / 1000} s while waiting for entry ${waiting.seq}`);
  }, 1000);
  try {
    const { elapsedMs } = await appendInTurn(
      api,
      sessionId,
      writer,
      entries,
      (seq, atMs) => sentAt.set(seq, atMs),
      (seq) =>
        failure
          ? Promise.reject(failure)
          : (acceptedBy.get(seq) ?? 0) === consoleCount
            ? Promise.resolve()
            : new Promise<void>((resolve, reject) => {
                waiting = { seq, resolve, reject };
              }),
    );
    checkEveryConsoleHoldsTheLedger(seats, entries);
    const reconnections = seats.reduce((n, s) => n + s.notices.filter((x) => x.kind === 'disconnected').length, 0);
    return { deliveredMs, elapsedMs, reconnections };
  } finally {
    clearInterval(watchdog);
    for (const seat of seats) seat.close();
  }
}

/** Nothing lost or duplicated: each console accepted every entry once, in order, and holds exactly the ledger. */
function checkEveryConsoleHoldsTheLedger(seats: readonly Seat[], entries: readonly AuditEntry[]): void {
  const expected = entries.map((e) => e.hash);
  for (const [i, seat] of seats.entries()) {
    const held = seat.follower.entries.map((e) => e.hash);
    const inOrder = seat.accepted.every((seq, k) => seq === k + 1);
    if (
      held.length !== expected.length ||
      held.some((hash, k) => hash !== expected[k]) ||
      !inOrder ||
      seat.accepted.length !== expected.length
    )
      throw new Error(
        `console ${i + 1} holds ${held.length} entries and accepted ${seat.accepted.length} (in order: ${inOrder}), ` +
          `not the ${expected.length} appended, once each and in order`,
      );
  }
}
