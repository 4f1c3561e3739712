import { type Dispatch, memo, useId, useState } from 'react';
import { problemWords } from '../../reports/format';
import type { DraftEdit } from '../../session/draft/scenarioDraft';
import { formatPath, type InputProblem } from '../../session/inputProblem';
import { systemStatuses } from '../../session/model';

type DraftFile = Record<string, unknown>;
type Dispatcher = Dispatch<{ kind: 'edit'; edit: DraftEdit }>;
interface SectionProps {
  file: DraftFile;
  problems: InputProblem[];
  dispatch: Dispatcher;
}

/** The problems at a field or inside it, in the words the scenario checks use. */
const problemsAt = (problems: InputProblem[], path: readonly (string | number)[]) => {
  const at = formatPath(path);
  return problems.filter((p) => p.path === at || p.path.startsWith(`${at}.`) || p.path.startsWith(`${at}[`));
};

function FieldProblems({ id, problems }: { id: string; problems: InputProblem[] }) {
  if (problems.length === 0) return null;
  return (
    <ul id={id} className="field-error">
      {problems.map((p) => (
        <li key={`${p.path}:${p.expected}`}>{problemWords(p)}</li>
      ))}
    </ul>
  );
}

interface TextFieldProps {
  label: string;
  path: readonly (string | number)[];
  value: unknown;
  problems: InputProblem[];
  dispatch: Dispatcher;
  multiline?: boolean;
}

/** A text field of the file: each key press an edit (undoable), its problems beside it. */
function TextField({ label, path, value, problems, dispatch, multiline = false }: TextFieldProps) {
  const problemId = useId();
  const here = problemsAt(problems, path);
  const common = {
    value: typeof value === 'string' ? value : value === undefined ? '' : String(value),
    'aria-invalid': here.length > 0,
    'aria-describedby': here.length ? problemId : undefined,
  };
  const set = (text: string) => dispatch({ kind: 'edit', edit: { kind: 'set', path, value: text } });
  const fieldId = useId();
  return (
    <div className="draft-field">
      <label htmlFor={fieldId}>{label}</label>{' '}
      {multiline ? (
        <textarea id={fieldId} {...common} rows={3} onChange={(e) => set(e.currentTarget.value)} />
      ) : (
        <input id={fieldId} {...common} onChange={(e) => set(e.currentTarget.value)} />
      )}
      <FieldProblems id={problemId} problems={here} />
    </div>
  );
}

/** A part of the file edited as JSON text: applied when it parses, its own parse problem said until then. */
function JsonField({ label, path, value, problems, dispatch }: Omit<TextFieldProps, 'multiline'>) {
  const shown = JSON.stringify(value ?? null, null, 2);
  const [text, setText] = useState<string | null>(null);
  const [parseProblem, setParseProblem] = useState<string | null>(null);
  const problemId = useId();
  const here = problemsAt(problems, path);
  const apply = () => {
    if (text === null) return;
    try {
      dispatch({ kind: 'edit', edit: { kind: 'set', path, value: JSON.parse(text) } });
      setText(null);
      setParseProblem(null);
    } catch (error) {
      setParseProblem(`not JSON yet (${error instanceof Error ? error.message : String(error)}): kept as typed, not applied`);
    }
  };
  return (
    <div className="draft-field">
      <label>
        {label}{' '}
        <textarea
          className="json-field"
          rows={Math.min(16, shown.split('\n').length + 1)}
          value={text ?? shown}
          aria-invalid={here.length > 0 || parseProblem !== null}
          aria-describedby={here.length || parseProblem ? problemId : undefined}
          onChange={(e) => setText(e.currentTarget.value)}
          onBlur={apply}
        />
      </label>
      <div id={problemId}>
        {parseProblem && <p className="field-error">{parseProblem}</p>}
        <FieldProblems id={`${problemId}-schema`} problems={here} />
      </div>
    </div>
  );
}

export function CaseSection({ file, problems, dispatch }: SectionProps) {
  const kindId = useId();
  return (
    <section aria-labelledby="draft-case-title" className="draft-section">
      <h3 id="draft-case-title">The case</h3>
      <TextField label="Title" path={['title']} value={file.title} problems={problems} dispatch={dispatch} />
      <TextField label="Id (the file's name)" path={['id']} value={file.id} problems={problems} dispatch={dispatch} />
      <div className="draft-field">
        <label htmlFor={kindId}>Kind</label>{' '}
        <select
          id={kindId}
          value={String(file.kind ?? 'hypothetical')}
          onChange={(e) => dispatch({ kind: 'edit', edit: { kind: 'set', path: ['kind'], value: e.currentTarget.value } })}
        >
          <option value="hypothetical">hypothetical</option>
          <option value="historical">historical</option>
        </select>
      </div>
      <TextField label="Summary" path={['summary']} value={file.summary} problems={problems} dispatch={dispatch} multiline />
      <JsonField
        label="Sources (key → citation)"
        path={['sources']}
        value={file.sources}
        problems={problems}
        dispatch={dispatch}
      />
      <JsonField label="Expected outcome" path={['expected']} value={file.expected} problems={problems} dispatch={dispatch} />
    </section>
  );
}

export function SetupSection({ file, problems, dispatch }: SectionProps) {
  return (
    <section aria-labelledby="draft-setup-title" className="draft-section">
      <h3 id="draft-setup-title">Vehicles and crew</h3>
      <JsonField
        label="Setup: the damaged vehicle, the other vehicles, the crew and where each may go"
        path={['setup']}
        value={file.setup}
        problems={problems}
        dispatch={dispatch}
      />
    </section>
  );
}

export function TimelineSection({ file, problems, dispatch }: SectionProps) {
  const events = Array.isArray(file.events) ? (file.events as Record<string, unknown>[]) : [];
  const edit = (e: DraftEdit) => dispatch({ kind: 'edit', edit: e });
  return (
    <section aria-labelledby="draft-timeline-title" className="draft-section">
      <h3 id="draft-timeline-title">Timeline ({events.length} events)</h3>
      <ol className="draft-events">
        {events.map((event, i) => (
          // Events have no id of their own: their place is their identity in the file.
          <EventRow
            // biome-ignore lint/suspicious/noArrayIndexKey: the index is the event's place in the timeline
            key={i}
            event={event}
            index={i}
            count={events.length}
            problems={problemsAt(problems, ['events', i])}
            dispatch={dispatch}
          />
        ))}
      </ol>
      <button
        type="button"
        onClick={() =>
          edit({
            kind: 'insert',
            list: eventList,
            index: events.length,
            // The shape every scripted event has; its type and fields are then chosen in its JSON.
            value: {
              at: String(
                (events.at(-1)?.at as string | undefined) ?? (file.setup as { startUtc?: string } | undefined)?.startUtc ?? '',
              ),
              type: 'anomaly.detect',
              by: { name: '', role: '' },
              description: '',
              sources: [],
            } as never,
          })
        }
      >
        Add an event at the end
      </button>
    </section>
  );
}

const eventList = ['events'] as const;

interface EventRowProps {
  event: Record<string, unknown>;
  index: number;
  count: number;
  /** This event's problems only. */
  problems: InputProblem[];
  dispatch: Dispatcher;
}

/**
 * One event of the timeline. Drawn again only when it changed: an edit elsewhere leaves it the same
 * object (Immer shares what an edit did not touch), so typing in a 60-event case redraws one row.
 */
const EventRow = memo(
  function EventRow({ event, index: i, count, problems, dispatch }: EventRowProps) {
    const name = `event ${i + 1} (${String(event.type)})`;
    const edit = (e: DraftEdit) => dispatch({ kind: 'edit', edit: e });
    return (
      <li aria-label={name}>
        <p>
          <strong>{i + 1}.</strong> <code>{String(event.type)}</code>
        </p>
        <TextField
          label="Description"
          path={['events', i, 'description']}
          value={event.description}
          problems={problems}
          dispatch={dispatch}
        />
        {'status' in event && (
          <div className="draft-field">
            <label>
              Status{' '}
              <select
                value={String(event.status)}
                onChange={(e) => edit({ kind: 'set', path: ['events', i, 'status'], value: e.currentTarget.value })}
              >
                {systemStatuses.map((s) => (
                  <option key={s} value={s}>
                    {s}
                  </option>
                ))}
              </select>
            </label>
          </div>
        )}
        <JsonField label={`Event ${i + 1} as JSON`} path={['events', i]} value={event} problems={problems} dispatch={dispatch} />
        <div className="draft-event-actions">
          <button
            type="button"
            disabled={i === 0}
            onClick={() => edit({ kind: 'move', list: eventList, from: i, to: i - 1 })}
            aria-label={`Move ${name} up`}
          >
            Up
          </button>
          <button
            type="button"
            disabled={i === count - 1}
            onClick={() => edit({ kind: 'move', list: eventList, from: i, to: i + 1 })}
            aria-label={`Move ${name} down`}
          >
            Down
          </button>
          <button
            type="button"
            onClick={() => edit({ kind: 'insert', list: eventList, index: i + 1, value: structuredClone(event) as never })}
            aria-label={`Duplicate ${name}`}
          >
            Duplicate
          </button>
          <button type="button" onClick={() => edit({ kind: 'remove', list: eventList, index: i })} aria-label={`Remove ${name}`}>
            Remove
          </button>
        </div>
      </li>
    );
  },
  (a, b) =>
    a.event === b.event &&
    a.index === b.index &&
    a.count === b.count &&
    a.dispatch === b.dispatch &&
    a.problems.map(problemWords).join('\n') === b.problems.map(problemWords).join('\n'),
);
