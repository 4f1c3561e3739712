import { type IDBPDatabase, openDB } from 'idb';
import type { Actor } from '../../machines/types';
import type { AuditEntry } from './audit';
import type { Walkthrough } from './walkthrough';

/** A session as kept in the browser: the walkthrough, its trail and who is operating. */
export interface StoredSession {
  id: string;
  walkthrough: Walkthrough;
  entries: AuditEntry[];
  operator: Actor | null;
  updatedUtc: string;
}

export interface SessionSummary {
  id: string;
  title: string;
  openedUtc: string;
  updatedUtc: string;
  entryCount: number;
  headHash: string;
}

const dbName = 'crew-return-decision-support';
const storeName = 'sessions';

export interface SessionStore {
  save(session: StoredSession): Promise<void>;
  load(id: string): Promise<StoredSession | undefined>;
  latest(): Promise<StoredSession | undefined>;
  list(): Promise<SessionSummary[]>;
}

export const sessionIdOf = (walkthrough: Walkthrough) => `${walkthrough.scenario.id}@${walkthrough.openedUtc}`;

/** Opens the browser's session store; rejects where IndexedDB is missing or refused (private mode). */
export async function openSessionStore(available = typeof indexedDB !== 'undefined'): Promise<SessionStore> {
  if (!available) throw new Error('this browser offers no IndexedDB');
  const db: IDBPDatabase = await openDB(dbName, 1, {
    upgrade(database) {
      database.createObjectStore(storeName, { keyPath: 'id' });
    },
  });
  const all = async () => (await db.getAll(storeName)) as StoredSession[];
  return {
    async save(session) {
      await db.put(storeName, session);
    },
    async load(id) {
      return (await db.get(storeName, id)) as StoredSession | undefined;
    },
    async latest() {
      return (await all()).sort((a, b) => b.updatedUtc.localeCompare(a.updatedUtc))[0];
    },
    async list() {
      return (await all())
        .sort((a, b) => b.updatedUtc.localeCompare(a.updatedUtc))
        .map((s) => ({
          id: s.id,
          title: s.walkthrough.scenario.title,
          openedUtc: s.walkthrough.openedUtc,
          updatedUtc: s.updatedUtc,
          entryCount: s.entries.length,
          headHash: s.entries.at(-1)?.hash ?? '',
        }));
    },
  };
}
