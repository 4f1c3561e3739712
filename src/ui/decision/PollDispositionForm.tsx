import { type FormEvent, useId, useState } from 'react';
import type { RecordPoll } from '../../session/decisionRecord';
import { hasVisibleText } from '../../session/model';
import { FieldProblem } from '../shared/FieldProblem';
import type { PollPanelProps } from './pollPanelProps';

/**
 * A formal dissent holds the decision until the authority who opened the poll records what was done
 * with it: escalated (to whom), or the risk accepted, with a rationale either way.
 */
export function PollDispositionForm({
  poll,
  disabledBecause,
  onDispose,
}: { poll: RecordPoll } & Pick<PollPanelProps, 'disabledBecause' | 'onDispose'>) {
  const [kind, setKind] = useState<'escalated' | 'risk-accepted' | null>(null);
  const [to, setTo] = useState('');
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const kindsId = useId();
  const dissenters = poll.tally.formalDissents.map((d) => d.position).join(', ');

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const missing = !kind
      ? 'Choose what is done with the dissent: escalated, or the risk accepted.'
      : kind === 'escalated' && !hasVisibleText(to)
        ? 'Name whom the dissent is escalated to.'
        : !hasVisibleText(rationale)
          ? 'Give the rationale for the disposition.'
          : null;
    if (missing || !kind) return setProblem(missing);
    setProblem(null);
    onDispose({
      type: 'poll.disposition',
      kind,
      ...(kind === 'escalated' ? { to: to.trim() } : {}),
      rationale: rationale.trim(),
    });
  };

  return (
    <form onSubmit={submit} className="poll-disposition" noValidate>
      <fieldset disabled={disabledBecause !== null}>
        <legend>
          Poll {poll.number}: every position answered; the formal dissent of {dissenters} holds the decision until its disposition
          is recorded by {poll.openedBy.name} ({poll.openedBy.role})
        </legend>
        <fieldset className="poll-calls" aria-describedby={problem ? problemId : undefined}>
          <legend id={kindsId}>Disposition</legend>
          <label>
            <input type="radio" name={kindsId} checked={kind === 'escalated'} onChange={() => setKind('escalated')} /> Escalated
          </label>
          <label>
            <input type="radio" name={kindsId} checked={kind === 'risk-accepted'} onChange={() => setKind('risk-accepted')} />{' '}
            Risk accepted
          </label>
        </fieldset>
        {kind === 'escalated' && (
          <label>
            Escalated to <input value={to} onChange={(e) => setTo(e.currentTarget.value)} />
          </label>
        )}
        <label>
          Rationale
          <textarea rows={2} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} />
        </label>
        <button type="submit">Sign and record the disposition</button>
      </fieldset>
      {problem && <FieldProblem id={problemId}>{problem}</FieldProblem>}
    </form>
  );
}
