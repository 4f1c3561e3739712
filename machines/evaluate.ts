import type { FlightRule } from './rules';
import { crewQuantityKey } from './rules';
import { type ThresholdValues, thresholdKeyFor } from './thresholds';
import type { AssessedValue, Tier } from './types';

export type RuleStatus = 'pass' | 'fail' | 'unknown';

export interface RuleEvaluation {
  ruleId: string;
  tier: Tier;
  crewCount?: number;
  quantityKey: string;
  /** The conservative end of the reported range: what the rule judges. */
  value: number | null;
  nominalValue: number | null;
  valueSource: string | null;
  comparator: '<=' | '>=';
  thresholdKey: string;
  threshold: number;
  unit: string;
  status: RuleStatus;
  /** How far the value may move before the result flips; positive while passing, null when unknown. */
  margin: number | null;
}

export type AssessedValues = Readonly<Record<string, AssessedValue>>;

/** One pure evaluator for every rule; a missing value is unknown and never passes. */
export function evaluateRule(
  rule: FlightRule,
  values: AssessedValues,
  thresholds: ThresholdValues,
  tier: Tier,
  crewCount?: number,
): RuleEvaluation {
  const quantityKey = rule.perCrewCount && crewCount !== undefined ? crewQuantityKey(rule.quantity, crewCount) : rule.quantity;
  const thresholdKey = thresholdKeyFor(rule.threshold, tier);
  const threshold = thresholds[thresholdKey] ?? Number.NaN;
  const assessed = values[quantityKey];
  const value = assessed === undefined ? null : conservativeEnd(assessed, rule.comparator);
  const margin = value === null ? null : rule.comparator === '<=' ? threshold - value : value - threshold;
  const status: RuleStatus = margin === null || Number.isNaN(margin) ? 'unknown' : margin >= 0 ? 'pass' : 'fail';
  return {
    ruleId: rule.id,
    tier,
    ...(rule.perCrewCount && crewCount !== undefined ? { crewCount } : {}),
    quantityKey,
    value,
    nominalValue: assessed?.nominal ?? null,
    valueSource: assessed?.source ?? null,
    comparator: rule.comparator,
    thresholdKey,
    threshold,
    unit: rule.unit,
    status,
    margin,
  };
}

function conservativeEnd(assessed: AssessedValue, comparator: '<=' | '>='): number {
  return comparator === '<=' ? (assessed.high ?? assessed.nominal) : (assessed.low ?? assessed.nominal);
}

export function allPass(evaluations: readonly RuleEvaluation[]): boolean {
  return evaluations.every((e) => e.status === 'pass');
}
