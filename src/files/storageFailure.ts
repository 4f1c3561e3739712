/**
 * What a failed IndexedDB operation means, told by the error's name: Chromium's quota error can come
 * with an empty message, and a transaction's own failure arrives as `tx.error` when it aborts.
 */
const meanings: Record<string, string> = {
  QuotaExceededError: "the browser's storage quota for this site is used up",
  UnknownError: 'the browser could not write to its storage',
  InvalidStateError: 'the connection to the browser storage was closed',
  AbortError: 'the browser aborted the write',
};

export function storageFailure(error: unknown): string {
  const name = error instanceof Error || error instanceof DOMException ? error.name : '';
  const message = error instanceof Error || error instanceof DOMException ? error.message.trim() : String(error ?? '').trim();
  const meaning = meanings[name];
  if (meaning) return `${meaning} (${name})`;
  if (name && message) return `${name}: ${message}`;
  return message || name || 'an unexplained storage failure';
}
