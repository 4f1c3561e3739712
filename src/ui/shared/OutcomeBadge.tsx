import { outcomeLabels, outcomeSymbols } from '../../reports/outcomeWords';
import type { OutcomeId } from '../../session/model';

/** An outcome by its label, with its own shape and colour (never colour alone). */
export function OutcomeBadge({ outcome }: { outcome: OutcomeId }) {
  return (
    <span className={`outcome-badge outcome-${outcome}`} data-outcome={outcome}>
      <span aria-hidden="true">{outcomeSymbols[outcome]} </span>
      {outcomeLabels[outcome]}
    </span>
  );
}
