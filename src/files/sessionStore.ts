import type { AuditEntry } from '../record/ledger';
import type { Actor } from '../session/model';
import { validateThresholdValues } from '../session/model';
import type { Walkthrough } from '../session/walkthrough';
import { type EntryRecord, entriesStore, openAppDatabase, sessionsStore } from './appDatabase';
import { validateScenario } from './scenarioFile';

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
  /** False for a session whose scenario or profile this version no longer reads (written by an earlier one). */
  restorable: boolean;
}

/** What the sessions store keeps per session; its entries live in their own store, one record each. */
interface SessionRecord extends Omit<StoredSession, 'entries'> {
  entryCount: number;
  headHash: string;
}

export interface SessionStore {
  /** Writes the session and those of its entries not stored yet; stored entries are never rewritten. */
  save(session: StoredSession): Promise<void>;
  load(id: string): Promise<StoredSession | undefined>;
  latest(): Promise<StoredSession | undefined>;
  list(): Promise<SessionSummary[]>;
}

export const sessionIdOf = (walkthrough: Walkthrough) => `${walkthrough.scenario.id}@${walkthrough.openedUtc}`;

/** Opens the browser's session store; rejects where IndexedDB is missing or refused (private mode). */
export async function openSessionStore(available = typeof indexedDB !== 'undefined'): Promise<SessionStore> {
  if (!available) throw new Error('this browser offers no IndexedDB');
  const db = await openAppDatabase();

  const loadEntries = async (sessionId: string) =>
    (
      (await db.getAll(entriesStore, IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]))) as EntryRecord[]
    ).map((r) => r.entry);
  const withEntries = async (record: SessionRecord | undefined): Promise<StoredSession | undefined> => {
    if (!record || !restorable(record)) return undefined;
    const { entryCount: _, headHash: __, ...session } = record;
    return { ...session, entries: await loadEntries(record.id) };
  };
  const newestFirst = async () =>
    ((await db.getAll(sessionsStore)) as SessionRecord[]).sort((a, b) => b.updatedUtc.localeCompare(a.updatedUtc));

  return {
    async save({ entries, ...session }) {
      const tx = db.transaction([sessionsStore, entriesStore], 'readwrite');
      const stored = (await tx.objectStore(sessionsStore).get(session.id)) as SessionRecord | undefined;
      const entryStore = tx.objectStore(entriesStore);
      for (const entry of entries.slice(stored?.entryCount ?? 0)) {
        await entryStore.add({ sessionId: session.id, seq: entry.seq, entry } satisfies EntryRecord);
      }
      const entryCount = Math.max(stored?.entryCount ?? 0, entries.length);
      const headHash = entries.length >= entryCount ? (entries.at(-1)?.hash ?? '') : (stored?.headHash ?? '');
      await tx.objectStore(sessionsStore).put({ ...session, entryCount, headHash } satisfies SessionRecord);
      await tx.done;
    },
    async load(id) {
      return withEntries((await db.get(sessionsStore, id)) as SessionRecord | undefined);
    },
    async latest() {
      return withEntries((await newestFirst()).find(restorable));
    },
    async list() {
      return (await newestFirst()).map((s) => ({
        id: s.id,
        title: s.walkthrough.scenario.title,
        openedUtc: s.walkthrough.openedUtc,
        updatedUtc: s.updatedUtc,
        entryCount: s.entryCount,
        headHash: s.headHash,
        restorable: restorable(s),
      }));
    },
  };
}

/** Sessions are kept as written; one whose scenario or thresholds this version cannot read stays stored, unopened. */
function restorable(record: SessionRecord): boolean {
  const { scenario, profile } = record.walkthrough;
  return validateScenario('stored session', scenario).ok && validateThresholdValues(profile.values).length === 0;
}
