/** The team console's outbox in the browser's IndexedDB: a reload or a lost server loses nothing signed. */
import type { TeamAction } from '../team/console/logWalkthrough';
import { memoryOutboxStore, type OutboxStore } from '../team/console/outboxStore';
import { openAppDatabase, outboxStore } from './appDatabase';

/** Where IndexedDB is refused, the outbox lives for the page only (and says nothing was lost while it stays open). */
export async function openTeamOutboxStore(): Promise<OutboxStore<TeamAction>> {
  const database = await openAppDatabase().catch(() => null);
  if (!database) return memoryOutboxStore();
  return {
    all: () => database.getAll(outboxStore),
    put: async (item) => {
      await database.put(outboxStore, item);
    },
    delete: (id) => database.delete(outboxStore, id),
  };
}
