/**
 * The console's outbox: signed appends waiting to be sent, in order, kept in a store (IndexedDB in the
 * app) so that nothing signed is lost while the server is away. Each append names the entry count it
 * extends; when someone appended first (stale) the queue takes in the newer entries through the
 * follower, asks the app whether its action still applies on the new head (the app re-runs the
 * machine: a re-made entry, or the machine's refusal), signs the append again and retries.
 */

import { appendMessage } from '../../record/appendClaim';
import type { AuditEntry } from '../../record/ledger';
import type { CheckpointSeen } from '../../record/packetSchema';
import { type Signer, sign } from '../../record/signing';
import type { AppendRequest } from '../protocol';
import { catchUp } from './catchUp';
import type { OutboxItem, OutboxStore } from './outboxStore';
import type { FollowerAlarm, SessionFollower } from './sessionFollower';
import type { TeamApi } from './teamApi';

/** The app's answer to "does this action still apply on the new head?": the entry re-made there, or why not. */
export type Rebased = { ok: true; entry: AuditEntry } | { ok: false; refusal: string };
type Rebase<Action> = (pending: { entry: AuditEntry; action: Action }, follower: SessionFollower) => Promise<Rebased>;

export type OutboxReport<Action> =
  | { kind: 'sent'; seq: number; action: Action }
  /** Someone appended first: the action was re-made on the new head, as entry `seq`. */
  | { kind: 'rebased'; seq: number; action: Action }
  /** The action no longer applies on the new head (the machine refused it): taken out of the outbox. */
  | { kind: 'refused'; action: Action; words: string }
  /** The server refused the append itself as malformed: taken out of the outbox. */
  | { kind: 'rejected'; action: Action; words: string }
  /** Nothing more can be sent now (unreachable, not admitted, the server failing): everything is kept. */
  | { kind: 'held'; pending: number; words: string }
  /** Taking in the newer entries raised an alarm: everything is kept, nothing more is sent. */
  | { kind: 'alarm'; alarm: FollowerAlarm };

export interface AppendQueueOptions<Action> {
  api: TeamApi;
  follower: SessionFollower;
  signer: Signer;
  store: OutboxStore<Action>;
  rebase: Rebase<Action>;
  /** The checkpoint this console has verified last, which each append countersigns (none yet: null). */
  checkpointSeen?: () => CheckpointSeen;
  onReport?: (report: OutboxReport<Action>) => void;
}

export interface Flushed {
  sent: number;
  pending: number;
  /** Why sending stopped with appends still pending, in words; null when the outbox is empty. */
  heldBecause: string | null;
}

/** More rebases than this for one append in one flush: the room is busier than a retry can follow, or the server is not honest. */
const maxRebases = 50;

export class AppendQueue<Action> {
  readonly #options: AppendQueueOptions<Action>;
  #items: OutboxItem<Action>[];
  #lastFlush: Promise<unknown> = Promise.resolve();

  private constructor(options: AppendQueueOptions<Action>, items: OutboxItem<Action>[]) {
    this.#options = options;
    this.#items = items;
  }

  /** The outbox of `options.store`, with whatever it kept from before (a reload, a lost server). */
  static async open<Action>(options: AppendQueueOptions<Action>): Promise<AppendQueue<Action>> {
    const kept = await options.store.all();
    return new AppendQueue(
      options,
      kept.filter((item) => item.sessionId === options.follower.sessionId).sort((a, b) => a.order - b.order),
    );
  }

  get pending(): readonly OutboxItem<Action>[] {
    return this.#items;
  }

  /** Signs the append of `entry`, keeps it, and sends what the outbox holds. */
  async enqueue(entry: AuditEntry, action: Action): Promise<Flushed> {
    const item: OutboxItem<Action> = {
      id: crypto.randomUUID(),
      sessionId: this.#options.follower.sessionId,
      order: (this.#items.at(-1)?.order ?? 0) + 1,
      request: await this.#signedAppend(entry),
      action,
    };
    await this.#options.store.put(item);
    this.#items.push(item);
    return this.flush();
  }

  /**
   * Sends the pending appends in order until none is left or the server cannot take more now. Flushes
   * run one after another: one asked for while another runs starts when it ends, so an append queued
   * just as a flush finishes is still sent.
   */
  flush(): Promise<Flushed> {
    const run = this.#lastFlush.then(() => this.#flush());
    this.#lastFlush = run.catch(() => undefined);
    return run;
  }

  async #signedAppend(entry: AuditEntry): Promise<AppendRequest> {
    const { follower, signer, checkpointSeen } = this.#options;
    const seen = checkpointSeen?.() ?? null;
    const message = appendMessage({ sessionId: follower.sessionId, seq: entry.seq, entryHash: entry.hash, checkpointSeen: seen });
    return {
      extends: entry.seq - 1,
      entry,
      appendedBy: signer.fingerprint,
      checkpointSeen: seen,
      signature: await sign(signer, message),
    };
  }

  async #flush(): Promise<Flushed> {
    const { api, follower, store, rebase } = this.#options;
    const report = (r: OutboxReport<Action>) => this.#options.onReport?.(r);
    let sent = 0;
    let rebases = 0;
    const held = (words: string): Flushed => {
      report({ kind: 'held', pending: this.#items.length, words });
      return { sent, pending: this.#items.length, heldBecause: words };
    };
    const remove = async (item: OutboxItem<Action>) => {
      await store.delete(item.id);
      this.#items = this.#items.filter((i) => i.id !== item.id);
      rebases = 0;
    };

    for (let item = this.#items[0]; item; item = this.#items[0]) {
      const result = await api.append(follower.sessionId, item.request);
      if (result.ok) {
        const { request } = item;
        await remove(item);
        sent++;
        // The console's own view takes it now (the live stream's copy is then a duplicate), before it is reported sent.
        await follower.receive({
          entry: request.entry,
          appendedBy: request.appendedBy,
          checkpointSeen: request.checkpointSeen,
          signature: request.signature,
          appendedUtc: result.value.appendedUtc,
        });
        report({ kind: 'sent', seq: result.value.seq, action: item.action });
        continue;
      }
      const { failure } = result;
      // The count it extends is right but not the head it chains to: an entry before it (an earlier
      // one of this outbox, re-made or refused) is not the one it was made on. It is as stale as that.
      const overtaken =
        failure.kind === 'stale'
          ? failure.entryCount
          : failure.kind === 'invalid' && failure.problems.some((p) => p.path === 'entry.previousHash')
            ? item.request.extends
            : null;
      if (overtaken === null && failure.kind === 'invalid') {
        await remove(item);
        report({ kind: 'rejected', action: item.action, words: failure.words });
        continue;
      }
      if (overtaken === null) return held(failure.words);
      if (++rebases > maxRebases)
        return held(
          `Entry ${item.request.entry.seq} was overtaken ${maxRebases} times in a row; it is kept and will be sent again.`,
        );

      const caught = await catchUp(api, follower, overtaken);
      if (caught.kind === 'alarm') {
        report(caught);
        return { sent, pending: this.#items.length, heldBecause: caught.alarm.words };
      }
      if (caught.kind === 'failed') return held(caught.failure.words);
      if (follower.size < overtaken)
        return held(`The server says the log holds ${overtaken} entries but sent only ${follower.size}.`);

      // Its own entry may be among them: an append the server took whose answer was lost.
      const { entry } = item.request;
      if (follower.stored[entry.seq - 1]?.entry.hash === entry.hash) {
        await remove(item);
        sent++;
        report({ kind: 'sent', seq: entry.seq, action: item.action });
        continue;
      }
      const rebased = await rebase({ entry: item.request.entry, action: item.action }, follower);
      if (!rebased.ok) {
        await remove(item);
        report({ kind: 'refused', action: item.action, words: rebased.refusal });
        continue;
      }
      const remade: OutboxItem<Action> = { ...item, request: await this.#signedAppend(rebased.entry) };
      await store.put(remade);
      this.#items = this.#items.map((i) => (i.id === remade.id ? remade : i));
      report({ kind: 'rebased', seq: rebased.entry.seq, action: item.action });
    }
    return { sent, pending: 0, heldBecause: null };
  }
}
