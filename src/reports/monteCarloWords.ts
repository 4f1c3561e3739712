/** Words and table rows for a Monte Carlo result, shared by the CLI and the app so that both say it alike. */

import { type MonteCarloResult, type OutcomeId, type Situation, thresholdDefinitionByKey } from '../session/model';
import { changedFrom, type ThresholdProfile } from '../session/profile';
import { countText, percentText, roundTo, standardErrorText, utcMinute, withUnit } from './format';
import { outcomeLabels } from './outcomeWords';
import { decimalsOf } from './resolution';
import { thresholdName } from './ruleWords';

export { percentText, standardErrorText };

export const monteCarloMethod =
  'each assessed value reported with a range drawn from a triangular distribution on its low, nominal and high';

export function runSentence(result: Pick<MonteCarloResult, 'samples' | 'seed'>): string {
  return `${countText(result.samples)} samples, seed ${result.seed}`;
}

export interface OddsRow {
  outcome: OutcomeId;
  label: string;
  probability: number;
  standardError: number;
  isRecommended: boolean;
}

/** One row per outcome that occurred, the most likely first; the recommended one is marked. */
export function oddsRows(result: MonteCarloResult): OddsRow[] {
  return (Object.entries(result.outcomes) as [OutcomeId, number][])
    .map(([outcome, probability]) => ({
      outcome,
      label: outcomeLabels[outcome],
      probability,
      standardError: result.standardErrors[outcome] ?? 0,
      isRecommended: outcome === result.recommended,
    }))
    .sort((a, b) => b.probability - a.probability || a.outcome.localeCompare(b.outcome));
}

export const tornadoCaption = (result: MonteCarloResult) =>
  `How far the odds of “${outcomeLabels[result.recommended]}” move with each uncertain value held at its low and at its high end (the others drawn), largest swing first`;

export const rangeText = (low: number, high: number, unit: string) => `${withUnit(low, unit)} – ${withUnit(high, unit)}`;

/** Probability points: `+100 points` reads wrongly as a percentage of a percentage, so a swing is in points. */
export const swingText = (swing: number) => `${roundTo(swing * 100, decimalsOf('points')).toFixed(decimalsOf('points'))} points`;

/** The situation a run is computed for, in words: scenario, step, scenario time, thresholds changed, values explored. */
export function situationWords(
  scenarioTitle: string,
  step: number,
  situation: Situation,
  profile: ThresholdProfile,
  exploredValues: number,
): string {
  const changed = changedFrom(profile.values, situation.thresholds).map(([key, value]) => {
    const unit = thresholdDefinitionByKey.get(key)?.unit ?? '';
    return `${thresholdName(key)} ${withUnit(value, unit)}`;
  });
  const thresholds = changed.length ? `${changed.join(', ')} changed from` : 'as in';
  const explored = exploredValues ? `, ${exploredValues} assessed value${exploredValues === 1 ? '' : 's'} explored` : '';
  return `${scenarioTitle}, step ${step} (${utcMinute(situation.nowUtc)}), thresholds ${thresholds} profile ${profile.id} v${profile.version}${explored}`;
}
