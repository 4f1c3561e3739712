/**
 * Maps `items` through an asynchronous `work` with at most `limit` calls in flight. Web Crypto runs
 * each call on a worker thread: a few dozen in flight keep every core busy, while thousands at once
 * only queue (measured: 10,000 Ed25519 verifications take a third longer all at once than 64 at a time).
 */
export async function mapInFlight<T, R>(items: readonly T[], work: (item: T) => Promise<R>, limit = 64): Promise<R[]> {
  const results: R[] = new Array(items.length);
  let next = 0;
  const lane = async () => {
    while (next < items.length) {
      const i = next++;
      results[i] = await work(items[i] as T);
    }
  };
  await Promise.all(Array.from({ length: Math.min(limit, items.length) }, lane));
  return results;
}
