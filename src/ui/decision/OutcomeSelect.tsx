import { outcomeLabels } from '../../reports/describe';
import { type DecidableOutcome, decidableOutcomes } from '../../session/model';

/** "<label> [outcome ▾]": the outcomes an authority can decide, by their labels. */
export function OutcomeSelect({
  label,
  value,
  onChange,
}: {
  label: string;
  value: DecidableOutcome;
  onChange: (outcome: DecidableOutcome) => void;
}) {
  return (
    <label>
      {label}{' '}
      <select value={value} onChange={(e) => onChange(e.currentTarget.value as DecidableOutcome)}>
        {decidableOutcomes.map((o) => (
          <option key={o} value={o}>
            {outcomeLabels[o]}
          </option>
        ))}
      </select>
    </label>
  );
}
