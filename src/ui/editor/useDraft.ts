import { useEffect, useReducer, useState } from 'react';
import { keepDraft } from '../../files/draftStore';
import { editDraft, redoDraft, undoDraft } from '../../session/draft/draftEdits';
import type { DraftEdit, ScenarioDraft } from '../../session/draft/scenarioDraft';

type DraftAction =
  | { kind: 'edit'; edit: DraftEdit }
  | { kind: 'undo' }
  | { kind: 'redo' }
  | { kind: 'replace'; draft: ScenarioDraft };

function reduce(draft: ScenarioDraft, action: DraftAction): ScenarioDraft {
  switch (action.kind) {
    case 'edit':
      return editDraft(draft, action.edit);
    case 'undo':
      return undoDraft(draft);
    case 'redo':
      return redoDraft(draft);
    case 'replace':
      return action.draft;
  }
}

/** The draft and its commands; each change kept in the browser as soon as it is drawn. */
export function useDraft(initial: ScenarioDraft) {
  const [draft, dispatch] = useReducer(reduce, initial);
  const [kept, setKept] = useState<ScenarioDraft | null>(null);
  useEffect(() => {
    keepDraft(draft);
    setKept(draft);
  }, [draft]);
  /** `kept`: whether what is on screen is what the browser keeps (a reload now loses nothing). */
  return { draft, dispatch, kept: kept === draft };
}
