import { type IDBPDatabase, type IDBPTransaction, openDB } from 'idb';
import type { AuditEntry } from '../record/ledger';
import { type PublicKeyRecord, publicHalf } from '../record/signing';

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

/** The operators' keys by whose they are: one name and role may hold several keys, each its own identity. */
export const operatorKeysByActor = 'byActor';

/**
 * Version 1: sessions with their entries inside; 2: one record per entry; 3: opened scenarios;
 * 4: operators' signing keys (private halves non-extractable) and the keys trusted for verifying;
 * 5: operators' keys wrapped under their passphrases, by fingerprint (a version-4 key, usable by
 * anyone at the browser, signs no more: its public half stays trusted so its packets still verify).
 * Each step upgrades from the one before, so a database of any earlier version keeps its sessions.
 */
export function openAppDatabase(): Promise<IDBPDatabase> {
  return openDB(dbName, 5, {
    async upgrade(database, oldVersion, _newVersion, transaction) {
      if (oldVersion < 1) database.createObjectStore(sessionsStore, { keyPath: 'id' });
      if (oldVersion < 2) database.createObjectStore(entriesStore, { keyPath: ['sessionId', 'seq'] });
      if (oldVersion < 3) database.createObjectStore(openedScenariosStore, { keyPath: 'id' });
      if (oldVersion < 4) {
        database.createObjectStore(operatorKeysStore, { keyPath: ['name', 'role'] });
        database.createObjectStore(trustedKeysStore, { keyPath: 'fingerprint' });
      }
      if (oldVersion === 1) await splitEntries(transaction);
      if (oldVersion === 4) await retireUnprotectedKeys(transaction);
      if (oldVersion < 5) {
        if (database.objectStoreNames.contains(operatorKeysStore)) database.deleteObjectStore(operatorKeysStore);
        database
          .createObjectStore(operatorKeysStore, { keyPath: 'fingerprint' })
          .createIndex(operatorKeysByActor, ['name', 'role']);
      }
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

/** Version 4's keys were not under a passphrase: keep their public halves trusted, drop the private ones. */
async function retireUnprotectedKeys(transaction: IDBPTransaction<unknown, string[], 'versionchange'>) {
  const trusted = transaction.objectStore(trustedKeysStore);
  for (const old of (await transaction.objectStore(operatorKeysStore).getAll()) as PublicKeyRecord[]) {
    await trusted.put(publicHalf(old));
  }
}
