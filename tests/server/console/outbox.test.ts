/**
 * The outbox when an answer is lost: an append the server took but whose acknowledgement never came
 * back is recognized in the log when it is sent again (refused as stale), not re-made as a second entry.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AuditEntry } from '../../../src/record/ledger';
import { AppendQueue, type OutboxReport } from '../../../src/team/console/appendQueue';
import { catchUp } from '../../../src/team/console/catchUp';
import { memoryOutboxStore } from '../../../src/team/console/outboxStore';
import { SessionFollower } from '../../../src/team/console/sessionFollower';
import { teamApi } from '../../../src/team/console/teamApi';
import type { StoredEntry } from '../../../src/team/protocol';
import { type Relay, startRelay } from './consoleHarness';
import { type LoggedSession, loggedSession } from './loggedSession';

let logged: LoggedSession;
let relay: Relay;
beforeAll(async () => {
  logged = await loggedSession(4, 1);
  relay = await startRelay(logged.running.url);
});
afterAll(async () => {
  await relay?.close();
  await logged?.running.close();
});

describe('the outbox', () => {
  it('sends again an append whose answer was lost, finds it in the log, and neither re-makes nor duplicates it', async () => {
    // The console reaches the server through the relay; the relay is down when it sends.
    const api = teamApi(relay.url);
    const opened = await SessionFollower.open(logged.detail);
    if (!opened.ok) throw new Error(opened.alarm.words);
    const { follower } = opened;
    for (const admission of logged.admissions) await follower.admit(admission);
    expect(await catchUp(api, follower)).toEqual({ kind: 'caught-up', size: 4 });
    const reports: OutboxReport<string>[] = [];
    const rebases: string[] = [];
    const outbox = await AppendQueue.open<string>({
      api,
      follower,
      signer: logged.thermal,
      store: memoryOutboxStore(),
      rebase: async ({ action }) => {
        rebases.push(action);
        return { ok: false, refusal: 'not re-made in this test' };
      },
      onReport: (report) => reports.push(report),
    });

    relay.down();
    const fifth = logged.entries[4] as AuditEntry;
    expect(await outbox.enqueue(fifth, 'cabin reading 5')).toMatchObject({
      sent: 0,
      pending: 1,
      heldBecause: expect.stringContaining('cannot be reached'),
    });
    // What the lost attempt did: the same signed append reached the server, which took it.
    const pending = outbox.pending[0];
    if (!pending) throw new Error('nothing pending');
    expect(await teamApi(logged.running.url).append(logged.session.id, pending.request)).toMatchObject({
      ok: true,
      value: { seq: 5 },
    });

    relay.up();
    expect(await outbox.flush()).toEqual({ sent: 1, pending: 0, heldBecause: null });
    expect(rebases).toEqual([]);
    expect(reports.map((r) => r.kind)).toEqual(['held', 'sent']);
    const log: StoredEntry[] = await (await logged.send(`/api/sessions/${logged.session.id}/entries?after=0`)).json();
    expect(log.map((s) => s.entry)).toEqual(logged.entries);
    expect(follower.entries).toEqual(logged.entries);
  });
});
