/**
 * The Web Locks the writer lock asks for (navigator.locks), for Node where there are none: exclusive
 * locks by name, `ifAvailable`, `steal` (the holder's request rejects with AbortError) and a wait
 * that a signal aborts, as the Web Locks API specifies them. Every tab of a test shares it, as the
 * tabs of one browser share theirs.
 */
type Grant = (lock: { name: string } | null) => Promise<unknown> | unknown;

export function webLocks() {
  const holders = new Map<string, symbol>();
  const queues = new Map<string, (() => void)[]>();
  const next = (name: string) => queues.get(name)?.shift()?.();

  const request = (
    name: string,
    options: { ifAvailable?: boolean; steal?: boolean; signal?: AbortSignal },
    callback: Grant,
  ): Promise<unknown> =>
    new Promise((resolve, reject) => {
      const take = () => {
        const me = Symbol(name);
        holders.set(name, me);
        stolen.set(me, reject);
        Promise.resolve(callback({ name })).then((value) => {
          if (holders.get(name) === me) {
            holders.delete(name);
            next(name);
          }
          resolve(value);
        }, reject);
      };
      const holder = holders.get(name);
      if (options.steal) {
        if (holder) stolen.get(holder)?.(new DOMException('the lock was stolen', 'AbortError'));
        return take();
      }
      if (!holder) return take();
      if (options.ifAvailable) return void Promise.resolve(callback(null)).then(resolve, reject);
      const queue = queues.get(name) ?? [];
      queues.set(name, queue);
      queue.push(take);
      options.signal?.addEventListener('abort', () => {
        const at = queue.indexOf(take);
        if (at >= 0) queue.splice(at, 1);
        reject(new DOMException('the wait was aborted', 'AbortError'));
      });
    });
  const stolen = new Map<symbol, (error: unknown) => void>();
  return { request };
}
