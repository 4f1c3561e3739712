/**
 * A scenario being written: the file as it stands (valid or not: a draft may be half typed), what it
 * was copied from, and its history for undo and redo. Every edit is an immutable update made with
 * Immer, and kept as the patches that make it and undo it: a 60-event case is never copied whole to
 * remember a keystroke. What the draft means (its problems, its answer) is worked out from the file
 * by the same schema and fold as any scenario's.
 */
import { applyPatches, type Draft, enablePatches, type Patch, produceWithPatches } from 'immer';
import type { Scenario } from '../../../scenarios/schema';

enablePatches();

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** The scenario file as typed so far: JSON, not necessarily a scenario yet. */
type DraftFile = { [key: string]: JsonValue };
/** Where in the file: keys and list indexes, as a problem's path names them. */
type DraftPath = readonly (string | number)[];

/** One edit, as data (what the editor's fields and keys send). */
export type DraftEdit =
  /** A field set to a value; `undefined` removes it. */
  | { kind: 'set'; path: DraftPath; value: JsonValue | undefined }
  | { kind: 'insert'; list: DraftPath; index: number; value: JsonValue }
  | { kind: 'remove'; list: DraftPath; index: number }
  | { kind: 'move'; list: DraftPath; from: number; to: number };

interface HistoryStep {
  redo: Patch[];
  undo: Patch[];
}

export interface ScenarioDraft {
  /** The draft's own id, for keeping it (not the scenario's id, which the author may change). */
  draftId: string;
  file: DraftFile;
  /** The library case it was copied from (a copy is never that case: it is hypothetical, and says so). */
  copiedFrom: { id: string; title: string } | null;
  past: readonly HistoryStep[];
  future: readonly HistoryStep[];
}

/** The most edits kept for undo: enough for an afternoon's work, bounded for a draft kept as typed. */
const historyLimit = 500;

/** A scenario opened as it is, to change and export again (the round trip keeps it as it was). */
export function openDraft(scenario: Scenario, draftId: string): ScenarioDraft {
  return { draftId, file: structuredClone(scenario) as unknown as DraftFile, copiedFrom: null, past: [], future: [] };
}

/** A new case from a library case: hypothetical, its id and title its own, saying what it was copied from. */
export function copyDraft(scenario: Scenario, draftId: string): ScenarioDraft {
  const file = structuredClone(scenario) as unknown as DraftFile;
  file.id = `${scenario.id}-copy`;
  file.title = `${scenario.title} (copy)`;
  file.kind = 'hypothetical';
  file.summary = `A hypothetical case copied from "${scenario.title}" (${scenario.id}), a ${scenario.kind} case. ${scenario.summary}`;
  return { draftId, file, copiedFrom: { id: scenario.id, title: scenario.title }, past: [], future: [] };
}

/** A new case from nothing: the fields every case has, empty, for the author to fill in. */
export function blankDraft(format: number, startUtc: string, draftId: string): ScenarioDraft {
  const file: DraftFile = {
    format,
    id: 'new-case',
    title: '',
    kind: 'hypothetical',
    summary: '',
    sources: {},
    expected: { outcome: 'undecided', finalState: '' },
    setup: { startUtc, damagedVehicle: { id: '', name: '', class: '', launchedUtc: startUtc }, otherVehicles: [], crew: [] },
    events: [],
  };
  return { draftId, file, copiedFrom: null, past: [], future: [] };
}

function containerAt(root: Draft<DraftFile>, path: DraftPath): Record<string | number, unknown> | unknown[] {
  let at: unknown = root;
  for (const key of path) {
    if (typeof at !== 'object' || at === null) throw new RangeError(`no field at ${path.join('.')}`);
    at = (at as Record<string | number, unknown>)[key];
  }
  if (typeof at !== 'object' || at === null) throw new RangeError(`${path.join('.')} holds no fields`);
  return at as Record<string | number, unknown> | unknown[];
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
    case 'move': {
      const list = listAt(file, edit.list);
      if (edit.to < 0 || edit.to >= list.length || edit.from < 0 || edit.from >= list.length) return;
      const [moved] = list.splice(edit.from, 1);
      list.splice(edit.to, 0, moved);
      return;
    }
  }
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

export const canUndo = (draft: ScenarioDraft) => draft.past.length > 0;
export const canRedo = (draft: ScenarioDraft) => draft.future.length > 0;

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

/** The file as `npm run decide` reads it: the draft's JSON, two-space indented, one newline at the end. */
export const draftFileText = (draft: ScenarioDraft) => `${JSON.stringify(draft.file, null, 2)}\n`;
