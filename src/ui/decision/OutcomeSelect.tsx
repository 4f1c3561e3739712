import { outcomeLabels } from '../../reports/outcomeWords';
import { type DecidableOutcome, decidableOutcomes } from '../../session/model';

/**
 * "<label> [outcome ▾]": outcomes an authority can decide (by default all of them), by their labels; with no
 * value, "choose an outcome" is shown, not the first outcome as if it were chosen.
 */
export function OutcomeSelect({
  label,
  value,
  outcomes = decidableOutcomes,
  onChange,
  describedBy,
}: {
  label: string;
  value: DecidableOutcome | undefined;
  outcomes?: readonly DecidableOutcome[];
  onChange: (outcome: DecidableOutcome) => void;
  describedBy?: string;
}) {
  return (
    <label>
      {label}{' '}
      <select
        value={value ?? ''}
        aria-describedby={describedBy}
        onChange={(e) => {
          const chosen = outcomes.find((o) => o === e.currentTarget.value);
          if (chosen) onChange(chosen);
        }}
      >
        {value === undefined && (
          <option value="" disabled>
            choose an outcome
          </option>
        )}
        {outcomes.map((o) => (
          <option key={o} value={o}>
            {outcomeLabels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
