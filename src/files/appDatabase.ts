import { type DBSchema, type IDBPDatabase, type IDBPTransaction, openDB, type StoreNames } from 'idb';
import type { WrappedKey } from '../record/keyWrap';
import type { AuditEntry } from '../record/ledger';
import { type PublicKeyRecord, publicHalf } from '../record/signing';
import type { TrustedKeyRecord } from '../record/trust';
import type { Actor } from '../session/model';
import type { OpenedScenario } from '../session/openedScenario';
import type { Walkthrough } from '../session/walkthrough';
import type { TeamAction } from '../team/console/logWalkthrough';
import type { OutboxItem } from '../team/console/outboxStore';

/** The app's one IndexedDB database: sessions, their entries, and scenarios opened from files. */
export const dbName = 'crew-return-decision-support';
export const sessionsStore = 'sessions';
export const entriesStore = 'entries';
export const openedScenariosStore = 'openedScenarios';
export const operatorKeysStore = 'operatorKeys';
export const trustedKeysStore = 'trustedKeys';
/** The team console's signed appends not yet acknowledged by the server. */
export const outboxStore = 'outbox';
/** The operators' keys by whose they are: one name and role may hold several keys, each its own identity. */
export const operatorKeysByActor = 'byActor';

/** What the sessions store keeps per session; its entries live in their own store, one record each. */
export interface SessionRecord {
  id: string;
  walkthrough: Walkthrough;
  operator: Actor | null;
  updatedUtc: string;
  entryCount: number;
  headHash: string;
  /** The page that last claimed the session: only it may write it (absent until one claims it). */
  writer?: string;
}

/** One record of the entries store: an audit entry of a session. */
interface EntryRecord {
  sessionId: string;
  seq: number;
  entry: AuditEntry;
}

/** What the store keeps per opened scenario, keyed by the id it has in the library. */
interface OpenedScenarioRecord extends OpenedScenario {
  id: string;
}

/** An operator's key as stored: the public record and the private half under their passphrase. */
export type StoredOperatorKey = PublicKeyRecord & { wrapped: WrappedKey };

/** The stores as of version 6, each with the records it holds: reads and writes are typed by store name. */
interface AppDatabase extends DBSchema {
  [sessionsStore]: { key: string; value: SessionRecord };
  [entriesStore]: { key: [sessionId: string, seq: number]; value: EntryRecord };
  [openedScenariosStore]: { key: string; value: OpenedScenarioRecord };
  [operatorKeysStore]: {
    key: string;
    value: StoredOperatorKey;
    indexes: { [operatorKeysByActor]: [name: string, role: string] };
  };
  [trustedKeysStore]: { key: string; value: TrustedKeyRecord };
  [outboxStore]: { key: string; value: OutboxItem<TeamAction> };
}

export type AppDatabaseConnection = IDBPDatabase<AppDatabase>;
export type AppTransaction<Mode extends IDBTransactionMode> = IDBPTransaction<AppDatabase, StoreNames<AppDatabase>[], Mode>;

/**
 * Version 1: sessions with their entries inside; 2: one record per entry; 3: opened scenarios;
 * 4: operators' signing keys (private halves non-extractable) and the keys trusted for verifying;
 * 5: operators' keys wrapped under their passphrases, by fingerprint (a version-4 key, usable by
 * anyone at the browser, signs no more: its public half stays trusted so its packets still verify);
 * 6: the team console's outbox.
 * Each step upgrades from the one before, so a database of any earlier version keeps its sessions.
 */
export function openAppDatabase(): Promise<AppDatabaseConnection> {
  return openDB<AppDatabase>(dbName, 6, {
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
      if (oldVersion < 6) database.createObjectStore(outboxStore, { keyPath: 'id' });
    },
  });
}

/** A session record as version 1 wrote it: its entries inside, no count or head of its own. */
type Version1SessionRecord = Omit<SessionRecord, 'entryCount' | 'headHash' | 'writer'> & { entries: AuditEntry[] };

const keepsEntriesInside = (record: SessionRecord | Version1SessionRecord): record is Version1SessionRecord =>
  'entries' in record && Array.isArray(record.entries);

/** Version 1 kept each session with all its entries in one record: move the entries out. */
async function splitEntries(transaction: AppTransaction<'versionchange'>) {
  const sessions = transaction.objectStore(sessionsStore);
  const entries = transaction.objectStore(entriesStore);
  for (const old of await sessions.getAll()) {
    if (!keepsEntriesInside(old)) continue;
    for (const entry of old.entries) await entries.add({ sessionId: old.id, seq: entry.seq, entry });
    const { entries: all, ...session } = old;
    await sessions.put({ ...session, entryCount: all.length, headHash: all.at(-1)?.hash ?? '' });
  }
}

/**
 * Version 4's keys were not under a passphrase: keep their public halves trusted, drop the private ones.
 * Its records hold a public key record and a private key (not a wrapped one): only the public half is read.
 */
async function retireUnprotectedKeys(transaction: AppTransaction<'versionchange'>) {
  const trusted = transaction.objectStore(trustedKeysStore);
  for (const old of await transaction.objectStore(operatorKeysStore).getAll()) await trusted.put(publicHalf(old));
}
