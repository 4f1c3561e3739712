import { type ThresholdKey, type ThresholdValues, thresholdDefinitionByKey, thresholdKeyFor } from '../policy/thresholds';
import type { AssessedValue, Tier } from '../types';
import type { FlightRule } from './flightRules';
import { quantityOfKey } from './quantities';

export type RuleStatus = 'pass' | 'fail' | 'unknown';

/** An assessed input a reading moves with: the reading changes by `scale` per unit of the input's conservative end. */
export interface InputTerm {
  key: string;
  scale: number;
}

/** What a rule reads: an assessed value, or one worked out from assessed values and vehicle facts. */
export interface Reading {
  quantityKey: string;
  /** The conservative end: what the rule judges. */
  value: number | null;
  nominalValue: number | null;
  valueSource: string | null;
  inputs: readonly InputTerm[];
}

/** The option a rule was evaluated for: crew aboard, and the vehicle or descent mode where the rule is about one. */
export interface EvaluationScope {
  crewCount?: number;
  vehicleId?: string;
  descentModeId?: string;
}

/** A stable key for an evaluation: rule, tier, crew option, vehicle, mode, what it read (the same within a situation wherever it is read). */
export function evaluationKey(e: RuleEvaluation): string {
  return [e.ruleId, e.tier, e.crewCount ?? '', e.vehicleId ?? '', e.descentModeId ?? '', e.quantityKey].join('|');
}

export interface RuleEvaluation extends EvaluationScope {
  ruleId: string;
  tier: Tier;
  quantityKey: string;
  value: number | null;
  nominalValue: number | null;
  valueSource: string | null;
  inputs: readonly InputTerm[];
  comparator: '<=' | '>=';
  /** The profile threshold the limit comes from. */
  thresholdKey: ThresholdKey;
  /** The limit the value is compared with: the threshold itself, or (seats) a capacity the threshold bounds. */
  threshold: number;
  unit: string;
  status: RuleStatus;
  /** How far the value may move before the result flips; positive while passing, null when unknown. */
  margin: number | null;
}

export type AssessedValues = Readonly<Record<string, AssessedValue>>;

/** One pure evaluator for every rule; an unknown value (missing, or from a fact no source gives) never passes. */
export function evaluateRule(
  rule: FlightRule,
  reading: Reading,
  thresholds: ThresholdValues,
  tier: Tier,
  scope: EvaluationScope,
  limit?: number,
): RuleEvaluation {
  const thresholdKey = tier === 'nominal' ? keysOf(rule).nominal : keysOf(rule).emergency;
  const threshold = limit ?? thresholds[thresholdKey] ?? Number.NaN;
  const { value } = reading;
  const margin = value === null ? null : rule.comparator === '<=' ? threshold - value : value - threshold;
  const status: RuleStatus = margin === null || Number.isNaN(margin) ? 'unknown' : margin >= 0 ? 'pass' : 'fail';
  // One fixed shape (absent scope fields are undefined): a spread here made this the policy's hot spot.
  return {
    ruleId: rule.id,
    tier,
    crewCount: scope.crewCount,
    vehicleId: scope.vehicleId,
    descentModeId: scope.descentModeId,
    quantityKey: reading.quantityKey,
    value,
    nominalValue: reading.nominalValue,
    valueSource: reading.valueSource,
    inputs: reading.inputs,
    comparator: rule.comparator,
    thresholdKey,
    threshold,
    unit: unitOf(rule),
    status,
    margin: margin === null || Number.isNaN(margin) ? null : margin,
  };
}

/** A rule's unit is its threshold's, stated once in the threshold's definition. */
const unitByRule = new WeakMap<FlightRule, string>();
export function unitOf(rule: FlightRule): string {
  let unit = unitByRule.get(rule);
  if (unit === undefined) {
    unit = thresholdDefinitionByKey.get(thresholdKeyFor(rule.threshold, 'nominal'))?.unit ?? '';
    unitByRule.set(rule, unit);
  }
  return unit;
}

/** Keys are resolved once per rule: the evaluator runs thousands of times per flip-point search. */
const keyCache = new WeakMap<FlightRule, { nominal: ThresholdKey; emergency: ThresholdKey }>();
function keysOf(rule: FlightRule) {
  let keys = keyCache.get(rule);
  if (!keys) {
    keys = { nominal: thresholdKeyFor(rule.threshold, 'nominal'), emergency: thresholdKeyFor(rule.threshold, 'emergency') };
    keyCache.set(rule, keys);
  }
  return keys;
}

const worseByKey = new Map<string, 'higher' | 'lower'>();

/** Which way is worse for an assessed key (`peakCabinTempC.crew3` reads as `peakCabinTempC`). */
export function worseDirection(key: string): 'higher' | 'lower' {
  let worse = worseByKey.get(key);
  if (!worse) {
    worse = quantityOfKey(key)?.definition.worse ?? 'higher';
    worseByKey.set(key, worse);
  }
  return worse;
}

/** The worse end of a reported range: what every rule judges. */
export function conservativeEnd(key: string, assessed: AssessedValue): number {
  return worseDirection(key) === 'higher' ? (assessed.high ?? assessed.nominal) : (assessed.low ?? assessed.nominal);
}

/** An assessed value read as it is. */
export function assessedReading(values: AssessedValues, key: string): Reading {
  const assessed = values[key];
  const inputs = inputsOf(key);
  if (!assessed) return { quantityKey: key, value: null, nominalValue: null, valueSource: null, inputs };
  return {
    quantityKey: key,
    value: conservativeEnd(key, assessed),
    nominalValue: assessed.nominal,
    valueSource: assessed.source,
    inputs,
  };
}

// Shared and frozen: a reading of an assessed value moves one for one with it.
const inputsByKey = new Map<string, readonly InputTerm[]>();
function inputsOf(key: string): readonly InputTerm[] {
  let inputs = inputsByKey.get(key);
  if (!inputs) {
    inputs = Object.freeze([Object.freeze({ key, scale: 1 })]);
    inputsByKey.set(key, inputs);
  }
  return inputs;
}

export function allPass(evaluations: readonly RuleEvaluation[]): boolean {
  for (const e of evaluations) if (e.status !== 'pass') return false;
  return true;
}
