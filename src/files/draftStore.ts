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

export function keepDraft(draft: ScenarioDraft): void {
  try {
    localStorage.setItem(storageKey, JSON.stringify(draft));
  } catch {
    // Kept in the page only.
  }
}
