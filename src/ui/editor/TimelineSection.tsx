import { memo, useId } from 'react';
import { type DraftChoices, eventTypeChoices } from '../../session/draft/draftChoices';
import type { InputProblem } from '../../session/inputProblem';
import { EventTypeFields, formKeysByType, stampKeys } from './eventFields';
import {
  AddItem,
  ChoiceList,
  type Dispatcher,
  FieldProblems,
  ItemActions,
  JsonField,
  problemsAt,
  problemsExactlyAt,
  type SectionProps,
  sameProblems,
  sectionShows,
  TextField,
} from './fields';

type Json = Record<string, unknown>;
const eventList = ['events'] as const;
const typeChoices = eventTypeChoices.map(({ type }) => type);

/** The timeline: each event's fields, and its place changed, copied or removed by keyboard or mouse. */
export const TimelineSection = memo(
  function TimelineSection({ file, problems, dispatch, choices }: SectionProps) {
    const events = Array.isArray(file.events) ? (file.events as Json[]) : [];
    const last = events.at(-1);
    const startUtc = (file.setup as Json | undefined)?.startUtc;
    return (
      <section aria-labelledby="draft-timeline-title" className="draft-section">
        <h3 id="draft-timeline-title">Timeline ({events.length} events)</h3>
        <ol className="draft-events">
          {events.map((event, i) => (
            <EventRow
              // biome-ignore lint/suspicious/noArrayIndexKey: events have no id of their own: their place is their identity in the file
              key={i}
              event={event}
              index={i}
              count={events.length}
              problems={problemsAt(problems, ['events', i])}
              dispatch={dispatch}
              choices={choices}
            />
          ))}
        </ol>
        <AddItem
          list={eventList}
          count={events.length}
          // The next event starts where the last one was, by the same people, citing the same sources.
          item={() => ({
            type: events.length === 0 ? 'anomaly.detect' : 'inspection.finding',
            at: String(last?.at ?? startUtc ?? ''),
            by: (last?.by as never) ?? { name: '', role: '' },
            description: '',
            sources: (last?.sources as never) ?? [],
          })}
          dispatch={dispatch}
        >
          Add an event at the end
        </AddItem>
        <FieldProblems id="events-problems" problems={problemsExactlyAt(problems, eventList)} />
      </section>
    );
  },
  sectionShows(['events', 'setup']),
);

interface EventRowProps {
  event: Json;
  index: number;
  count: number;
  /** This event's problems only. */
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
  choices: DraftChoices;
}

/**
 * One event of the timeline. Drawn again only when it changed: an edit elsewhere leaves it the same
 * object (Immer shares what an edit did not touch), so typing in a 60-event case redraws one row.
 */
const EventRow = memo(
  function EventRow({ event, index: i, count, problems, dispatch, choices }: EventRowProps) {
    const name = `event ${i + 1} (${String(event.type)})`;
    const path = ['events', i] as const;
    const field = { problems, dispatch };
    const by = (event.by ?? {}) as Json;
    const meaning = eventTypeChoices.find((c) => c.type === event.type)?.meaning;
    return (
      <li aria-label={name}>
        <p>
          <strong>{i + 1}.</strong> <code>{String(event.type)}</code> <span className="muted">{meaning}</span>
        </p>
        <EventTypeSelect event={event} index={i} problems={problems} dispatch={dispatch} />
        <TextField label="At" hint="UTC, in time order" path={[...path, 'at']} value={event.at} {...field} />
        <TextField label="By: name" path={[...path, 'by', 'name']} value={by.name} {...field} />
        <TextField
          label="By: role"
          hint="e.g. engineering, flight director"
          path={[...path, 'by', 'role']}
          value={by.role}
          {...field}
        />
        <TextField label="Description" path={[...path, 'description']} value={event.description} {...field} />
        <ChoiceList label="Sources" path={[...path, 'sources']} value={event.sources} choices={choices.sourceKeys} {...field} />
        <EventTypeFields path={path} event={event} choices={choices} {...field} />
        <details>
          <summary>Other fields of event {i + 1} (JSON)</summary>
          <JsonField
            label={`Event ${i + 1}: fields the form does not show`}
            path={path}
            value={event}
            formKeys={[...stampKeys, ...(formKeysByType[String(event.type)] ?? [])]}
            {...field}
          />
        </details>
        <ItemActions list={eventList} index={i} count={count} name={name} dispatch={dispatch} item={event} />
      </li>
    );
  },
  (a, b) =>
    a.event === b.event &&
    a.index === b.index &&
    a.count === b.count &&
    a.dispatch === b.dispatch &&
    a.choices === b.choices &&
    sameProblems(a.problems, b.problems),
);

/** The event's type: changing it keeps what every event has (time, who, description, sources) and drops the rest. */
function EventTypeSelect({ event, index, problems, dispatch }: Omit<EventRowProps, 'count' | 'choices'>) {
  const path = ['events', index] as const;
  const here = problemsExactlyAt(problems, [...path, 'type']);
  const id = useId();
  return (
    <div className="draft-field">
      <label htmlFor={id}>Type</label>{' '}
      <select
        id={id}
        value={String(event.type)}
        aria-invalid={here.length > 0}
        aria-describedby={here.length ? `${id}-problems` : undefined}
        onChange={(e) => {
          const stamp = Object.fromEntries(Object.entries(event).filter(([k]) => (stampKeys as readonly string[]).includes(k)));
          dispatch({ kind: 'edit', edit: { kind: 'set', path, value: { ...stamp, type: e.currentTarget.value } as never } });
        }}
      >
        {!typeChoices.includes(String(event.type)) && (
          <option value={String(event.type)}>{String(event.type)} (not a type)</option>
        )}
        {typeChoices.map((t) => (
          <option key={t} value={t}>
            {t}
          </option>
        ))}
      </select>
      <FieldProblems id={`${id}-problems`} problems={here} />
    </div>
  );
}
