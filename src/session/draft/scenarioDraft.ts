/**
 * A scenario being written: the file as it stands (valid or not: a draft may be half typed), what it
 * was copied from, and its history for undo and redo. Every edit is an immutable update made with
 * Immer, and kept as the patches that make it and undo it: a 60-event case is never copied whole to
 * remember a keystroke (the edits are in draftEdits.ts). What the draft means (its problems, its answer) is worked out from the file
 * by the same schema and fold as any scenario's.
 */
import type { Patch } from 'immer';
import type { Scenario } from '../../../scenarios/schema';

type JsonValue = null | boolean | number | string | JsonValue[] | { [key: string]: JsonValue };
/** The scenario file as typed so far: JSON, not necessarily a scenario yet. */
export type DraftFile = { [key: string]: JsonValue };
/** Where in the file: keys and list indexes, as a problem's path names them. */
export type DraftPath = readonly (string | number)[];

/** One edit, as data (what the editor's fields and keys send). */
export type DraftEdit =
  /** A field set to a value; `undefined` removes it. */
  | { kind: 'set'; path: DraftPath; value: JsonValue | undefined }
  | { kind: 'insert'; list: DraftPath; index: number; value: JsonValue }
  | { kind: 'remove'; list: DraftPath; index: number }
  | { kind: 'move'; list: DraftPath; from: number; to: number }
  /** A source's key renamed, and every citation of it with it (`sources` lists, `source` fields). */
  | { kind: 'renameSource'; from: string; to: string }
  /** Edits that belong together (a class and the sources it cites): one step to undo. */
  | { kind: 'together'; edits: readonly DraftEdit[] };

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
  /** The file it was opened from, as it was (absent: written in the editor). */
  fileName?: string;
  past: readonly HistoryStep[];
  future: readonly HistoryStep[];
}

/** A scenario opened as it is, to change and export again (the round trip keeps it as it was). */
export function openDraft(scenario: Scenario, draftId: string): ScenarioDraft {
  return { draftId, file: structuredClone(scenario) as unknown as DraftFile, copiedFrom: null, past: [], future: [] };
}

/** A file opened as it is, whatever it holds: the editor shows its problems at their fields. */
export function fileDraft(file: Record<string, unknown>, fileName: string, draftId: string): ScenarioDraft {
  return { draftId, file: structuredClone(file) as DraftFile, copiedFrom: null, fileName, past: [], future: [] };
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

export const canUndo = (draft: ScenarioDraft) => draft.past.length > 0;
export const canRedo = (draft: ScenarioDraft) => draft.future.length > 0;

/** The file as `npm run decide` reads it: the draft's JSON, two-space indented, one newline at the end. */
export const draftFileText = (draft: ScenarioDraft) => `${JSON.stringify(draft.file, null, 2)}\n`;
