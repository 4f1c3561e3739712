import { type FormEvent, useState } from 'react';
import type { Recommendation } from '../../../machines/policy/policy';
import { hasVisibleText } from '../../../machines/statechart/text';
import { type DecidableOutcome, decidableOutcomes } from '../../../machines/types';
import type { OperatorAction } from '../../session/walkthrough';
import { outcomeLabels } from '../shared/outcomeLabels';

interface Props {
  recommendation: Recommendation | null;
  canConfirm: boolean;
  refusal: string | null;
  onDecide: (action: OperatorAction) => void;
}

export function DecisionPanel({ recommendation, canConfirm, refusal, onDecide }: Props) {
  const [outcome, setOutcome] = useState<DecidableOutcome>('launch-replacement');
  const [rationale, setRationale] = useState('');
  const [missingRationale, setMissingRationale] = useState(false);

  const override = (event: FormEvent) => {
    event.preventDefault();
    if (!hasVisibleText(rationale)) {
      setMissingRationale(true);
      return;
    }
    setMissingRationale(false);
    onDecide({ type: 'decision.override', outcome, rationale: rationale.trim() });
  };

  return (
    <section aria-labelledby="decision-title" className="decision-panel">
      <h3 id="decision-title">Decision</h3>
      <div className="decision-confirm">
        <button
          type="button"
          disabled={!canConfirm}
          onClick={() =>
            onDecide({ type: 'decision.confirm', ...(hasVisibleText(rationale) ? { rationale: rationale.trim() } : {}) })
          }
        >
          Confirm: {recommendation ? outcomeLabels[recommendation.outcome] : '—'}
        </button>
        {/* Always one line of text, so the panels below keep their place when the outcome flips. */}
        <span className="muted">
          {canConfirm
            ? ' Confirming records this recommendation as your decision, under the thresholds shown.'
            : ' Nothing to confirm: no option meets the limits. Override with a rationale (a waiver).'}
        </span>
      </div>
      <form onSubmit={override} className="decision-override" noValidate>
        <label>
          Override to{' '}
          <select value={outcome} onChange={(e) => setOutcome(e.currentTarget.value as DecidableOutcome)}>
            {decidableOutcomes.map((o) => (
              <option key={o} value={o}>
                {outcomeLabels[o]}
              </option>
            ))}
          </select>
        </label>
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
          <p id="rationale-error" role="alert" className="field-error">
            An override needs a rationale: say why the recommendation is not followed.
          </p>
        )}
        <button type="submit">Override</button>
      </form>
      {refusal && <p className="field-error">Not recorded: {refusal}</p>}
    </section>
  );
}
