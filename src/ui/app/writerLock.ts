/**
 * One writer per session, across the tabs of this browser: a Web Lock named after the session is
 * held while this page records it. `steal` takes it from the tab that holds it, whose request then
 * fails with AbortError. The store's claim (sessionStore) fences the writes themselves.
 */

/** This page, as the store's claims name it. */
export const pageWriterId =
  typeof crypto !== 'undefined' && 'randomUUID' in crypto ? crypto.randomUUID() : `${Date.now()}-${Math.random()}`;

export interface HeldLock {
  release: () => void;
  /** Settles when another tab takes the lock (never, where the browser has no Web Locks). */
  lost: Promise<void>;
}

/**
 * The session's lock: at once or null (`ifAvailable`), taken from its holder (`steal`), or once its
 * holder lets go (`wait`, until `signal` aborts; then null).
 */
export function acquireSessionLock(
  sessionId: string,
  mode: 'ifAvailable' | 'steal' | 'wait',
  signal?: AbortSignal,
): Promise<HeldLock | null> {
  if (typeof navigator === 'undefined' || !navigator.locks) {
    return Promise.resolve({ release: () => {}, lost: new Promise<void>(() => {}) });
  }
  return new Promise((resolve) => {
    let release = () => {};
    const released = new Promise<void>((done) => {
      release = done;
    });
    let markLost = () => {};
    const lost = new Promise<void>((done) => {
      markLost = done;
    });
    const options =
      mode === 'steal' ? { steal: true } : mode === 'ifAvailable' ? { ifAvailable: true } : signal ? { signal } : {};
    let granted = false;
    navigator.locks
      .request(`crew-return-session:${sessionId}`, options, (lock) => {
        if (!lock) return resolve(null);
        granted = true;
        resolve({ release, lost });
        return released;
      })
      .catch((error: unknown) => {
        if (!granted) resolve(null);
        else if (error instanceof DOMException && error.name === 'AbortError') markLost();
      });
  });
}
