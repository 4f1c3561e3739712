import type { OutcomeId } from '../../../machines/types';

export const outcomeLabels: Record<OutcomeId, string> = {
  'return-on-damaged-vehicle': 'Return on the damaged vehicle',
  'return-reduced-crew': 'Return with fewer crew',
  'launch-replacement': 'Launch replacement',
  'emergency-return': 'Emergency return',
  'nominal-return': 'Nominal return',
  undecided: 'Undecided: escalate',
};
