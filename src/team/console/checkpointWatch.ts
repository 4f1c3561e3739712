/**
 * The console's watch over the server's signed checkpoints of one session's log. A new checkpoint is
 * taken only if it is signed by the server's key and a consistency proof shows that it extends the last
 * one taken (record/checkpoint.ts, `checkExtends`); and its root must be the root of the console's own
 * verified entries at that size (as soon as the console holds that many). Otherwise: an alarm naming
 * the entry, or the entries, that the server's log and the console's disagree on.
 */
import { checkExtends, checkpointHolds, parseCheckpoint, type ServerKey } from '../../record/checkpoint';
import type { Checkpoint } from '../../record/checkpointSchema';
import type { CheckpointSeen } from '../../record/packetSchema';
import type { VerifyingKeys } from '../../record/signing';
import type { SessionFollower } from './sessionFollower';

export interface CheckpointWatchAlarm {
  /** forged, other-log, truncated, rewritten: as `checkExtends` says; differs: not the root of the entries this console verified. */
  kind: 'forged' | 'other-log' | 'truncated' | 'rewritten' | 'differs';
  /** The first entry in question, when one can be named. */
  seq: number | null;
  words: string;
}

export type CheckpointTaken = { ok: true; checkpoint: Checkpoint } | { ok: false; alarm: CheckpointWatchAlarm };

const entryRange = (from: number, to: number) => (from === to ? `Entry ${from}` : `Entries ${from} to ${to}`);

export class CheckpointWatch {
  readonly #serverKey: ServerKey;
  readonly #follower: SessionFollower;
  readonly #keys: VerifyingKeys = new Map();
  #latest: Checkpoint | null;
  /** The largest size at which a checkpoint's root was found equal to the console's own. */
  #matchedSize = 0;

  constructor(serverKey: ServerKey, follower: SessionFollower, latest: Checkpoint | null = null) {
    this.#serverKey = serverKey;
    this.#follower = follower;
    this.#latest = latest;
  }

  get latest(): Checkpoint | null {
    return this.#latest;
  }

  /** What an append countersigns: the last checkpoint taken. */
  get seen(): CheckpointSeen {
    return this.#latest ? { treeSize: this.#latest.treeSize, rootHash: this.#latest.rootHash } : null;
  }

  /** Takes `next` (the server's words) with `proof`, the consistency proof from the last checkpoint taken to it. */
  async take(next: unknown, proof: unknown): Promise<CheckpointTaken> {
    const previous = this.#latest;
    if (previous) {
      const check = await checkExtends(previous, next, proof, this.#serverKey, this.#keys);
      if (!check.ok) {
        const { kind, words, claimedSize } = check.alarm;
        // A truncated log names its first missing entry; a rewritten one says which sizes disagree, in its words.
        const seq = kind === 'truncated' && claimedSize !== null ? claimedSize + 1 : null;
        return { ok: false, alarm: { kind, seq, words } };
      }
      this.#latest = check.checkpoint;
    } else {
      const first = await this.#first(next);
      if (!first.ok) return first;
      this.#latest = first.checkpoint;
    }
    const differs = this.matchOwnLog();
    return differs ? { ok: false, alarm: differs } : { ok: true, checkpoint: this.#latest };
  }

  /**
   * Holds the last checkpoint taken against the console's own entries once it has as many: null when
   * they agree (or the console does not hold that many yet); call again as entries arrive.
   */
  matchOwnLog(): CheckpointWatchAlarm | null {
    const checkpoint = this.#latest;
    if (!checkpoint || checkpoint.treeSize > this.#follower.size || checkpoint.treeSize <= this.#matchedSize) return null;
    if (this.#follower.rootAt(checkpoint.treeSize) === checkpoint.rootHash) {
      this.#matchedSize = checkpoint.treeSize;
      return null;
    }
    // Everything up to the last matching checkpoint agreed; the difference is after it.
    const from = this.#matchedSize + 1;
    return {
      kind: 'differs',
      seq: from,
      words: `${entryRange(from, checkpoint.treeSize)} of session ${checkpoint.log}: the server's signed checkpoint of ${checkpoint.treeSize} entries is not the log this console verified. The server shows different consoles different logs, or changed an entry.`,
    };
  }

  async #first(next: unknown): Promise<CheckpointTaken> {
    const parsed = parseCheckpoint(next);
    const log = this.#follower.sessionId;
    if (!parsed.ok || !(await checkpointHolds(parsed.value, this.#serverKey, this.#keys)))
      return {
        ok: false,
        alarm: {
          kind: 'forged',
          seq: null,
          words: `The server's checkpoint for session ${log} is not signed by the server's key (${this.#serverKey.fingerprint}): do not trust what it shows.`,
        },
      };
    if (parsed.value.log !== log)
      return {
        ok: false,
        alarm: {
          kind: 'other-log',
          seq: null,
          words: `The server answered with the log of session ${parsed.value.log}, not of session ${log} that this console follows.`,
        },
      };
    return { ok: true, checkpoint: parsed.value };
  }
}
