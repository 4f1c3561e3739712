import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { AuditEntry } from '../record/ledger';

/** The app's one IndexedDB database: sessions, their entries, and scenarios opened from files. */
export const dbName = 'crew-return-decision-support';
export const sessionsStore = 'sessions';
export const entriesStore = 'entries';
export const openedScenariosStore = 'openedScenarios';
export const operatorKeysStore = 'operatorKeys';
export const trustedKeysStore = 'trustedKeys';

/** One record of the entries store: an audit entry of a session. */
export interface EntryRecord {
  sessionId: string;
  seq: number;
  entry: AuditEntry;
}

/**
 * Version 1: sessions with their entries inside; 2: one record per entry; 3: opened scenarios;
 * 4: operators' signing keys (private halves non-extractable) and the keys trusted for verifying.
 * Each step upgrades from the one before, so a database of any earlier version keeps its sessions.
 */
export function openAppDatabase(): Promise<IDBPDatabase> {
  return openDB(dbName, 4, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) database.createObjectStore(sessionsStore, { keyPath: 'id' });
      if (oldVersion < 2) database.createObjectStore(entriesStore, { keyPath: ['sessionId', 'seq'] });
      if (oldVersion < 3) database.createObjectStore(openedScenariosStore, { keyPath: 'id' });
      if (oldVersion < 4) {
        database.createObjectStore(operatorKeysStore, { keyPath: ['name', 'role'] });
        database.createObjectStore(trustedKeysStore, { keyPath: 'fingerprint' });
      }
      if (oldVersion === 1) await splitEntries(transaction);
    },
  });
}

/** Version 1 kept each session with all its entries in one record: move the entries out. */
async function splitEntries(transaction: IDBPTransaction<unknown, string[], 'versionchange'>) {
  const sessions = transaction.objectStore(sessionsStore);
  const entries = transaction.objectStore(entriesStore);
  for (const old of (await sessions.getAll()) as { id: string; entries: AuditEntry[] }[]) {
    for (const entry of old.entries) await entries.add({ sessionId: old.id, seq: entry.seq, entry } satisfies EntryRecord);
    const { entries: all, ...session } = old;
    await sessions.put({ ...session, entryCount: all.length, headHash: all.at(-1)?.hash ?? '' });
  }
}
