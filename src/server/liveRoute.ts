/**
 * GET /api/sessions/:id/live: server-sent events. A console gets the session's admissions, then every
 * entry after the one it names (`Last-Event-ID`, or `?after=`), then live ones, each once and in order:
 * `entry` events carry the entry's seq as their id, so a reconnecting browser resumes where it was.
 * `checkpoint` events (the latest right after the backlog, then each new one) carry no id, so they
 * leave that resume point alone, and come only after every entry they cover.
 */
import type { Handler } from 'hono';
import { streamSSE } from 'hono/streaming';
import type { Checkpoint } from '../record/checkpointSchema';
import type { StoredEntry } from '../team/protocol';
import { sessionIdSchema } from '../team/protocol';
import { latestCheckpoint } from './checkpointStore';
import type { Database } from './database';
import type { LiveEvent, LiveHub } from './liveHub';
import { entriesAfter, findSession, listAdmissions } from './teamStore';

const pageSize = 500;
/** A comment line this often keeps an idle stream open through proxies that close silent connections. */
const keepAliveMs = 20_000;

/** The last seq the console has: its Last-Event-ID header, else `?after=`, else none. */
function resumeAfter(lastEventId: string | undefined, after: string | undefined): number | null {
  const text = lastEventId ?? after ?? '0';
  return /^\d{1,9}$/.test(text) ? Number(text) : null;
}

export const liveRoute =
  (database: Database, hub: LiveHub): Handler =>
  async (c) => {
    const id = c.req.param('id') ?? '';
    if (!sessionIdSchema.safeParse(id).success || !(await findSession(database, id)))
      return c.json({ outcome: 'not-found', message: `no session ${id} on this server` }, 404);
    const after = resumeAfter(c.req.header('Last-Event-ID'), c.req.query('after'));
    if (after === null)
      return c.json(
        {
          outcome: 'invalid',
          problems: [{ path: 'Last-Event-ID', expected: 'the seq of the last entry the console has (a whole number)' }],
        },
        422,
      );
    return streamSSE(c, async (stream) => {
      // Subscribed before reading the backlog, so nothing committed in between is missed; what arrives
      // twice (in the backlog and live) is sent once, by seq.
      const pending: LiveEvent[] = [];
      let wake: (() => void) | null = null;
      let open = true;
      const unsubscribe = hub.subscribe(id, (event) => {
        pending.push(event);
        wake?.();
      });
      stream.onAbort(() => {
        open = false;
        wake?.();
      });
      const keepAlive = setInterval(() => void stream.write(': keep-alive\n\n').catch(() => undefined), keepAliveMs);
      let lastSent = after;
      const send = async (stored: StoredEntry) => {
        await stream.writeSSE({ event: 'entry', id: String(stored.entry.seq), data: JSON.stringify(stored) });
        lastSent = stored.entry.seq;
      };
      /** Every committed entry after the last sent, up to `throughSeq` (or all), from the database. */
      const catchUp = async (throughSeq = Number.POSITIVE_INFINITY) => {
        while (open && lastSent < throughSeq) {
          const page = await entriesAfter(database, id, lastSent, pageSize);
          for (const stored of page) if (stored.entry.seq <= throughSeq) await send(stored);
          if (page.length < pageSize) break;
        }
      };
      let checkpointSent = 0;
      const sendCheckpoint = async (checkpoint: Checkpoint) => {
        if (checkpoint.treeSize <= checkpointSent) return;
        await catchUp(checkpoint.treeSize);
        if (!open) return;
        await stream.writeSSE({ event: 'checkpoint', data: JSON.stringify(checkpoint) });
        checkpointSent = checkpoint.treeSize;
      };
      try {
        for (const admission of await listAdmissions(database, id))
          await stream.writeSSE({ event: 'admission', data: JSON.stringify(admission) });
        await catchUp();
        const latest = await latestCheckpoint(database, id);
        if (latest) await sendCheckpoint(latest);
        while (open) {
          const event = pending.shift();
          if (!event) {
            await new Promise<void>((resolve) => {
              wake = resolve;
            });
            wake = null;
            continue;
          }
          if (event.kind === 'admission') {
            await stream.writeSSE({ event: 'admission', data: JSON.stringify(event.admission) });
            continue;
          }
          if (event.kind === 'checkpoint') {
            await sendCheckpoint(event.checkpoint);
            continue;
          }
          const { seq } = event.stored.entry;
          if (seq <= lastSent) continue;
          // An entry committed by another process on the same PostgreSQL reaches no hub here: fill any gap.
          if (seq > lastSent + 1) await catchUp(seq - 1);
          if (seq === lastSent + 1) await send(event.stored);
        }
      } finally {
        clearInterval(keepAlive);
        unsubscribe();
      }
    });
  };
