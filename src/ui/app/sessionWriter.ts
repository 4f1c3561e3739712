import { fromCallback } from 'xstate';
import type { SessionStore } from '../../files/sessionStore';
import { storageFailure } from '../../files/storageFailure';
import type { AppEvent } from './appTypes';
import { acquireSessionLock, type HeldLock, pageWriterId } from './writerLock';

interface SessionWriterInput {
  sessionId: string;
  store: SessionStore | null;
}

interface Tenure {
  lock: Promise<HeldLock | null>;
  /** Ends a wait for the lock (the session was left, or this tab took it over). */
  waiting?: AbortController;
  releaseTimer?: ReturnType<typeof setTimeout>;
  /** Where the news of this tenure goes: the actor holding it now. */
  tell: (event: AppEvent) => void;
}

/**
 * Per writer actor: its lock outlives a stop followed at once by a restart of the same actor (React's
 * strict mode restarts the app's actor that way), and is released only when it stays stopped.
 */
const held = new WeakMap<object, Tenure>();

/**
 * Holds the open session's lock while this tab records it. A second tab on the same session is told
 * `elsewhere` and shows it read-only until the first lets go or it takes over (`writer.takeOver`
 * steals the lock); the tab it is taken from is told `lost`. Each time, the screen is set to the
 * session as stored at that moment.
 */
export const sessionWriter = fromCallback<{ type: 'writer.takeOver' }, SessionWriterInput, AppEvent>(
  ({ input, receive, sendBack, self }) => {
    const { sessionId: id, store } = input;
    const storedNow = async () => store?.load(id).catch(() => undefined);

    const settle = async (tenure: Tenure) => {
      let lock = await tenure.lock;
      if (!lock && !tenure.waiting) {
        tenure.tell({ type: 'writer.denied', sessionId: id, because: 'elsewhere', stored: await storedNow() });
        tenure.waiting = new AbortController();
        tenure.lock = acquireSessionLock(id, 'wait', tenure.waiting.signal);
        lock = await tenure.lock;
      }
      if (!lock) return;
      try {
        tenure.tell({ type: 'writer.granted', sessionId: id, stored: await store?.claim(id, pageWriterId) });
      } catch (error) {
        tenure.tell({ type: 'writer.granted', sessionId: id, stored: undefined });
        tenure.tell({ type: 'storage.failed', sessionId: id, reason: storageFailure(error) });
      }
      await lock.lost;
      if (held.get(self) === tenure) held.delete(self);
      tenure.tell({ type: 'writer.denied', sessionId: id, because: 'lost', stored: await storedNow() });
    };

    const kept = held.get(self);
    if (kept) {
      clearTimeout(kept.releaseTimer);
      kept.tell = sendBack;
    } else {
      const tenure: Tenure = { lock: acquireSessionLock(id, 'ifAvailable'), tell: sendBack };
      held.set(self, tenure);
      void settle(tenure);
    }

    receive(() => {
      held.get(self)?.waiting?.abort();
      const tenure: Tenure = { lock: acquireSessionLock(id, 'steal'), waiting: new AbortController(), tell: sendBack };
      held.set(self, tenure);
      void settle(tenure);
    });

    return () => {
      const tenure = held.get(self);
      if (!tenure) return;
      tenure.tell = () => {};
      // Deferred: an actor restarted at once keeps the lock.
      tenure.releaseTimer = setTimeout(() => {
        if (held.get(self) === tenure) held.delete(self);
        tenure.waiting?.abort();
        void tenure.lock.then((lock) => lock?.release());
      }, 0);
    };
  },
);
