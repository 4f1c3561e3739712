/** How an outcome is named and marked wherever it is shown, and what a replacement plan does with the damaged vehicle. */
import type { OutcomeId, UncrewedDeparture } from '../session/model';

export const outcomeLabels: Record<OutcomeId, string> = {
  'return-on-damaged-vehicle': 'Return on the damaged vehicle',
  'return-reduced-crew': 'Return with fewer crew',
  'launch-replacement': 'Launch replacement',
  'emergency-return': 'Emergency return',
  'continue-with-contingency': 'Continue, rescue prepared',
  'nominal-return': 'Nominal return',
  undecided: 'Undecided: escalate',
};

/**
 * Each outcome's own shape, shown beside its label wherever an outcome is named on screen, so that
 * outcomes differ without colour (each has its colour too, by its `outcome-<id>` class).
 */
export const outcomeSymbols: Record<OutcomeId, string> = {
  'return-on-damaged-vehicle': '●',
  'return-reduced-crew': '◐',
  'launch-replacement': '▲',
  'emergency-return': '◆',
  'continue-with-contingency': '■',
  'nominal-return': '✓',
  undecided: '?',
};

/** "Soyuz MS-22 leaves uncrewed at once: …": when the damaged vehicle leaves in a replacement plan. */
export function uncrewedDepartureSentence(vehicleName: string, departure: UncrewedDeparture): string {
  return departure === 'now'
    ? `${vehicleName} leaves uncrewed at once: nobody waits on it, so its life need not last the wait`
    : `${vehicleName} leaves uncrewed once the replacement has docked and the seat liners have moved`;
}
