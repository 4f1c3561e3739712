import { useCallback, useEffect, useState, useSyncExternalStore } from 'react';
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

/**
 * The draft as typed: every edit applied the moment it is made, before the page draws it. The page
 * follows (a field's key press in a transition after its frame), but what the browser keeps, and the
 * word on whether it is kept, read this: an edit still on its way to the screen is never lost.
 */
export class TypedDraft {
  private readonly listeners = new Set<() => void>();
  constructor(public current: ScenarioDraft) {}
  apply(action: DraftAction) {
    this.current = reduce(this.current, action);
    for (const listener of this.listeners) listener();
    return this.current;
  }
  subscribe = (listener: () => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };
  read = () => this.current;
}

/** Draws a change: at once, or (a field's key press) in the field's own transition. */
export type Landing = (draw: () => void) => void;
type DraftDispatch = (action: DraftAction, landing?: Landing) => void;
/** The draft last written to the browser's storage, and whether the storage took it. */
export type KeptDraft = { draft: ScenarioDraft; ok: boolean } | null;

/**
 * The draft and its commands; each change kept in the browser once the page is idle after it.
 * `kept`: whether the draft as typed is what the browser keeps (a reload now loses nothing);
 * 'refused' when the browser's storage would not take it (full, or turned off).
 */
export function useDraft(request: EditorRequest) {
  const [typed] = useState(() => new TypedDraft(draftFor(request)));
  const [draft, setDraft] = useState(typed.current);
  const [kept, setKept] = useState<KeptDraft>(null);
  const dispatch = useCallback<DraftDispatch>(
    (action, landing = (draw) => draw()) => {
      const next = typed.apply(action);
      landing(() => setDraft(next));
    },
    [typed],
  );
  // Leaving the editor keeps what was typed, whether or not the page was idle since the last edit.
  useEffect(() => () => void keepDraft(typed.current), [typed]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: each drawing of the draft (what the page has caught up to) schedules keeping the draft as typed
  useEffect(() => {
    opened.add(request.id);
    // Written when the page is idle, not in the key press's frame (a long case with its history is
    // tens of kB of JSON); a page hidden or closed before then writes it at once.
    const keep = () => setKept({ draft: typed.current, ok: keepDraft(typed.current) });
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
  }, [draft, typed, request.id]);
  return { draft, dispatch, typed, kept } as const;
}

/** Whether the draft as typed is kept: read at each edit, without drawing more of the page than the word. */
export function useKept(typed: TypedDraft, kept: KeptDraft) {
  const typedNow = useSyncExternalStore(typed.subscribe, typed.read);
  return kept?.draft !== typedNow ? 'keeping' : kept.ok ? 'kept' : 'refused';
}
