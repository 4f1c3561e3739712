/**
 * One console on one team session, as the app runs it: the verified follower, the live subscription,
 * the server's checkpoints held against the console's own log, and the outbox that signs and sends the
 * operator's actions. Every action is made into an entry on the log the console holds (its own pending
 * appends after it), through the machine; a stale one is re-made or refused there. What the console
 * knows is told as a `TeamView` after each change; an alarm stops it following a log it cannot trust.
 */
import { parseCheckpoint, type ServerKey } from '../../record/checkpoint';
import type { Checkpoint } from '../../record/checkpointSchema';
import type { AuditEntry, SignerFor } from '../../record/ledger';
import type { TeamLogRecord } from '../../record/packetSchema';
import type { PublicKeyRecord, Signer } from '../../record/signing';
import { AppendQueue, type OutboxReport } from './appendQueue';
import { catchUp } from './catchUp';
import { CheckpointWatch } from './checkpointWatch';
import { type LiveNotice, type LiveOptions, type LiveSubscription, subscribeLive } from './liveSubscription';
import { basisOf, remakeEntry, type SessionBasis, type TeamAction } from './logWalkthrough';
import type { OutboxStore } from './outboxStore';
import { SessionFollower } from './sessionFollower';
import type { TeamApi } from './teamApi';

export type Connection = 'connecting' | 'connected' | 'reconnecting' | 'stopped';

/** What the console holds of its session, told after each change. */
export interface TeamView {
  sessionId: string;
  title: string;
  basis: SessionBasis;
  authority: PublicKeyRecord;
  /** The log as verified, entry by entry. */
  verified: readonly AuditEntry[];
  /** Each verified entry's append: who appended it, the checkpoint they had seen, their signature. */
  appends: TeamLogRecord['appends'];
  /** This console's own appends not yet acknowledged, chained after the verified log. */
  pending: readonly AuditEntry[];
  /** Actions this console took that are not in its outbox yet (nobody here could sign them, or a batch still being made): the screen keeps them as it has them. */
  waiting: number;
  /** Keys the authority admitted to the session, the authority's own included. */
  admitted: readonly PublicKeyRecord[];
  connection: Connection;
  /** Why the pending appends are not sent yet; null when nothing waits. */
  heldBecause: string | null;
  /** The last checkpoint the server signed that this console has checked. */
  checkpoint: Checkpoint | null;
  /** Why this console stopped trusting the log; null while it trusts it. */
  alarm: string | null;
}

export interface TeamConsoleOptions {
  api: TeamApi;
  serverKey: ServerKey;
  sessionId: string;
  EventSource: LiveOptions['EventSource'];
  store: OutboxStore<TeamAction>;
  /** Who signs an operator's entry (their own key, unlocked in this page). */
  signerFor: SignerFor;
  onView: (view: TeamView) => void;
  /** An action the machine refused on the log as it now stands, in its words. */
  onRefused: (words: string) => void;
  /**
   * The last checkpoint of this session this console checked, kept across reloads: the server's next
   * one must extend it, so a server restored from an older backup is caught at the next connection.
   */
  memory?: CheckpointMemory;
}

export interface CheckpointMemory {
  last: Checkpoint | null;
  keep(checkpoint: Checkpoint): void;
}

export type OpenedConsole = { ok: true; console: TeamConsole } | { ok: false; words: string };

const identifyFirst = 'identify on this console first: appends are signed with your key';

export class TeamConsole {
  readonly #options: TeamConsoleOptions;
  readonly #follower: SessionFollower;
  readonly #watch: CheckpointWatch;
  /** What every entry is made on: the session's scenario, profile and opening (worked out once). */
  readonly #basis: SessionBasis;
  #subscription: LiveSubscription | null = null;
  #outbox: AppendQueue<TeamAction> | null = null;
  #signer: Signer | null = null;
  /** Actions taken before anyone identified here: made into entries once someone signs. */
  #waiting: TeamAction[] = [];
  /** Actions of the batch being made into entries that are not in the outbox yet. */
  #making = 0;
  #connection: Connection = 'connecting';
  #heldBecause: string | null = null;
  #alarm: string | null = null;
  #turn: Promise<unknown> = Promise.resolve();

  private constructor(options: TeamConsoleOptions, follower: SessionFollower) {
    this.#options = options;
    this.#follower = follower;
    this.#watch = new CheckpointWatch(options.serverKey, follower, options.memory?.last ?? null);
    this.#basis = basisOf(follower.detail);
  }

  /** Verifies the session's opening, its admissions and its log so far, then follows it live. */
  static async open(options: TeamConsoleOptions): Promise<OpenedConsole> {
    const { api, sessionId } = options;
    const detail = await api.session(sessionId);
    const seen = options.memory?.last;
    if (!detail.ok && detail.failure.kind === 'not-found' && seen)
      return {
        ok: false,
        words: `The server no longer has session ${sessionId}, whose log this console checked at ${seen.treeSize} entries: do not trust this server (restored from an older backup, or replaced).`,
      };
    if (!detail.ok) return { ok: false, words: detail.failure.words };
    const opened = await SessionFollower.open(detail.value);
    if (!opened.ok) return { ok: false, words: opened.alarm.words };
    const admissions = await api.admissions(sessionId);
    if (!admissions.ok) return { ok: false, words: admissions.failure.words };
    for (const admission of admissions.value) {
      const admitted = await opened.follower.admit(admission);
      if (!admitted.ok) return { ok: false, words: admitted.alarm.words };
    }
    const caught = await catchUp(api, opened.follower);
    if (caught.kind === 'alarm') return { ok: false, words: caught.alarm.words };
    if (caught.kind === 'failed') return { ok: false, words: caught.failure.words };
    const console = new TeamConsole(options, opened.follower);
    console.#follow();
    return { ok: true, console };
  }

  get view(): TeamView {
    const { detail } = this.#follower;
    return {
      sessionId: detail.id,
      title: detail.title,
      basis: this.#basis,
      authority: detail.authority,
      verified: this.#follower.entries,
      appends: this.#follower.stored.map(({ appendedBy, checkpointSeen, signature }) => ({
        appendedBy,
        checkpointSeen,
        signature,
      })),
      pending: this.#pendingChain(),
      waiting: this.#waiting.length + this.#making,
      admitted: [...this.#follower.admitted.values()],
      connection: this.#connection,
      heldBecause: this.#waiting.length ? identifyFirst : this.#heldBecause,
      checkpoint: this.#watch.latest,
      alarm: this.#alarm,
    };
  }

  /** Whose key signs this console's appends from now on (null: nobody is identified; actions wait). */
  setSigner(signer: Signer | null): Promise<void> {
    return this.#inTurn(async () => {
      if (signer?.fingerprint === this.#signer?.fingerprint) return;
      this.#signer = signer;
      this.#outbox = signer ? await this.#openOutbox(signer) : null;
      if (!this.#outbox) return this.#tell();
      const waiting = this.#waiting;
      this.#waiting = [];
      await this.#make(waiting);
      await this.#flush();
    });
  }

  /** Records the operator's actions: each made into the next entry on the log held, signed and sent. */
  act(actions: readonly TeamAction[]): Promise<void> {
    return this.#inTurn(async () => {
      if (this.#alarm) return this.#options.onRefused(`not recorded: ${this.#alarm}`);
      if (!this.#outbox) {
        this.#waiting.push(...actions);
        return this.#tell();
      }
      await this.#make(actions);
      await this.#flush();
    });
  }

  close(): void {
    this.#subscription?.close();
    this.#subscription = null;
  }

  #inTurn(work: () => Promise<void>): Promise<void> {
    const run = this.#turn.then(work);
    this.#turn = run.catch(() => undefined);
    return run;
  }

  #pendingChain(): AuditEntry[] {
    const chain: AuditEntry[] = [];
    let head = this.#follower.headHash;
    for (const { request } of this.#outbox?.pending ?? []) {
      if (request.entry.previousHash !== head) break;
      chain.push(request.entry);
      head = request.entry.hash;
    }
    return chain;
  }

  /**
   * Makes each action into the next entry and sends it. Until the last is in the outbox the view counts
   * the rest as waiting: the screen keeps the batch (steps jumped over at once) rather than show it
   * arriving one entry at a time.
   */
  async #make(actions: readonly TeamAction[]): Promise<void> {
    this.#making = actions.length;
    try {
      for (const action of actions) {
        const head = [...this.#follower.entries, ...this.#pendingChain()];
        const made = await remakeEntry(this.#basis, head, action, this.#options.signerFor);
        this.#making--;
        if (made.ok) await this.#outbox?.enqueue(made.entry, action);
        else if (!made.reached) this.#options.onRefused(made.refusal);
      }
    } finally {
      this.#making = 0;
    }
  }

  async #flush(): Promise<void> {
    if (this.#alarm || !this.#outbox) return;
    const flushed = await this.#outbox.flush();
    this.#heldBecause = flushed.heldBecause;
    this.#tell();
  }

  #openOutbox(signer: Signer): Promise<AppendQueue<TeamAction>> {
    const { api, store, signerFor } = this.#options;
    return AppendQueue.open<TeamAction>({
      api,
      follower: this.#follower,
      signer,
      store,
      checkpointSeen: () => this.#watch.seen,
      rebase: async ({ action }, follower) => {
        const made = await remakeEntry(this.#basis, follower.entries, action, signerFor);
        return made.ok ? made : { ok: false, refusal: made.refusal };
      },
      onReport: (report) => this.#report(report),
    });
  }

  #report(report: OutboxReport<TeamAction>): void {
    if (report.kind === 'alarm') {
      this.#raise(report.alarm.words);
      return;
    }
    if (report.kind === 'held') this.#heldBecause = report.words;
    if (report.kind === 'sent' || report.kind === 'rebased') this.#heldBecause = null;
    // A step someone else reached first is no refusal: the session is there already.
    if ((report.kind === 'refused' || report.kind === 'rejected') && report.action.kind === 'operator')
      this.#options.onRefused(report.words);
    this.#tell();
  }

  #follow(): void {
    const { api, EventSource } = this.#options;
    this.#subscription = subscribeLive({
      api,
      follower: this.#follower,
      EventSource,
      onNotice: (notice) => this.#notice(notice),
      onCheckpoint: (data) => this.#takeCheckpoint(data),
    });
  }

  #notice(notice: LiveNotice): void {
    switch (notice.kind) {
      case 'connected':
        this.#connection = 'connected';
        // Back in touch with the server: send what the outbox kept.
        if (this.#outbox?.pending.length) void this.#inTurn(() => this.#flush());
        break;
      case 'disconnected':
        this.#connection = 'reconnecting';
        break;
      case 'admitted':
        if (notice.fingerprint === this.#signer?.fingerprint) void this.#inTurn(() => this.#flush());
        break;
      case 'accepted': {
        const differs = this.#watch.matchOwnLog();
        if (differs) {
          this.#raise(differs.words);
          return;
        }
        break;
      }
      case 'alarm':
        this.#raise(notice.alarm.words);
        return;
      case 'stopped':
        this.#connection = 'stopped';
        // Closed here (a session left, or an alarm raised already): nothing more to say.
        if (this.#subscription) this.#raise(notice.words);
        return;
    }
    this.#tell();
  }

  async #takeCheckpoint(data: unknown): Promise<void> {
    const latest = this.#watch.latest;
    const next = parseCheckpoint(data);
    let proof: string[] = [];
    if (latest && next.ok && next.value.treeSize > latest.treeSize) {
      const fetched = await this.#options.api.consistency(this.#follower.sessionId, latest.treeSize, next.value.treeSize);
      if (!fetched.ok) return;
      proof = fetched.value.proof;
    }
    const taken = await this.#watch.take(data, proof);
    if (!taken.ok) {
      this.#raise(taken.alarm.words);
      return;
    }
    this.#options.memory?.keep(taken.checkpoint);
    this.#tell();
  }

  #raise(words: string): void {
    this.#alarm ??= words;
    const subscription = this.#subscription;
    this.#subscription = null;
    subscription?.close();
    this.#connection = 'stopped';
    this.#tell();
  }

  #tell(): void {
    this.#options.onView(this.view);
  }
}
