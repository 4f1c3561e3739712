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
  const keys = keysOf(rule);
  const perCrew = rule.perCrewCount && crewCount !== undefined;
  const quantityKey = perCrew ? (keys.byCrewCount[crewCount] ?? crewQuantityKey(rule.quantity, crewCount)) : rule.quantity;
  const thresholdKey = tier === 'nominal' ? keys.nominal : keys.emergency;
  const threshold = thresholds[thresholdKey] ?? Number.NaN;
  const assessed = values[quantityKey];
  const value = assessed === undefined ? null : conservativeEnd(assessed, rule.comparator);
  const margin = value === null ? null : rule.comparator === '<=' ? threshold - value : value - threshold;
  const status: RuleStatus = margin === null || Number.isNaN(margin) ? 'unknown' : margin >= 0 ? 'pass' : 'fail';
  const evaluation: RuleEvaluation = {
    ruleId: rule.id,
    tier,
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
  if (perCrew) evaluation.crewCount = crewCount;
  return evaluation;
}

/** Keys are resolved once per rule: the evaluator runs thousands of times per flip-point search. */
const keyCache = new WeakMap<FlightRule, { nominal: string; emergency: string; byCrewCount: string[] }>();
function keysOf(rule: FlightRule) {
  let keys = keyCache.get(rule);
  if (!keys) {
    keys = {
      nominal: thresholdKeyFor(rule.threshold, 'nominal'),
      emergency: thresholdKeyFor(rule.threshold, 'emergency'),
      byCrewCount: Array.from({ length: 8 }, (_, n) => crewQuantityKey(rule.quantity, n)),
    };
    keyCache.set(rule, keys);
  }
  return keys;
}

function conservativeEnd(assessed: AssessedValue, comparator: '<=' | '>='): number {
  return comparator === '<=' ? (assessed.high ?? assessed.nominal) : (assessed.low ?? assessed.nominal);
}

export function allPass(evaluations: readonly RuleEvaluation[]): boolean {
  return evaluations.every((e) => e.status === 'pass');
}
