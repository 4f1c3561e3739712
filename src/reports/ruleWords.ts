/** A rule's quantities, thresholds and reading in words: the cells of a rule line and the sentence they make. */
import type { RecordRule } from '../session/decisionRecord';
import { derivedQuantityLabel, estimatedSource, quantityOfKey, thresholdDefinitionByKey } from '../session/model';
import { ruleReading } from './ruleReading';

/** `Predicted peak descent cabin temperature (3 crew)` for `peakCabinTempC.crew3`. */
export function quantityLabel(key: string): string {
  const quantity = quantityOfKey(key);
  if (!quantity) return derivedQuantityLabel(key) ?? key;
  return quantity.crewCount === undefined
    ? quantity.definition.label
    : `${quantity.definition.label} (${quantity.crewCount} crew)`;
}

/** `Peak descent cabin temperature (emergency)` for `maxDescentCabinTempC.emergency`. */
export function thresholdName(key: string): string {
  const definition = thresholdDefinitionByKey.get(key);
  return definition ? `${definition.label}${definition.tier ? ` (${definition.tier})` : ''}` : key;
}

export function quantityUnit(key: string): string {
  return quantityOfKey(key)?.definition.unit ?? '';
}

/** A value the descent-thermal model estimated says so wherever it is shown: "estimated 48.7 °C". */
export function sourcedValue(shown: string, valueSource: string | null | undefined): string {
  return valueSource === estimatedSource ? `estimated ${shown}` : shown;
}

/** The cells of a rule line, units on every number. */
export function ruleCells(rule: RecordRule): {
  rule: string;
  subject: string;
  tier: string;
  value: string;
  limit: string;
  margin: string;
  result: string;
} {
  const reading = ruleReading(rule);
  const value =
    reading.value === null
      ? 'unknown'
      : `${sourcedValue(reading.value, rule.valueSource)}${reading.nominal === null ? '' : ` (nominal ${reading.nominal})`}`;
  return {
    rule: rule.rule,
    subject: rule.subject,
    tier: rule.tier,
    value,
    limit: `${comparatorSymbol(rule.comparator)} ${reading.limit}`,
    margin: reading.margin,
    result: rule.status.toUpperCase(),
  };
}

/** "thermal.peak-cabin-temp (3 crew, emergency): 43 °C vs ≤ 40 °C, margin −3 °C, FAIL". */
export function ruleSentence(rule: RecordRule): string {
  const c = ruleCells(rule);
  return `${c.rule} (${[c.subject, c.tier].filter(Boolean).join(', ')}): ${c.value} vs ${c.limit}, margin ${c.margin}, ${c.result}`;
}

/** `≤` or `≥`: how a rule compares, as it is printed. */
export const comparatorSymbol = (comparator: '<=' | '>='): '≤' | '≥' => (comparator === '<=' ? '≤' : '≥');
