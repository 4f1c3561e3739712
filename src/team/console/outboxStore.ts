/**
 * Where the outbox keeps its signed appends: an interface the app backs with IndexedDB, so that a
 * reload or a lost server loses nothing signed; and one in memory, for a console that keeps nothing.
 */
import type { AppendRequest } from '../protocol';

export interface OutboxItem<Action> {
  id: string;
  sessionId: string;
  /** Its place in the outbox: sent in this order. */
  order: number;
  /** The append as signed: what is sent. */
  request: AppendRequest;
  /** What the operator did, as the app needs it to re-make the entry on a newer head (stored as data). */
  action: Action;
}

export interface OutboxStore<Action> {
  all(): Promise<OutboxItem<Action>[]>;
  put(item: OutboxItem<Action>): Promise<void>;
  delete(id: string): Promise<void>;
}

/** An outbox store in memory: copies in and out, as a real store's structured clone would make. */
export function memoryOutboxStore<Action>(): OutboxStore<Action> {
  const items = new Map<string, OutboxItem<Action>>();
  return {
    all: async () => [...items.values()].map((item) => structuredClone(item)),
    put: async (item) => {
      items.set(item.id, structuredClone(item));
    },
    delete: async (id) => {
      items.delete(id);
    },
  };
}
