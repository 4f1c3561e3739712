import type { AuditEntry } from '../record/ledger';
import { validateThresholdValues } from '../session/model';
import type { Walkthrough } from '../session/walkthrough';
import { type AppTransaction, entriesStore, openAppDatabase, type SessionRecord, sessionsStore } from './appDatabase';
import { validateScenario } from './scenarioFile';

/** A session as kept in the browser: the walkthrough, its trail and who is operating. */
export interface StoredSession extends Omit<SessionRecord, 'entryCount' | 'headHash' | 'writer'> {
  entries: AuditEntry[];
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

/** The session was claimed by another page (a tab that took over): this one must not write it again. */
export class NotWriterError extends Error {
  override name = 'NotWriterError';
  constructor(id: string) {
    super(`another tab has taken over session ${id}`);
  }
}

export interface SessionStore {
  /**
   * Writes the session and those of its entries not stored yet, in one transaction; stored entries
   * are never rewritten. Rejects with NotWriterError, writing nothing, when another page has claimed it.
   */
  save(session: StoredSession, writer: string): Promise<void>;
  /**
   * Makes `writer` the session's only writer and returns the session as stored at that moment (undefined
   * when it is not stored yet): every write of the page that held it before is either in what is
   * returned or refused.
   */
  claim(id: string, writer: string): Promise<StoredSession | undefined>;
  load(id: string): Promise<StoredSession | undefined>;
  latest(): Promise<StoredSession | undefined>;
  list(): Promise<SessionSummary[]>;
}

export const sessionIdOf = (walkthrough: Walkthrough) => `${walkthrough.scenario.id}@${walkthrough.openedUtc}`;

/** Opens the browser's session store; rejects where IndexedDB is missing or refused (private mode). */
export async function openSessionStore(available = typeof indexedDB !== 'undefined'): Promise<SessionStore> {
  if (!available) throw new Error('this browser offers no IndexedDB');
  const db = await openAppDatabase();

  const loadEntries = async (sessionId: string) => (await db.getAll(entriesStore, entriesOf(sessionId))).map((r) => r.entry);
  const withEntries = async (record: SessionRecord | undefined): Promise<StoredSession | undefined> => {
    if (!record || !restorable(record)) return undefined;
    const { entryCount: _, headHash: __, writer: ___, ...session } = record;
    return { ...session, entries: await loadEntries(record.id) };
  };
  const newestFirst = async () => (await db.getAll(sessionsStore)).sort((a, b) => b.updatedUtc.localeCompare(a.updatedUtc));

  return {
    async save({ entries, ...session }, writer) {
      const tx = db.transaction([sessionsStore, entriesStore], 'readwrite');
      try {
        const stored = await tx.objectStore(sessionsStore).get(session.id);
        if (stored?.writer !== undefined && stored.writer !== writer) throw new NotWriterError(session.id);
        const entryStore = tx.objectStore(entriesStore);
        for (const entry of entries.slice(stored?.entryCount ?? 0)) {
          await entryStore.add({ sessionId: session.id, seq: entry.seq, entry });
        }
        const entryCount = Math.max(stored?.entryCount ?? 0, entries.length);
        const headHash = entries.length >= entryCount ? (entries.at(-1)?.hash ?? '') : (stored?.headHash ?? '');
        await tx.objectStore(sessionsStore).put({ ...session, entryCount, headHash, writer });
        // A quota or disk failure is known only when the transaction commits: tx.done rejects with tx.error.
        await tx.done;
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    },
    async claim(id, writer) {
      const tx = db.transaction([sessionsStore, entriesStore], 'readwrite');
      try {
        const record = await tx.objectStore(sessionsStore).get(id);
        if (!record) return undefined;
        await tx.objectStore(sessionsStore).put({ ...record, writer });
        const entries = (await tx.objectStore(entriesStore).getAll(entriesOf(id))).map((r) => r.entry);
        await tx.done;
        const { entryCount: _, headHash: __, writer: ___, ...session } = record;
        return { ...session, entries };
      } catch (error) {
        abortQuietly(tx);
        throw error;
      }
    },
    async load(id) {
      return withEntries(await db.get(sessionsStore, id));
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

/** The keys of a session's entries, in order: `[sessionId, seq]` for every seq. */
const entriesOf = (sessionId: string) => IDBKeyRange.bound([sessionId, 0], [sessionId, Number.MAX_SAFE_INTEGER]);

/** Ends a failed transaction, writing nothing; its `done` has already told (or will tell) why. */
function abortQuietly(tx: Pick<AppTransaction<'readwrite'>, 'done' | 'abort'>) {
  tx.done.catch(() => {});
  try {
    tx.abort();
  } catch {
    // Already finished or aborted by the browser.
  }
}

/** Sessions are kept as written; one whose scenario or thresholds this version cannot read stays stored, unopened. */
function restorable(record: SessionRecord): boolean {
  const { scenario, profile } = record.walkthrough;
  return validateScenario('stored session', scenario).ok && validateThresholdValues(profile.values).length === 0;
}
