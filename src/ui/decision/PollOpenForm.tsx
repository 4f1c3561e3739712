import { type FormEvent, memo, useId, useState } from 'react';
import { type DecidableOutcome, hasVisibleText } from '../../session/model';
import { FieldProblem } from '../shared/FieldProblem';
import { OutcomeSelect } from './OutcomeSelect';
import type { PollPanelProps } from './pollPanelProps';

/** Opens a poll: on which outcome, and which positions are asked. */
export const PollOpenForm = memo(function PollOpenForm({
  defaultPositions,
  proposed,
  disabledBecause,
  onOpen,
}: Pick<PollPanelProps, 'defaultPositions' | 'proposed' | 'disabledBecause' | 'onOpen'>) {
  // The recommendation as it stands until the operator chooses another: a proposal made before an edit is not kept.
  const [chosen, setChosen] = useState<DecidableOutcome | null>(null);
  const outcome = chosen ?? proposed;
  const [positions, setPositions] = useState(() => defaultPositions.map((name) => ({ name, asked: true })));
  const [added, setAdded] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();

  const add = () => {
    const name = added.trim();
    if (!hasVisibleText(name)) return setProblem('Name the position to add.');
    if (positions.some((p) => p.name === name)) return setProblem(`${name} is already in the list.`);
    setPositions([...positions, { name, asked: true }]);
    setAdded('');
    setProblem(null);
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    const asked = positions.filter((p) => p.asked).map((p) => p.name);
    if (asked.length === 0) return setProblem('Ask at least one position.');
    setProblem(null);
    onOpen({ type: 'poll.open', outcome, positions: asked });
  };

  return (
    <form onSubmit={submit} className="poll-open" noValidate>
      <fieldset disabled={disabledBecause !== null}>
        <legend>Poll the positions before deciding</legend>
        <OutcomeSelect label="Poll on" value={outcome} onChange={setChosen} />
        <fieldset className="poll-positions">
          <legend>Positions asked</legend>
          {positions.map((p, i) => (
            <label key={p.name}>
              <input
                type="checkbox"
                checked={p.asked}
                onChange={(e) => {
                  const asked = e.currentTarget.checked;
                  setPositions(positions.map((q, j) => (j === i ? { ...q, asked } : q)));
                }}
              />{' '}
              {p.name}
            </label>
          ))}
          <label>
            Add a position{' '}
            <input
              value={added}
              onChange={(e) => setAdded(e.currentTarget.value)}
              onKeyDown={(e) => {
                if (e.key === 'Enter') {
                  e.preventDefault();
                  add();
                }
              }}
              aria-describedby={problem ? problemId : undefined}
            />
          </label>
          <button type="button" onClick={add}>
            Add
          </button>
        </fieldset>
        <button type="submit">Open poll</button>
      </fieldset>
      {problem && <FieldProblem id={problemId}>{problem}</FieldProblem>}
    </form>
  );
});
