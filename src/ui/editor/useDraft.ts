import { useEffect, useReducer, useRef, useState } from 'react';
import { scenarioFormat } from '../../../scenarios/shape';
import { keepDraft, keptDraft } from '../../files/draftStore';
import { editDraft, redoDraft, undoDraft } from '../../session/draft/draftEdits';
import { blankDraft, copyDraft, type DraftEdit, fileDraft, type ScenarioDraft } from '../../session/draft/scenarioDraft';
import { whenIdle } from '../shared/whenIdle';
import type { EditorRequest } from './editorRequest';

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

/** Requests already opened in this page: opening one again (back from another view) resumes its draft. */
const opened = new Set<string>();

/** The draft a request opens: a new blank or copied one the first time, else the one kept in this browser. */
function draftFor(request: EditorRequest): ScenarioDraft {
  const blank = () => blankDraft(scenarioFormat, new Date().toISOString(), crypto.randomUUID());
  if (request.start === 'copy' && !opened.has(request.id)) return copyDraft(request.from, crypto.randomUUID());
  if (request.start === 'blank' && !opened.has(request.id)) return blank();
  if (request.start === 'file' && !opened.has(request.id)) return fileDraft(request.file, request.fileName, crypto.randomUUID());
  return keptDraft() ?? blank();
}

/** The draft and its commands; each change kept in the browser as soon as it is drawn. */
export function useDraft(request: EditorRequest) {
  const [draft, dispatch] = useReducer(reduce, request, draftFor);
  const [kept, setKept] = useState<{ draft: ScenarioDraft; ok: boolean } | null>(null);
  const latest = useRef(draft);
  latest.current = draft;
  // Leaving the editor keeps what is on screen, whether or not the page was idle since the last edit.
  useEffect(() => () => void keepDraft(latest.current), []);
  useEffect(() => {
    opened.add(request.id);
    // Written when the page is idle, not in the key press's frame (a long case with its history is
    // tens of kB of JSON); a page hidden or closed before then writes it at once.
    const keep = () => setKept({ draft, ok: keepDraft(draft) });
    const cancel = whenIdle(keep, 300);
    const keepNow = () => {
      cancel();
      keep();
    };
    addEventListener('pagehide', keepNow);
    return () => {
      cancel();
      removeEventListener('pagehide', keepNow);
    };
  }, [draft, request.id]);
  /**
   * `kept`: whether what is on screen is what the browser keeps (a reload now loses nothing); 'refused'
   * when the browser's storage would not take it (full, or turned off).
   */
  const keeping = kept?.draft !== draft ? 'keeping' : kept.ok ? 'kept' : 'refused';
  return { draft, dispatch, kept: keeping } as const;
}
