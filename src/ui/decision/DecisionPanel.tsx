import { type FormEvent, memo, useState } from 'react';
import { outcomeLabels } from '../../reports/outcomeWords';
import type { RecordPoll } from '../../session/decisionRecord';
import {
  type Actor,
  type DecidableOutcome,
  hasVisibleText,
  type OperatorRequest,
  type Recommendation,
} from '../../session/model';
import { FieldProblem } from '../shared/FieldProblem';
import { useKeptHeight } from '../shared/useKeptHeight';
import { OutcomeSelect } from './OutcomeSelect';
import { PollPanel } from './PollPanel';

interface Props {
  recommendation: Recommendation | null;
  /** Why the machine would not take a confirmation now; null when it would. */
  confirmRefusal: string | null;
  refusal: string | null;
  /** Why nothing can be recorded here (an earlier step under review); null when a decision can be. */
  readOnly: string | null;
  polls: readonly RecordPoll[];
  defaultPositions: readonly string[];
  /** Why the machine would not open a poll now; null when it would. */
  pollRefusal: string | null;
  /** The outcomes the machine would take an override to now (never the recommended one). */
  overrideOutcomes: readonly DecidableOutcome[];
  /** Why no override would be taken now; null when some outcome is open to one. */
  overrideRefusal: string | null;
  /** Why the machine would not take an override to each outcome not open to one. */
  closedOverrides: Partial<Record<DecidableOutcome, string>>;
  onDecide: (request: OperatorRequest) => void;
  onVote: (request: Extract<OperatorRequest, { type: 'poll.vote' }>, voter: Actor) => void;
  /** Unlocks a voter's own key with their passphrase: null once unlocked, else why not. */
  unlock: (voter: Actor, passphrase: string) => Promise<string | null>;
  /** Where the session stands (its step): the confirm line keeps the room it has needed there (useKeptHeight). */
  place: string;
}

/** Memoized: the detail's render one frame after an edit passes it the same props, and skips it. */
export const DecisionPanel = memo(function DecisionPanel({
  recommendation,
  confirmRefusal,
  refusal,
  readOnly,
  polls,
  defaultPositions,
  pollRefusal,
  overrideOutcomes,
  overrideRefusal,
  closedOverrides,
  onDecide,
  onVote,
  unlock,
  place,
}: Props) {
  // A flip changes the outcome named and why it cannot be confirmed: the override form below stays put.
  const confirmRoom = useKeptHeight<HTMLDivElement>(place);
  const canConfirm = confirmRefusal === null && readOnly === null;
  const [chosen, setChosen] = useState<DecidableOutcome | null>(null);
  const [missingChoice, setMissingChoice] = useState(false);
  // An override is a deliberate choice: the list starts unchosen, and the operator's choice is never swapped for
  // another under their hand. When an edit or an event closes it (makes it the recommendation), the list is left
  // unchosen and says why, in the machine's words.
  const canOverride = readOnly === null && overrideOutcomes.length > 0;
  const outcome = chosen !== null && overrideOutcomes.includes(chosen) ? chosen : undefined;
  const closedBecause =
    canOverride && chosen !== null && outcome === undefined
      ? (closedOverrides[chosen] ?? 'the machine would not take an override to it now')
      : null;
  const [rationale, setRationale] = useState('');
  const [missingRationale, setMissingRationale] = useState(false);
  const [accepted, setAccepted] = useState(false);
  const [acceptance, setAcceptance] = useState('');
  const swap = recommendation?.crewSwap;
  const needsAcceptance = swap?.daysWithoutLifeboat != null;

  const override = (event: FormEvent) => {
    event.preventDefault();
    setMissingChoice(outcome === undefined && closedBecause === null);
    setMissingRationale(!hasVisibleText(rationale));
    if (outcome === undefined) {
      event.currentTarget.querySelector('select')?.focus();
      return;
    }
    if (!hasVisibleText(rationale)) return;
    onDecide({ type: 'decision.override', outcome, rationale: rationale.trim() });
    // A rationale belongs to the one override it was typed for.
    setRationale('');
  };

  return (
    <section aria-labelledby="decision-title" className="decision-panel">
      <h3 id="decision-title">Decision</h3>
      <PollPanel
        polls={polls}
        defaultPositions={defaultPositions}
        proposed={
          recommendation && recommendation.outcome !== 'undecided' && recommendation.outcome !== 'nominal-return'
            ? recommendation.outcome
            : 'launch-replacement'
        }
        disabledBecause={readOnly ?? pollRefusal}
        onOpen={onDecide}
        onVote={onVote}
        unlock={unlock}
        onDispose={onDecide}
      />
      {needsAcceptance && swap && (
        <fieldset className="decision-acceptance" disabled={readOnly !== null}>
          <legend>A period without a lifeboat</legend>
          <label>
            <input type="checkbox" checked={accepted} onChange={(e) => setAccepted(e.currentTarget.checked)} />
            {` I accept that ${swap.waiting.join(', ')} wait up to ${Math.ceil(swap.daysWithoutLifeboat ?? 0)} days without a lifeboat`}
          </label>
          <label>
            Why it is accepted
            <textarea value={acceptance} onChange={(e) => setAcceptance(e.currentTarget.value)} rows={2} />
          </label>
        </fieldset>
      )}
      <div ref={confirmRoom} className="decision-confirm">
        <button
          type="button"
          disabled={!canConfirm}
          // The override's rationale is not a confirmation's: a confirm records the recommendation as it stands.
          onClick={() =>
            onDecide(
              needsAcceptance
                ? {
                    type: 'decision.confirm',
                    ...(accepted ? { acceptsPeriodWithoutLifeboat: true as const } : {}),
                    ...(hasVisibleText(acceptance) ? { rationale: acceptance.trim() } : {}),
                  }
                : { type: 'decision.confirm' },
            )
          }
        >
          Confirm: {recommendation ? outcomeLabels[recommendation.outcome] : '—'}
        </button>
        <span className="muted">
          {canConfirm
            ? ' Confirming records this recommendation as your decision, under the thresholds shown.'
            : ` Not available: ${readOnly ?? confirmRefusal}.`}
        </span>
      </div>
      <form onSubmit={override} className="decision-override" noValidate>
        <fieldset disabled={!canOverride}>
          <OutcomeSelect
            label="Override to"
            value={outcome}
            outcomes={overrideOutcomes}
            onChange={(choice) => {
              setChosen(choice);
              setMissingChoice(false);
            }}
            describedBy={closedBecause !== null ? 'override-closed' : missingChoice ? 'override-choice' : undefined}
          />
          {chosen !== null && closedBecause !== null && (
            <FieldProblem id="override-closed">
              Your choice, {outcomeLabels[chosen]}, is no longer open to an override: {closedBecause}. Choose again, or confirm.
            </FieldProblem>
          )}
          {missingChoice && <FieldProblem id="override-choice">Choose the outcome to override to.</FieldProblem>}
          <label>
            Rationale
            <textarea
              value={rationale}
              onChange={(e) => setRationale(e.currentTarget.value)}
              aria-invalid={missingRationale}
              aria-describedby={missingRationale ? 'rationale-error' : undefined}
              rows={2}
            />
          </label>
          {missingRationale && (
            <FieldProblem id="rationale-error">
              An override needs a rationale: say why the recommendation is not followed.
            </FieldProblem>
          )}
          <button type="submit">Override</button>
          {readOnly === null && overrideRefusal && <span className="muted"> Not available: {overrideRefusal}.</span>}
        </fieldset>
      </form>
      {refusal && <p className="field-error">Not recorded: {refusal}</p>}
    </section>
  );
});
