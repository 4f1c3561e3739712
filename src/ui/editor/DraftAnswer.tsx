import { memo } from 'react';
import { outcomeLabels } from '../../reports/outcomeWords';
import { ruleReading } from '../../reports/ruleReading';
import type { WalkthroughView } from '../../session/walkthroughView';
import { OutcomeBadge } from '../shared/OutcomeBadge';

interface Props {
  /** The draft's view at its last step; null while the draft has problems. */
  view: WalkthroughView | null;
  problemCount: number;
  /** What the file says the case comes to under the default thresholds. */
  expected: { outcome?: unknown; finalState?: unknown };
}

/** What the draft answers now: its recommendation and deciding row, the thinnest margin, and where it ends against what the file expects. */
export const DraftAnswer = memo(function DraftAnswer({ view, problemCount, expected }: Props) {
  const recommendation = view?.recommendation ?? null;
  const thinnest = view?.status.thinnest;
  const record = view?.record;
  const notApplied = view?.fold.steps.flatMap((step, i) => (step.record.applied ? [] : [{ n: i + 1, step }])) ?? [];
  const asExpected = record && record.outcome === expected.outcome && record.finalState === expected.finalState;
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
          Thinnest margin: <code>{thinnest.evaluation.ruleId}</code> {ruleReading(thinnest.evaluation).by}
          {thinnest.thin ? ' ⚠ thin' : ''}
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
            {notApplied.map(({ n, step }) => (
              <li key={n}>
                Event {n} ({step.event.type}): {step.record.refusal ?? `not in state ${step.record.stateBefore}`}
              </li>
            ))}
          </ul>
        </div>
      )}
    </section>
  );
});
