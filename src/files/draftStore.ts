/**
 * The scenario draft being written, kept in the browser's local storage as it is typed (its undo
 * history too): a reload finds it. Storage refused or full: it stays in the page, and Export keeps it.
 */
import type { ScenarioDraft } from '../session/draft/scenarioDraft';

const storageKey = 'crew-return.scenario-draft';

export function keptDraft(): ScenarioDraft | null {
  try {
    const kept = JSON.parse(localStorage.getItem(storageKey) ?? 'null') as ScenarioDraft | null;
    return kept && typeof kept.draftId === 'string' && typeof kept.file === 'object' && Array.isArray(kept.past) ? kept : null;
  } catch {
    return null;
  }
}

/** Whether the browser kept it: storage full or refused keeps it in the page only. */
export function keepDraft(draft: ScenarioDraft): boolean {
  try {
    localStorage.setItem(storageKey, JSON.stringify(draft));
    return true;
  } catch {
    return false;
  }
}
