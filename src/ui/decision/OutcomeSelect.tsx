import { outcomeLabels } from '../../reports/outcomeWords';
import { type DecidableOutcome, decidableOutcomes } from '../../session/model';

/** "<label> [outcome ▾]": outcomes an authority can decide (by default all of them), by their labels. */
export function OutcomeSelect({
  label,
  value,
  outcomes = decidableOutcomes,
  onChange,
}: {
  label: string;
  value: DecidableOutcome | undefined;
  outcomes?: readonly DecidableOutcome[];
  onChange: (outcome: DecidableOutcome) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select
        value={value ?? ''}
        onChange={(e) => {
          const chosen = outcomes.find((o) => o === e.currentTarget.value);
          if (chosen) onChange(chosen);
        }}
      >
        {outcomes.map((o) => (
          <option key={o} value={o}>
            {outcomeLabels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
