/** Fans committed entries, admissions and checkpoints out to every console following a session, in this process. */
import type { Checkpoint } from '../record/checkpointSchema';
import type { Admission, StoredEntry } from '../team/protocol';

export type LiveEvent =
  | { kind: 'entry'; stored: StoredEntry }
  | { kind: 'admission'; admission: Admission }
  | { kind: 'checkpoint'; checkpoint: Checkpoint };
type Listener = (event: LiveEvent) => void;

export class LiveHub {
  readonly #listeners = new Map<string, Set<Listener>>();

  /** Starts delivering `sessionId`'s events to `listener`; returns the unsubscribe. */
  subscribe(sessionId: string, listener: Listener): () => void {
    let listeners = this.#listeners.get(sessionId);
    if (!listeners) {
      listeners = new Set();
      this.#listeners.set(sessionId, listeners);
    }
    listeners.add(listener);
    return () => {
      listeners.delete(listener);
      if (listeners.size === 0) this.#listeners.delete(sessionId);
    };
  }

  /** Called only after the event's transaction committed. */
  publish(sessionId: string, event: LiveEvent): void {
    for (const listener of this.#listeners.get(sessionId) ?? []) listener(event);
  }
}
