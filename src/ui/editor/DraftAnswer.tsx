import { memo } from 'react';
import { outcomeLabels } from '../../reports/outcomeWords';
import { draftVerdict } from '../../session/draft/draftAnswer';
import type { WalkthroughView } from '../../session/walkthroughView';
import { OutcomeBadge } from '../shared/OutcomeBadge';
import { ThinnestMargin } from '../shared/ThinnestMargin';
import type { TemperatureUnit } from '../shared/units';

interface Props {
  /** The draft's view at its last step; null while the draft has problems. */
  view: WalkthroughView | null;
  problemCount: number;
  /** What the file says the case comes to under the default thresholds. */
  expected: { outcome?: unknown; finalState?: unknown };
  temperatureUnit: TemperatureUnit;
}

/** What the draft answers now: its recommendation and deciding row, the thinnest margin, and where it ends against what the file expects. */
export const DraftAnswer = memo(function DraftAnswer({ view, problemCount, expected, temperatureUnit }: Props) {
  const recommendation = view?.recommendation ?? null;
  const thinnest = view?.status.thinnest;
  const record = view?.record;
  const { asExpected, notApplied } = view ? draftVerdict(view, expected) : { asExpected: false, notApplied: [] };
  return (
    <section aria-labelledby="draft-answer-title" className="draft-answer">
      <h3 id="draft-answer-title">Answer</h3>
      <p role="status" data-testid="draft-answer" data-outcome={recommendation?.outcome ?? ''}>
        {!view ? (
          `No answer while the case has ${problemCount} problem${problemCount === 1 ? '' : 's'}.`
        ) : recommendation ? (
          <>
            <OutcomeBadge outcome={recommendation.outcome} /> by row {view.answer.decidingRow?.index ?? '—'}:{' '}
            {view.answer.decidingRow?.statement ?? ''}
          </>
        ) : (
          'No recommendation: the case reaches no anomaly.'
        )}
      </p>
      {thinnest && thinnest.evaluation.margin !== null && (
        <p>
          <ThinnestMargin thinnest={thinnest} temperatureUnit={temperatureUnit} />
        </p>
      )}
      {record && (
        <p data-testid="draft-comes-to" data-outcome={record.outcome} data-as-expected={asExpected ? 'yes' : 'no'}>
          The case comes to {outcomeLabels[record.outcome]} ({record.outcomeBasis}), ending in <code>{record.finalState}</code>
          {asExpected
            ? ': as the file expects.'
            : `: the file expects ${outcomeLabels[expected.outcome as keyof typeof outcomeLabels] ?? String(expected.outcome)}, ending in ${String(expected.finalState || '(none given)')}.`}
        </p>
      )}
      {notApplied.length > 0 && (
        <div role="note" data-testid="draft-not-applied">
          <p>
            {notApplied.length} event{notApplied.length === 1 ? '' : 's'} did not apply in the state{' '}
            {notApplied.length === 1 ? 'it' : 'they'} arrived in:
          </p>
          <ul>
            {notApplied.map(({ eventNumber, step }) => (
              <li key={eventNumber}>
                Event {eventNumber} ({step.event.type}): {step.record.refusal ?? `not in state ${step.record.stateBefore}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
