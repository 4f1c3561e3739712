import type { MonteCarloResult } from '../session/model';
import {
  monteCarloMethod,
  oddsRows,
  percentText,
  rangeText,
  runSentence,
  standardErrorText,
  swingText,
  tornadoCaption,
} from './monteCarloWords';
import { outcomeLabels } from './outcomeWords';
import { table } from './text';

/** The odds and the tornado as text, after the recommendation they qualify (which they never replace). */
export function formatMonteCarlo(result: MonteCarloResult): string {
  const lines = [
    `how likely each outcome is (Monte Carlo, ${runSentence(result)}; ${monteCarloMethod}):`,
    ...table(
      ['outcome', 'probability', 'standard error', ''],
      oddsRows(result).map((row) => [
        row.outcome,
        percentText(row.probability),
        standardErrorText(row.standardError),
        row.isRecommended ? 'the recommendation' : '',
      ]),
    ).map((line) => `  ${line}`),
    `  the recommendation stays “${outcomeLabels[result.recommended]}” (${result.recommended}): judged at the conservative end of every range; the odds say how fragile it is`,
  ];
  if (result.tornado.length) {
    lines.push('', `${tornadoCaption(result)}:`);
    lines.push(
      ...table(
        ['uncertain value', 'range', 'at low', 'at high', 'swing'],
        result.tornado.map((bar) => [
          bar.label,
          rangeText(bar.low, bar.high, bar.unit),
          percentText(bar.probabilityAtLow),
          percentText(bar.probabilityAtHigh),
          swingText(bar.swing),
        ]),
      ).map((line) => `  ${line}`),
    );
  } else lines.push('  no assessed value has a range: every sample is the recommendation’s own situation');
  return lines.join('\n');
}
