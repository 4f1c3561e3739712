import { memo, useId, useState } from 'react';
import { expectedOutcomes as outcomes } from '../../../scenarios/shape';
import { outcomeLabels } from '../../reports/outcomeWords';
import type { InputProblem } from '../../session/inputProblem';
import {
  type Dispatcher,
  FieldProblems,
  JsonField,
  problemsExactlyAt,
  type SectionProps,
  SelectField,
  sameFieldProps,
  sectionShows,
  TextField,
} from './fields';

const kinds = [
  { value: 'hypothetical', label: 'hypothetical: a what-if' },
  { value: 'historical', label: 'historical: it happened, as the sources say' },
];
const expectedOutcomes = outcomes.map((o) => ({ value: o, label: outcomeLabels[o] }));

/** What the case is: its title, id, kind and summary, its sources, and what it is expected to come to. */
export const CaseSection = memo(
  function CaseSection({ file, problems, dispatch }: SectionProps) {
    const expected = (file.expected ?? {}) as Record<string, unknown>;
    const field = { problems, dispatch };
    return (
      <section aria-labelledby="draft-case-title" className="draft-section">
        <h3 id="draft-case-title">The case</h3>
        <TextField label="Title" path={['title']} value={file.title} {...field} />
        <TextField
          label="Id"
          hint="the file's name: lower-case letters, digits and dashes"
          path={['id']}
          value={file.id}
          {...field}
        />
        <SelectField label="Kind" path={['kind']} value={file.kind} choices={kinds} {...field} />
        <TextField label="Summary" path={['summary']} value={file.summary} multiline {...field} />
        <SourcesList sources={file.sources} {...field} />
        <fieldset className="draft-group">
          <legend>Expected under the default thresholds</legend>
          <SelectField
            label="Outcome"
            path={['expected', 'outcome']}
            value={expected.outcome}
            choices={expectedOutcomes}
            {...field}
          />
          <TextField
            label="Final state"
            hint="the statechart state the case ends in, e.g. returned"
            path={['expected', 'finalState']}
            value={expected.finalState}
            {...field}
          />
          <JsonField
            label="Other expectations (JSON)"
            path={['expected']}
            value={expected}
            formKeys={['outcome', 'finalState']}
            {...field}
          />
        </fieldset>
      </section>
    );
  },
  sectionShows(['title', 'id', 'kind', 'summary', 'sources', 'expected']),
);

/** The sources the case cites: a key each (what events cite) and its citation. */
const SourcesList = memo(function SourcesList({
  sources,
  problems,
  dispatch,
}: {
  sources: unknown;
  problems: readonly InputProblem[];
  dispatch: Dispatcher;
}) {
  const entries = Object.entries((sources ?? {}) as Record<string, unknown>);
  const setSources = (next: [string, unknown][]) =>
    dispatch({ kind: 'edit', edit: { kind: 'set', path: ['sources'], value: Object.fromEntries(next) as never } });
  const freeKey = () => {
    let n = entries.length + 1;
    while (entries.some(([k]) => k === `source-${n}`)) n += 1;
    return `source-${n}`;
  };
  return (
    <fieldset className="draft-group">
      <legend>Sources ({entries.length})</legend>
      <ol className="draft-list">
        {entries.map(([key, citation], i) => (
          <li key={key} aria-label={`source ${key}`}>
            <SourceKey
              sourceKey={key}
              taken={entries.map(([k]) => k)}
              onRename={(to) => dispatch({ kind: 'edit', edit: { kind: 'renameSource', from: key, to } })}
            />
            <TextField
              label={`Citation for ${key}`}
              path={['sources', key]}
              value={citation}
              problems={problems}
              dispatch={dispatch}
            />
            <button
              type="button"
              onClick={() => setSources(entries.filter((_, j) => j !== i))}
              aria-label={`Remove source ${key}`}
            >
              Remove
            </button>
          </li>
        ))}
      </ol>
      <button type="button" onClick={() => setSources([...entries, [freeKey(), '']])}>
        Add a source
      </button>
      <FieldProblems id={`sources-problems`} problems={problemsExactlyAt(problems, ['sources'])} />
    </fieldset>
  );
}, sameFieldProps);

/** A source's key, renamed when the field is left, unless another source has it (nothing typed is lost meanwhile). */
function SourceKey({ sourceKey, taken, onRename }: { sourceKey: string; taken: string[]; onRename: (to: string) => void }) {
  const [typed, setTyped] = useState(sourceKey);
  const id = useId();
  const trimmed = typed.trim();
  const problem =
    trimmed === ''
      ? 'a key, e.g. NASA-2023-01'
      : trimmed !== sourceKey && taken.includes(trimmed)
        ? `a key of its own: ${trimmed} is another source's`
        : trimmed === 'derived' || trimmed === 'assumed'
          ? `a key other than "${trimmed}", which needs no source`
          : null;
  return (
    <div className="draft-field">
      <label htmlFor={id}>Key</label>{' '}
      <input
        id={id}
        value={typed}
        aria-invalid={problem !== null}
        aria-describedby={problem ? `${id}-problem` : undefined}
        onChange={(e) => setTyped(e.currentTarget.value)}
        onBlur={() => {
          if (!problem && trimmed !== sourceKey) onRename(trimmed);
        }}
      />
      {problem && (
        <p id={`${id}-problem`} className="field-error">
          {problem}: kept as typed, not applied
        </p>
      )}
    </div>
  );
}
