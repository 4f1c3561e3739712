import { useCallback, useEffect, useRef } from 'react';
import type { SessionStore } from '../../files/sessionStore';
import { storageFailure } from '../../files/storageFailure';
import type { AppEvent } from './appMachine';
import { acquireSessionLock, type HeldLock, pageWriterId } from './writerLock';

interface Tenure {
  lock: Promise<HeldLock | null>;
  /** Ends a wait for the lock (the session was left, or this tab took it over). */
  waiting?: AbortController;
  releaseTimer?: ReturnType<typeof setTimeout>;
}

/**
 * Holds the open session's lock while this tab records it. A second tab on the same session is
 * told `elsewhere` and shows it read-only until the first lets go or it takes over (`takeOver`
 * steals the lock); the tab it is taken from is told `lost`. Each time, the screen is set to the
 * session as stored at that moment.
 */
export function useSessionWriter(sessionId: string | null, store: SessionStore | null, send: (event: AppEvent) => void) {
  const held = useRef(new Map<string, Tenure>());

  const settle = useCallback(
    async (id: string, tenure: Tenure) => {
      const storedNow = async () => store?.load(id).catch(() => undefined);
      let lock = await tenure.lock;
      if (!lock && !tenure.waiting) {
        send({ type: 'writer.denied', sessionId: id, because: 'elsewhere', stored: await storedNow() });
        tenure.waiting = new AbortController();
        tenure.lock = acquireSessionLock(id, 'wait', tenure.waiting.signal);
        lock = await tenure.lock;
      }
      if (!lock) return;
      try {
        send({ type: 'writer.granted', sessionId: id, stored: await store?.claim(id, pageWriterId) });
      } catch (error) {
        send({ type: 'writer.granted', sessionId: id, stored: undefined });
        send({ type: 'storage.failed', sessionId: id, reason: storageFailure(error) });
      }
      await lock.lost;
      if (held.current.get(id) === tenure) held.current.delete(id);
      send({ type: 'writer.denied', sessionId: id, because: 'lost', stored: await storedNow() });
    },
    [store, send],
  );

  useEffect(() => {
    if (!sessionId) return;
    const kept = held.current.get(sessionId);
    if (kept) clearTimeout(kept.releaseTimer);
    else {
      const tenure: Tenure = { lock: acquireSessionLock(sessionId, 'ifAvailable') };
      held.current.set(sessionId, tenure);
      void settle(sessionId, tenure);
    }
    return () => {
      const tenure = held.current.get(sessionId);
      if (!tenure) return;
      // Deferred: React runs an effect twice in development, and the lock must survive that.
      tenure.releaseTimer = setTimeout(() => {
        held.current.delete(sessionId);
        tenure.waiting?.abort();
        void tenure.lock.then((lock) => lock?.release());
      }, 0);
    };
  }, [sessionId, settle]);

  return useCallback(() => {
    if (!sessionId) return;
    held.current.get(sessionId)?.waiting?.abort();
    const tenure: Tenure = { lock: acquireSessionLock(sessionId, 'steal'), waiting: new AbortController() };
    held.current.set(sessionId, tenure);
    void settle(sessionId, tenure);
  }, [sessionId, settle]);
}
