/**
 * The editor's fields: each shows a part of the draft file at a path, sends each change as one
 * undoable edit, and shows beside it the problems the scenario schema and checks find there. What is
 * typed is never lost: a number or JSON not yet readable stays as typed, with what was expected.
 */
import { memo, type ReactNode, useId, useState, useTransition } from 'react';
import { problemWords } from '../../reports/format';
import type { DraftChoices } from '../../session/draft/draftChoices';
import type { DraftEdit, DraftFile, DraftPath } from '../../session/draft/scenarioDraft';
import { formatPath, type InputProblem } from '../../session/inputProblem';
import type { Landing } from './useDraft';

/** Sends an edit; `landing` draws it (a field's key press: in the field's own transition, after its frame). */
export type Dispatcher = (action: { kind: 'edit'; edit: DraftEdit }, landing?: Landing) => void;
type JsonValue = Extract<DraftEdit, { kind: 'set' }>['value'];

/** The problems at a field or inside it, in the words the scenario checks use. */
export const problemsAt = (problems: readonly InputProblem[], path: DraftPath) => {
  const at = formatPath(path);
  return problems.filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`));
};

/**
 * Whether a field would draw the same: its value the same, its path, label and choices the same words,
 * its problems the same. Paths and choices are made afresh by each drawing of a section, so they are
 * compared by what they say; typing in one field of a section then redraws that field alone.
 */
export function sameFieldProps(a: object, b: object): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = new Set([...Object.keys(x), ...Object.keys(y)]);
  for (const key of keys) {
    const [u, v] = [x[key], y[key]];
    if (Object.is(u, v)) continue;
    if (key === 'problems' && Array.isArray(u) && Array.isArray(v)) {
      if (!sameProblems(u, v)) return false;
    } else if (key !== 'value' && Array.isArray(u) && Array.isArray(v)) {
      if (JSON.stringify(u) !== JSON.stringify(v)) return false;
    } else return false;
  }
  return true;
}

/** Problems exactly at a path (not inside it): what a field holding a plain value shows. */
export const problemsExactlyAt = (problems: readonly InputProblem[], path: DraftPath) => {
  const at = formatPath(path);
  return problems.filter((p) => p.path === at);
};

export function FieldProblems({ id, problems, own }: { id: string; problems: readonly InputProblem[]; own?: string | null }) {
  if (problems.length === 0 && !own) return null;
  return (
    <ul id={id} className="field-error">
      {own && <li>{own}</li>}
      {problems.map((p) => (
        <li key={`${p.path}:${p.expected}`}>{problemWords(p)}</li>
      ))}
    </ul>
  );
}

interface FieldProps {
  label: string;
  path: DraftPath;
  value: unknown;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
  /** Words under the label: a unit, the values possible. */
  hint?: string;
}

const set = (dispatch: Dispatcher, path: DraftPath, value: JsonValue | undefined, landing?: Landing) =>
  dispatch({ kind: 'edit', edit: { kind: 'set', path, value } }, landing);

/** A labelled control with its problems: the ids that tie them together for a screen reader. */
function Field({
  label,
  hint,
  problems,
  own,
  children,
}: {
  label: string;
  hint?: string | undefined;
  problems: readonly InputProblem[];
  own?: string | null;
  children: (control: { id: string; 'aria-invalid': boolean; 'aria-describedby'?: string }) => ReactNode;
}) {
  const id = useId();
  const problemId = `${id}-problems`;
  const hintId = `${id}-hint`;
  const invalid = problems.length > 0 || Boolean(own);
  const describedBy = [hint ? hintId : '', invalid ? problemId : ''].filter(Boolean).join(' ');
  return (
    <div className="draft-field">
      <label htmlFor={id}>{label}</label>{' '}
      {children({ id, 'aria-invalid': invalid, ...(describedBy ? { 'aria-describedby': describedBy } : {}) })}
      {hint && (
        <span id={hintId} className="muted draft-hint">
          {hint}
        </span>
      )}
      <FieldProblems id={problemId} problems={problems} own={own ?? null} />
    </div>
  );
}

/**
 * A key press in a field redraws that field alone: the edit reaches the draft (every section, the
 * checks, the answer) in a transition, after the frame that shows the key. Until it lands the field
 * shows what was typed; then, or after an edit from elsewhere (undo, a JSON edit), the file again.
 */
function useTypedAhead<T>(dispatch: Dispatcher) {
  const [landing, startTransition] = useTransition();
  const [typed, setTyped] = useState<T | null>(null);
  const send = (shown: T, path: DraftPath, value: JsonValue | undefined) => {
    setTyped(shown);
    set(dispatch, path, value, startTransition);
  };
  return { typed, landing, send } as const;
}

/** Text; with `optional`, emptying the field removes it from the file. */
export const TextField = memo(function TextField({
  label,
  path,
  value,
  problems,
  dispatch,
  hint,
  multiline = false,
  optional = false,
}: FieldProps & { multiline?: boolean; optional?: boolean }) {
  const { typed, landing, send } = useTypedAhead<string>(dispatch);
  const inFile = typeof value === 'string' ? value : value === undefined || value === null ? '' : String(value);
  const text = landing && typed !== null ? typed : inFile;
  const change = (entered: string) => send(entered, path, optional && entered === '' ? undefined : entered);
  return (
    <Field label={label} hint={hint} problems={problemsExactlyAt(problems, path)}>
      {(control) =>
        multiline ? (
          <textarea {...control} rows={3} value={text} onChange={(e) => change(e.currentTarget.value)} />
        ) : (
          <input {...control} value={text} onChange={(e) => change(e.currentTarget.value)} />
        )
      }
    </Field>
  );
}, sameFieldProps);

/**
 * A number. What is typed stays on screen as typed; it goes into the file once it reads as a number
 * (an empty optional field removes it). `words` allows a word too, e.g. "unknown" for a fact.
 */
export const NumberField = memo(function NumberField({
  label,
  path,
  value,
  problems,
  dispatch,
  hint,
  optional = false,
  words = [],
}: FieldProps & { optional?: boolean; words?: readonly string[] }) {
  // `for`: the value the file has once the text typed has landed; a change from elsewhere (undo, a
  // JSON edit) shows the file's value again.
  const { typed, landing, send } = useTypedAhead<{ text: string; for: unknown }>(dispatch);
  const current = typed && (landing || typed.for === value) ? typed : null;
  const text = current ? current.text : value === undefined ? '' : String(value);
  const unreadable = current && readNumber(current.text, words) === null && current.text.trim() !== '';
  const change = (entered: string) => {
    const read = readNumber(entered, words);
    const next = read ?? (entered.trim() === '' && optional ? undefined : value);
    send({ text: entered, for: next }, path, next as JsonValue | undefined);
  };
  const expected = `a number${words.length ? ` or ${words.map((w) => `"${w}"`).join(' or ')}` : ''}`;
  return (
    <Field
      label={label}
      hint={hint}
      problems={problemsExactlyAt(problems, path)}
      own={unreadable ? `${expected}, got "${current.text}": kept as typed, not in the file` : null}
    >
      {(control) => (
        <input {...control} inputMode="decimal" value={text} onChange={(e) => change(e.currentTarget.value)} size={10} />
      )}
    </Field>
  );
}, sameFieldProps);

function readNumber(text: string, words: readonly string[]): number | string | null {
  const trimmed = text.trim();
  if (words.includes(trimmed)) return trimmed;
  if (trimmed === '' || !/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(trimmed)) return null;
  return Number(trimmed);
}

export interface Choice {
  value: string;
  label: string;
}

/**
 * One of a list. A value the list does not offer (typed in a file, or from an earlier model) stays
 * shown as it is, so choosing is never the only way to see it.
 */
export const SelectField = memo(function SelectField({
  label,
  path,
  value,
  problems,
  dispatch,
  hint,
  choices,
  none,
}: FieldProps & { choices: readonly Choice[] /** The empty choice's words; absent: no empty choice. */; none?: string }) {
  const current = value === undefined || value === null ? '' : String(value);
  const offered = choices.some((c) => c.value === current) || (current === '' && none !== undefined);
  return (
    <Field label={label} hint={hint} problems={problemsExactlyAt(problems, path)}>
      {(control) => (
        <select
          {...control}
          value={current}
          onChange={(e) => set(dispatch, path, e.currentTarget.value === '' ? undefined : e.currentTarget.value)}
        >
          {none !== undefined && <option value="">{none}</option>}
          {!offered && <option value={current}>{current === '' ? '(none chosen)' : `${current} (not offered)`}</option>}
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      )}
    </Field>
  );
}, sameFieldProps);

/** Some of a list (sources cited, vehicles a person may move to): a check box each, in a group. */
export const ChoiceList = memo(function ChoiceList({
  label,
  path,
  value,
  problems,
  dispatch,
  choices,
}: Omit<FieldProps, 'hint'> & { choices: readonly string[] }) {
  const chosen = Array.isArray(value) ? (value as string[]) : [];
  // Entries the list does not offer stay in the file (and in view) until unticked.
  const shown = [...choices, ...chosen.filter((c) => !choices.includes(c))];
  const problemId = useId();
  const here = problemsAt(problems, path);
  const toggle = (choice: string, on: boolean) =>
    set(dispatch, path, on ? shown.filter((c) => c === choice || chosen.includes(c)) : chosen.filter((c) => c !== choice));
  return (
    <fieldset className="draft-field draft-choices" aria-describedby={here.length ? problemId : undefined}>
      <legend>{label}</legend>
      {shown.length === 0 && <span className="muted">none to choose from yet</span>}
      {shown.map((choice) => (
        <label key={choice}>
          <input type="checkbox" checked={chosen.includes(choice)} onChange={(e) => toggle(choice, e.currentTarget.checked)} />{' '}
          {choice}
        </label>
      ))}
      <FieldProblems id={problemId} problems={here} />
    </fieldset>
  );
}, sameFieldProps);

/**
 * A part of the file edited as JSON text, applied when it reads; until then kept as typed, with what
 * was wrong. With `formKeys`, the fields the form shows are left out here and kept as they are.
 */
export const JsonField = memo(function JsonField({
  label,
  path,
  value,
  problems,
  dispatch,
  formKeys,
}: Omit<FieldProps, 'hint'> & { formKeys?: readonly string[] }) {
  const own = formKeys ? withoutKeys(value, formKeys) : value;
  const shown = JSON.stringify(own ?? null, null, 2);
  const [typed, setTyped] = useState<{ text: string; for: string } | null>(null);
  const [parseProblem, setParseProblem] = useState<string | null>(null);
  const text = typed && typed.for === shown ? typed.text : shown;
  const apply = () => {
    if (!typed || typed.for !== shown || typed.text === shown) return;
    try {
      const parsed = JSON.parse(typed.text) as JsonValue;
      const next = formKeys ? { ...pickKeys(value, formKeys), ...(parsed as object) } : parsed;
      set(dispatch, path, next as JsonValue);
      setTyped(null);
      setParseProblem(null);
    } catch (error) {
      setParseProblem(`not JSON yet (${error instanceof Error ? error.message : String(error)}): kept as typed, not applied`);
    }
  };
  // The form's own fields have their problems beside them; here, the rest.
  const here = problemsAt(problems, path).filter((p) => !formKeys?.some((k) => p.path.startsWith(`${formatPath([...path, k])}`)));
  return (
    <Field label={label} problems={here} own={parseProblem}>
      {(control) => (
        <textarea
          {...control}
          className="json-field"
          rows={Math.min(16, text.split('\n').length + 1)}
          value={text}
          onChange={(e) => setTyped({ text: e.currentTarget.value, for: shown })}
          onBlur={apply}
        />
      )}
    </Field>
  );
}, sameFieldProps);

const withoutKeys = (value: unknown, keys: readonly string[]) =>
  Object.fromEntries(Object.entries((value ?? {}) as object).filter(([k]) => !keys.includes(k)));
const pickKeys = (value: unknown, keys: readonly string[]) =>
  Object.fromEntries(Object.entries((value ?? {}) as object).filter(([k]) => keys.includes(k)));

/** Up, Down, Duplicate and Remove for an item of a list, each named for a screen reader. */
export function ItemActions({
  list,
  index,
  count,
  name,
  dispatch,
  item,
}: {
  list: DraftPath;
  index: number;
  count: number;
  name: string;
  dispatch: Dispatcher;
  /** The item, when it may be duplicated. */
  item?: unknown;
}) {
  const edit = (e: DraftEdit) => dispatch({ kind: 'edit', edit: e });
  return (
    <div className="draft-item-actions">
      <button
        type="button"
        disabled={index === 0}
        onClick={() => edit({ kind: 'move', list, from: index, to: index - 1 })}
        aria-label={`Move ${name} up`}
      >
        Up
      </button>
      <button
        type="button"
        disabled={index === count - 1}
        onClick={() => edit({ kind: 'move', list, from: index, to: index + 1 })}
        aria-label={`Move ${name} down`}
      >
        Down
      </button>
      {item !== undefined && (
        <button
          type="button"
          onClick={() => edit({ kind: 'insert', list, index: index + 1, value: structuredClone(item) as NonNullable<JsonValue> })}
          aria-label={`Duplicate ${name}`}
        >
          Duplicate
        </button>
      )}
      <button type="button" onClick={() => edit({ kind: 'remove', list, index })} aria-label={`Remove ${name}`}>
        Remove
      </button>
    </div>
  );
}

/** The same problems, in the same words: a check run again on an unchanged part gives new objects, not new problems. */
export const sameProblems = (a: readonly InputProblem[], b: readonly InputProblem[]) =>
  a === b || (a.length === b.length && a.every((p, i) => problemWords(p) === problemWords(b[i] as InputProblem)));

/** What every section of the editor is drawn from. */
export interface SectionProps {
  file: DraftFile;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
  choices: DraftChoices;
}

/**
 * When a section is drawn again: only when a part of the file it shows changed (Immer keeps every
 * other part the same object), its choices or its problems. Typing in one section redraws that one.
 */
export const sectionShows =
  (parts: readonly string[]) =>
  (a: SectionProps, b: SectionProps): boolean =>
    parts.every((part) => a.file[part] === b.file[part]) &&
    a.choices === b.choices &&
    a.dispatch === b.dispatch &&
    sameProblems(a.problems, b.problems);

/** A button that adds an item at the end of a list: one edit, undone as one. */
export function AddItem({
  list,
  count,
  item,
  dispatch,
  children,
}: {
  list: DraftPath;
  count: number;
  item: () => JsonValue;
  dispatch: Dispatcher;
  children: ReactNode;
}) {
  return (
    <button
      type="button"
      onClick={() =>
        dispatch({ kind: 'edit', edit: { kind: 'insert', list, index: count, value: item() as NonNullable<JsonValue> } })
      }
    >
      {children}
    </button>
  );
}
