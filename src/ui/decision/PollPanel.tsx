import { type FormEvent, useId, useState } from 'react';
import { outcomeLabels } from '../../reports/outcomeWords';
import { dissentLabels, voteLabels } from '../../reports/pollWords';
import type { RecordPoll } from '../../session/decisionRecord';
import {
  type Actor,
  type DecidableOutcome,
  type DissentLevel,
  dissentProblem,
  dissentsWaiting,
  hasVisibleText,
  type OperatorRequest,
  openPoll,
  type PollVote,
} from '../../session/model';
import { FieldProblem } from '../shared/FieldProblem';
import { OutcomeSelect } from './OutcomeSelect';
import { PollTable } from './PollTable';

type PollOpenRequest = Extract<OperatorRequest, { type: 'poll.open' }>;
type PollVoteRequest = Extract<OperatorRequest, { type: 'poll.vote' }>;
type PollDispositionRequest = Extract<OperatorRequest, { type: 'poll.disposition' }>;

interface Props {
  polls: readonly RecordPoll[];
  /** Whom the profile asks by default. */
  defaultPositions: readonly string[];
  /** What the positions are asked to go for unless the authority picks another outcome. */
  proposed: DecidableOutcome;
  /** Why nothing can be recorded here, or why the machine would not open a poll (the decision panel says it); null when it would. */
  disabledBecause: string | null;
  onOpen: (request: PollOpenRequest) => void;
  onVote: (request: PollVoteRequest, voter: Actor) => void;
  /** Unlocks (or makes) the voter's own key with their passphrase: null once unlocked, else why not. */
  unlock: (voter: Actor, passphrase: string) => Promise<string | null>;
  /** Records the decision authority's disposition of the poll's formal dissents (as the console's operator). */
  onDispose: (request: PollDispositionRequest) => void;
}

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

/**
 * Before confirming or overriding, the authority polls the positions; on one console they answer in
 * turn, each under its operator's own name (and so its own signing key).
 */
export function PollPanel({ polls, defaultPositions, proposed, disabledBecause, onOpen, onVote, unlock, onDispose }: Props) {
  const open = openPoll(polls);
  const answered = open !== null && open.tally.unanswered.length === 0;
  const earlier = polls.filter((p) => p !== open);
  return (
    <section aria-labelledby="poll-title" className="poll-panel">
      <h4 id="poll-title">GO/NO-GO poll</h4>
      {open ? (
        <>
          <PollTable poll={open} />
          {!answered && <VoteForm poll={open} disabledBecause={disabledBecause} onVote={onVote} unlock={unlock} />}
          {dissentsWaiting(open).length > 0 && (
            <DispositionForm poll={open} disabledBecause={disabledBecause} onDispose={onDispose} />
          )}
        </>
      ) : (
        <OpenPollForm
          key={polls.length}
          defaultPositions={defaultPositions}
          proposed={proposed}
          disabledBecause={disabledBecause}
          onOpen={onOpen}
        />
      )}
      {earlier.length > 0 && (
        <details>
          <summary>Earlier polls ({earlier.length})</summary>
          {earlier.map((poll) => (
            <PollTable key={poll.number} poll={poll} />
          ))}
        </details>
      )}
    </section>
  );
}

function OpenPollForm({
  defaultPositions,
  proposed,
  disabledBecause,
  onOpen,
}: Pick<Props, 'defaultPositions' | 'proposed' | 'disabledBecause' | 'onOpen'>) {
  const [outcome, setOutcome] = useState<DecidableOutcome>(proposed);
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
        <OutcomeSelect label="Poll on" value={outcome} onChange={setOutcome} />
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
}

function VoteForm({
  poll,
  disabledBecause,
  onVote,
  unlock,
}: { poll: RecordPoll } & Pick<Props, 'disabledBecause' | 'onVote' | 'unlock'>) {
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

/**
 * A formal dissent holds the decision until the authority who opened the poll records what was done
 * with it: escalated (to whom), or the risk accepted, with a rationale either way.
 */
function DispositionForm({
  poll,
  disabledBecause,
  onDispose,
}: { poll: RecordPoll } & Pick<Props, 'disabledBecause' | 'onDispose'>) {
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
