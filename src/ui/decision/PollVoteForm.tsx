import { type FormEvent, useId, useState } from 'react';
import { outcomeLabels } from '../../reports/outcomeWords';
import { dissentLabels, voteLabels } from '../../reports/pollWords';
import type { RecordPoll } from '../../session/decisionRecord';
import { type DissentLevel, dissentProblem, hasVisibleText, type PollVote } from '../../session/model';
import { FieldProblem } from '../shared/FieldProblem';
import type { PollPanelProps } from './pollPanelProps';

/** The calls a position can make: a GO may disagree but support; a NO-GO may be a formal dissent. */
const calls: { vote: PollVote; dissent: DissentLevel }[] = [
  { vote: 'go', dissent: 'none' },
  { vote: 'go', dissent: 'disagree-but-support' },
  { vote: 'no-go', dissent: 'none' },
  { vote: 'no-go', dissent: 'formal' },
  { vote: 'abstain', dissent: 'none' },
];
const callLabel = ({ vote, dissent }: (typeof calls)[number]) =>
  `${voteLabels[vote]}${dissent === 'none' ? '' : `, ${dissentLabels[dissent]}`}`;

const notRecorded = (why: string | null) => (why ? `Not recorded: ${why}.` : null);

/** One position's call, signed by its operator: name and passphrase unlock their own key first. */
export function PollVoteForm({
  poll,
  disabledBecause,
  onVote,
  unlock,
}: { poll: RecordPoll } & Pick<PollPanelProps, 'disabledBecause' | 'onVote' | 'unlock'>) {
  const waiting = poll.tally.unanswered;
  const [chosen, setChosen] = useState(waiting[0] ?? '');
  // Once a position has answered, the next one waiting takes the console.
  const position = waiting.includes(chosen) ? chosen : (waiting[0] ?? '');
  const [name, setName] = useState('');
  const [passphrase, setPassphrase] = useState('');
  const [unlocking, setUnlocking] = useState(false);
  const [call, setCall] = useState<number | null>(null);
  const [rationale, setRationale] = useState('');
  const [problem, setProblem] = useState<string | null>(null);
  const problemId = useId();
  const callsId = useId();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const picked = call === null ? undefined : calls[call];
    const why = rationale.trim();
    const missing = !hasVisibleText(name)
      ? `Name the ${position} operator: the call is signed with their key.`
      : passphrase === ''
        ? `The ${position} operator's passphrase: it alone unlocks their key.`
        : !picked
          ? `Choose ${position}'s call.`
          : notRecorded(dissentProblem(picked.vote, picked.dissent, hasVisibleText(why) ? why : undefined));
    if (missing || !picked) return setProblem(missing);
    const voter = { name: name.trim(), role: position };
    setUnlocking(true);
    const refused = await unlock(voter, passphrase).finally(() => setUnlocking(false));
    setPassphrase('');
    if (refused) return setProblem(refused);
    setProblem(null);
    onVote(
      {
        type: 'poll.vote',
        position,
        vote: picked.vote,
        dissent: picked.dissent,
        ...(hasVisibleText(why) ? { rationale: why } : {}),
      },
      voter,
    );
    setName('');
    setCall(null);
    setRationale('');
  };

  return (
    <form onSubmit={(e) => void submit(e)} className="poll-vote" noValidate aria-busy={unlocking}>
      <fieldset disabled={disabledBecause !== null || unlocking}>
        <legend>
          Poll {poll.number}: {poll.answers.length} of {poll.positions.length} answered. Each position answers in turn.
        </legend>
        <label>
          Answering for{' '}
          <select value={position} onChange={(e) => setChosen(e.currentTarget.value)}>
            {waiting.map((p) => (
              <option key={p} value={p}>
                {p}
              </option>
            ))}
          </select>
        </label>
        <label>
          Name of the {position} operator <input value={name} onChange={(e) => setName(e.currentTarget.value)} />
        </label>
        <label>
          Passphrase of the {position} operator{' '}
          <input type="password" autoComplete="off" value={passphrase} onChange={(e) => setPassphrase(e.currentTarget.value)} />
        </label>
        <fieldset className="poll-calls" aria-describedby={problem ? problemId : undefined}>
          <legend id={callsId}>Call on {outcomeLabels[poll.outcome]}</legend>
          {calls.map((c, i) => (
            <label key={callLabel(c)}>
              <input type="radio" name={callsId} checked={call === i} onChange={() => setCall(i)} /> {callLabel(c)}
            </label>
          ))}
        </fieldset>
        <label>
          Rationale (a formal dissent needs one)
          <textarea rows={2} value={rationale} onChange={(e) => setRationale(e.currentTarget.value)} />
        </label>
        <button type="submit">Sign and record the {position} call</button>
      </fieldset>
      {problem && <FieldProblem id={problemId}>{problem}</FieldProblem>}
    </form>
  );
}
