/** Words for the headline answer, shared so the screen and any export say it the same way. */

import type { Answer, ChangeCause } from '../session/answer';
import { flipRelation, type NearestFlip, type OutcomeId, type RuleEvaluation, thresholdDefinitionByKey } from '../session/model';
import { describeEvent } from './eventWords';
import { inputFlipSentence, shownFlipAt } from './flipWords';
import { utcDay } from './format';
import { outcomeLabels } from './outcomeWords';
import { ruleReading } from './ruleReading';
import { comparatorSymbol, quantityLabel, sourcedValue, thresholdName } from './ruleWords';
import type { TemperatureUnit } from './shownUnit';

/** Shows a value with its unit (the screen converts temperatures; a difference converts without the offset). */
export type Shown = (value: number, unit: string, isDifference?: boolean) => string;

/** The first line: the recommendation, or what the assessment still waits for. */
export function answerHeadline(answer: Answer): string {
  if (!answer.recommendation) return 'No anomaly yet: the vehicle serves as the crew’s lifeboat and ride home';
  if (!answer.assessmentIncomplete) return outcomeLabels[answer.recommendation.outcome];
  const [first, ...more] = answer.waitingFor.map(quantityLabel);
  if (!first) return 'Assessment incomplete: waiting for the flyability assessment';
  return `Assessment incomplete: waiting for ${first.toLowerCase()}${more.length ? ` and ${more.length} more value${more.length > 1 ? 's' : ''}` : ''}`;
}

/** "Not reported yet: a, b and c." */
export function waitingForSentence(answer: Answer): string {
  return `Not reported yet: ${listed(answer.waitingFor.map(quantityLabel))}; and the flyability assessment is not complete`;
}

/** "Row 3 decides: A replacement can arrive … — 2 crew keep emergency seats on Soyuz MS-22, 1 on other vehicles." */
export function decidingRowSentence(row: NonNullable<Answer['decidingRow']>): string {
  return `Row ${row.index} decides: ${row.statement}: ${row.reason}`;
}

/** "Peak cabin temperature (3 crew), emergency tier: 43 °C against a limit of ≤ 40 °C: fails by 3 °C". */
export function decidingNumberSentence(e: RuleEvaluation, thin: boolean, temperatureUnit: TemperatureUnit): string {
  const reading = ruleReading(e, temperatureUnit);
  const value = reading.value === null ? 'unknown' : sourcedValue(reading.value, e.valueSource);
  const { by } = reading;
  const verdict =
    e.margin === null ? 'unknown' : e.status === 'pass' ? `passes by ${by}${thin ? ' (thin margin)' : ''}` : `fails by ${by}`;
  return `${quantityLabel(e.quantityKey)}, ${e.tier} tier: ${value} against a limit of ${comparatorSymbol(e.comparator)} ${reading.limit}: ${verdict}`;
}

/** The nearest change that flips the answer, threshold or assessed value. */
export function nearestFlipSentence(nearest: NearestFlip | null, shown: Shown): string {
  if (!nearest) return 'No single threshold or assessed value, within its plausible range, changes it';
  const becomes = `“${outcomeLabels[nearest.flip.newOutcome]}”`;
  if (nearest.kind === 'input') return capitalized(inputFlipSentence(nearest.flip, shown, becomes));
  const { flip } = nearest;
  const unit = thresholdDefinitionByKey.get(flip.thresholdKey)?.unit ?? '';
  const name = thresholdName(flip.thresholdKey).toLowerCase();
  return `${flip.direction === 'raise' ? 'Raising' : 'Lowering'} the limit for ${name} to ${flipRelation(flip)} ${shownFlipAt(flip, unit, shown)} (now ${shown(flip.current, unit)}) would make it ${becomes}`;
}

/** "Changed from “Undecided: escalate” at step 17 (Flyability assessment complete)", or after an operator's edit. */
export function changeSentence(from: OutcomeId | null, cause: ChangeCause, shown: Shown): string {
  const before = from ? `from “${outcomeLabels[from]}”` : 'from no recommendation';
  if (cause.kind === 'step') return `Changed ${before} at step ${cause.step + 1} (${cause.description})`;
  const { event } = cause;
  if (event.type === 'thresholds.change') {
    const unit = thresholdDefinitionByKey.get(event.key)?.unit ?? '';
    return `Changed ${before} after the edit of the limit for ${thresholdName(event.key).toLowerCase()} to ${shown(event.value, unit)}`;
  }
  return `Changed ${before} after ${event.type}: ${describeEvent(event)}`;
}

/** Who decided, what and when, as the scenario's script says: history in a historical scenario. */
export interface ScriptedDecision {
  scenarioKind: 'historical' | 'hypothetical';
  by: { name: string; role: string };
  atUtc: string;
  /** `confirmed`: the recommendation then (`outcome`, when known); `overridden`: to `outcome`. */
  kind: 'confirmed' | 'overridden';
  outcome: OutcomeId | null;
}

/** "History: State commission (decision authority) confirmed “Launch a replacement” on 11 Jan 2023". */
export function scriptedDecisionSentence(d: ScriptedDecision, tense: 'replays' | 'replayed'): string {
  const what =
    d.kind === 'overridden'
      ? `${tense === 'replays' ? 'overrides' : 'overrode'} to “${d.outcome ? outcomeLabels[d.outcome] : 'another outcome'}”`
      : `${tense === 'replays' ? 'confirms' : 'confirmed'} ${d.outcome ? `“${outcomeLabels[d.outcome]}”` : 'the recommendation'}`;
  return `${d.scenarioKind === 'historical' ? 'History' : 'The scenario’s script'}: ${d.by.name} (${d.by.role}) ${what} on ${utcDay(d.atUtc)}`;
}

const listed = (items: string[]) =>
  items.length <= 1 ? (items[0] ?? '') : `${items.slice(0, -1).join(', ')} and ${items.at(-1)}`;
const capitalized = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
