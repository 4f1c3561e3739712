import type { InputProblem } from '../session/inputProblem';
import type { OpenedScenario } from '../session/openedScenario';
import { openAppDatabase, openedScenariosStore } from './appDatabase';
import { validateScenario } from './scenarioFile';

/** A stored scenario this version no longer reads: kept until removed, never offered as valid. */
export interface UnreadableScenario {
  id: string;
  fileName: string;
  problems: InputProblem[];
}

interface StoredScenarios {
  readable: OpenedScenario[];
  unreadable: UnreadableScenario[];
}

export interface OpenedScenarioStore {
  /** Every stored scenario, oldest first, each validated again as if its file were opened now. */
  load(): Promise<StoredScenarios>;
  put(opened: OpenedScenario): Promise<void>;
  remove(id: string): Promise<void>;
}

/** Opens the browser's store of scenarios opened from files; rejects where IndexedDB is missing or refused. */
export async function openScenarioStore(available = typeof indexedDB !== 'undefined'): Promise<OpenedScenarioStore> {
  if (!available) throw new Error('this browser offers no IndexedDB');
  const db = await openAppDatabase();
  return {
    async load() {
      const records = (await db.getAll(openedScenariosStore)).sort((a, b) => a.addedUtc.localeCompare(b.addedUtc));
      const stored: StoredScenarios = { readable: [], unreadable: [] };
      for (const { id, ...opened } of records) {
        const parsed = validateScenario(opened.fileName, opened.scenario);
        if (parsed.ok) stored.readable.push({ ...opened, scenario: parsed.value });
        else stored.unreadable.push({ id, fileName: opened.fileName, problems: parsed.problems });
      }
      return stored;
    },
    async put(opened) {
      await db.put(openedScenariosStore, { ...opened, id: opened.scenario.id });
    },
    async remove(id) {
      await db.delete(openedScenariosStore, id);
    },
  };
}
