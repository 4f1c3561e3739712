/**
 * Edits of a scenario draft, as immutable updates made with Immer: each kept as the patches that make
 * it and undo it (its own module, so that the page loads Immer only with the editor).
 */
import { applyPatches, type Draft, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { DraftEdit, DraftFile, DraftPath, ScenarioDraft } from './scenarioDraft';

enablePatches();

/** The most edits kept for undo: enough for an afternoon's work, bounded for a draft kept as typed. */
const historyLimit = 500;

function containerAt(root: Draft<DraftFile>, path: DraftPath): Record<string | number, unknown> | unknown[] {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) throw new RangeError(`no field at ${path.join('.')}`);
    at = (at as Record<string | number, unknown>)[key];
  }
  if (typeof at !== 'object' || at === null) throw new RangeError(`${path.join('.')} holds no fields`);
  return at as Record<string | number, unknown> | unknown[];
}

/** A field set inside an object not there yet (a finding's first value) makes the object: one edit, one undo. */
function makeObjectsOnTheWay(root: Draft<DraftFile>, path: DraftPath): void {
  let at: Record<string | number, unknown> = root;
  for (const key of path) {
    const next = at[key];
    if (next === undefined && typeof key === 'string' && !Array.isArray(at)) at[key] = {};
    else if (typeof next !== 'object' || next === null) return;
    at = at[key] as Record<string | number, unknown>;
  }
}

function listAt(root: Draft<DraftFile>, path: DraftPath): unknown[] {
  const list = containerAt(root, path);
  if (!Array.isArray(list)) throw new RangeError(`${path.join('.')} is not a list`);
  return list;
}

function apply(file: Draft<DraftFile>, edit: DraftEdit): void {
  switch (edit.kind) {
    case 'set': {
      const key = edit.path.at(-1);
      if (key === undefined) throw new RangeError('a field to set');
      if (edit.value !== undefined) makeObjectsOnTheWay(file, edit.path.slice(0, -1));
      const parent = containerAt(file, edit.path.slice(0, -1)) as Record<string | number, unknown>;
      if (edit.value === undefined) delete parent[key];
      else parent[key] = edit.value;
      return;
    }
    case 'insert':
      listAt(file, edit.list).splice(Math.max(0, Math.min(edit.index, listAt(file, edit.list).length)), 0, edit.value);
      return;
    case 'remove':
      listAt(file, edit.list).splice(edit.index, 1);
      return;
    case 'renameSource':
      renameSource(file, edit.from, edit.to);
      return;
    case 'together':
      for (const each of edit.edits) apply(file, each);
      return;
    case 'move': {
      const list = listAt(file, edit.list);
      if (edit.to < 0 || edit.to >= list.length || edit.from < 0 || edit.from >= list.length) return;
      const [moved] = list.splice(edit.from, 1);
      list.splice(edit.to, 0, moved);
      return;
    }
  }
}

function renameSource(file: Draft<DraftFile>, from: string, to: string): void {
  const sources = file.sources;
  if (typeof sources !== 'object' || sources === null || Array.isArray(sources) || !(from in sources) || to in sources) return;
  file.sources = Object.fromEntries(Object.entries(sources).map(([key, citation]) => [key === from ? to : key, citation]));
  const cite = (value: unknown) => {
    if (Array.isArray(value)) for (const item of value) cite(item);
    else if (typeof value === 'object' && value !== null) {
      const fields = value as Record<string, unknown>;
      for (const [key, v] of Object.entries(fields)) {
        if (key === 'source' && v === from) fields[key] = to;
        else if (key === 'sources' && Array.isArray(v)) {
          if (v.includes(from)) fields[key] = v.map((s) => (s === from ? to : s));
        } else cite(v);
      }
    }
  };
  cite(file.setup);
  cite(file.events);
}

/**
 * The draft after `edit`, the edit remembered for undo (and anything undone before it forgotten). An
 * edit of a field that is not there (a list item removed meanwhile) changes nothing.
 */
export function editDraft(draft: ScenarioDraft, edit: DraftEdit): ScenarioDraft {
  let made: readonly [DraftFile, Patch[], Patch[]];
  try {
    made = produceWithPatches(draft.file, (d) => apply(d, edit));
  } catch (error) {
    if (error instanceof RangeError) return draft;
    throw error;
  }
  const [file, redo, undo] = made;
  if (redo.length === 0) return draft;
  return { ...draft, file, past: [...draft.past, { redo, undo }].slice(-historyLimit), future: [] };
}

export function undoDraft(draft: ScenarioDraft): ScenarioDraft {
  const step = draft.past.at(-1);
  if (!step) return draft;
  return { ...draft, file: applyPatches(draft.file, step.undo), past: draft.past.slice(0, -1), future: [step, ...draft.future] };
}

export function redoDraft(draft: ScenarioDraft): ScenarioDraft {
  const [step, ...rest] = draft.future;
  if (!step) return draft;
  return { ...draft, file: applyPatches(draft.file, step.redo), past: [...draft.past, step], future: rest };
}
