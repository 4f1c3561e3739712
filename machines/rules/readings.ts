/**
 * Vehicle-relative quantities the rules read, worked out from assessed values and vehicle facts. Each
 * says which assessed inputs it moves with (and how fast), so "what would change it" can solve for them.
 */

import {
  descentCabinModelOf,
  descentThermalEstimate,
  type EstimateInputUsed,
  estimatedSource,
  estimateFromInputs,
} from '../thermal/estimate';
import type { AssessedValue } from '../types';
import { type DescentMode, descentFactKey, minThrustersKey, thrusterCountKey } from '../vehicles/vehicleClass';
import { fact, systemOf, type Vehicle } from '../vehicles/vehicles';
import { type AssessedValues, assessedReading, conservativeEnd, type InputTerm, type Reading, worseDirection } from './evaluate';
import { crewQuantityKey, thrusterGroupKey } from './quantities';
import { estimateApplies, touched } from './systemFindings';

const msPerDay = 86_400_000;

export function daysSince(sinceUtc: string, nowUtc: string): number {
  return (parsedUtc(nowUtc) - parsedUtc(sinceUtc)) / msPerDay;
}

// A session reads the same few instants thousands of times (every policy evaluation, every flip
// point); parsing each once saves a tenth of the policy's time. Bounded, as a session may be long.
const parsed = new Map<string, number>();
function parsedUtc(utc: string): number {
  let ms = parsed.get(utc);
  if (ms === undefined) {
    if (parsed.size >= 4096) parsed.clear();
    ms = Date.parse(utc);
    parsed.set(utc, ms);
  }
  return ms;
}

/** Days of life used: from launch or from docking, as the class's life counts. */
export function vehicleAgeDays(vehicle: Vehicle, nowUtc: string): number {
  const since = vehicle.vehicleClass.life.countsFrom === 'docking' ? vehicle.dockedUtc : vehicle.launchedUtc;
  return since === undefined ? Number.NaN : daysSince(since, nowUtc);
}

function derived(quantityKey: string, value: number, nominalValue: number, inputs: Reading['inputs']): Reading {
  const known = Number.isFinite(value);
  return {
    quantityKey,
    value: known ? value : null,
    nominalValue: known && Number.isFinite(nominalValue) ? nominalValue : null,
    valueSource: known ? 'derived' : null,
    inputs,
  };
}

/** Per-crew assessed values are reported for each crew count. */
export function crewReading(values: AssessedValues, quantity: string, perCrewCount: boolean, crewCount: number): Reading {
  return assessedReading(values, perCrewCount ? crewKey(quantity, crewCount) : quantity);
}

/**
 * The predicted peak descent cabin temperature for a crew count: the report where one exists, else
 * the estimate of the class's cabin model (source `estimated`, judged at its high end), else unknown.
 */
export function peakCabinTempReading(vehicle: Vehicle, values: AssessedValues, crewCount: number): Reading {
  const reported = crewReading(values, 'peakCabinTempC', true, crewCount);
  if (reported.value !== null) return reported;
  const model = estimateApplies(vehicle, values) ? descentCabinModelOf(vehicle.classId) : undefined;
  if (!model || crewCount < 1) return reported;
  let byCrew = estimatedByValues.get(values);
  if (!byCrew) {
    byCrew = new Map();
    estimatedByValues.set(values, byCrew);
  }
  const key = `${vehicle.classId}:${crewCount}`;
  let reading = byCrew.get(key);
  if (!reading) {
    const estimate = descentThermalEstimate(model, values, crewCount);
    reading = {
      quantityKey: reported.quantityKey,
      value: estimate.highC,
      nominalValue: estimate.nominalC,
      valueSource: estimatedSource,
      inputs: estimateInputTerms(estimate.inputs, crewCount, estimate.highC),
    };
    byCrew.set(key, reading);
  }
  return reading;
}

// Values objects are immutable: the policy reads the same estimate for each tier and row.
const estimatedByValues = new WeakMap<AssessedValues, Map<string, Reading>>();

/** How the high end moves per unit of each input's conservative end, so flip points can solve for the inputs. */
function estimateInputTerms(inputs: readonly EstimateInputUsed[], crewCount: number, highC: number): InputTerm[] {
  return inputs.map(({ key, value }) => {
    const at = conservativeEnd(key, value);
    const step = Math.max(Math.abs(at), 1) * 1e-6;
    const end = worseDirection(key) === 'higher' ? 'high' : 'low';
    const moved = inputs.map((i) => (i.key === key ? { ...i, value: { ...value, [end]: at + step } } : i));
    return { key, scale: (estimateFromInputs(crewCount, moved).highC - highC) / step };
  });
}

const crewKeys = new Map<string, string[]>();
export function crewKey(quantity: string, crewCount: number): string {
  let keys = crewKeys.get(quantity);
  if (!keys) {
    keys = [];
    crewKeys.set(quantity, keys);
  }
  keys[crewCount] ??= crewQuantityKey(quantity, crewCount);
  return keys[crewCount];
}

export function lifeUsedAtReturn(vehicle: Vehicle, nowUtc: string): Reading {
  const pct = (100 * vehicleAgeDays(vehicle, nowUtc)) / fact(vehicle, 'certifiedLifeDays');
  return derived('lifeUsedAtReturnPct', pct, pct, []);
}

/** What the wait reads: the lead time, whether a common-cause question is open, and the hold while one is. */
export const waitInputKeys = ['replacementLeadTimeDays', 'openCommonCauseQuestions', 'commonCauseHoldDays'] as const;

/** The wait: lead time, plus the common-cause hold while a question is open. Null when a needed value is missing. */
function waitDays(values: AssessedValues): { worst: number; nominal: number; inputs: string[] } | null {
  const lead = values.replacementLeadTimeDays;
  if (!lead) return null;
  const open = values.openCommonCauseQuestions?.nominal ?? 0;
  if (open <= 0) {
    return {
      worst: conservativeEnd('replacementLeadTimeDays', lead),
      nominal: lead.nominal,
      inputs: ['replacementLeadTimeDays'],
    };
  }
  const hold: AssessedValue | undefined = values.commonCauseHoldDays;
  if (!hold) return null;
  return {
    worst: conservativeEnd('replacementLeadTimeDays', lead) + conservativeEnd('commonCauseHoldDays', hold),
    nominal: lead.nominal + hold.nominal,
    inputs: ['replacementLeadTimeDays', 'commonCauseHoldDays'],
  };
}

export function lifeUsedAtReplacementArrival(vehicle: Vehicle, nowUtc: string, values: AssessedValues): Reading {
  const key = 'lifeUsedAtReplacementArrivalPct';
  const wait = waitDays(values);
  const lifeDays = fact(vehicle, 'certifiedLifeDays');
  if (!wait) return derived(key, Number.NaN, Number.NaN, [{ key: 'replacementLeadTimeDays', scale: 100 / lifeDays }]);
  const age = vehicleAgeDays(vehicle, nowUtc);
  return derived(
    key,
    (100 * (age + wait.worst)) / lifeDays,
    (100 * (age + wait.nominal)) / lifeDays,
    wait.inputs.map((input) => ({ key: input, scale: 100 / lifeDays })),
  );
}

/**
 * The mode's deorbit delta-v against the class's requirement: the report where there is one; unknown
 * when a finding touched the system that delivers it; null (nothing to judge) when that system performs
 * as its class says and nobody reported on it.
 */
/** Days someone waits without a lifeboat: the whole wait for the replacement, its worst end. */
export function daysWithoutLifeboat(values: AssessedValues): Reading {
  const wait = waitDays(values);
  const inputs = (wait?.inputs ?? ['replacementLeadTimeDays']).map((key) => ({ key, scale: 1 }));
  return derived('daysWithoutLifeboat', wait?.worst ?? Number.NaN, wait?.nominal ?? Number.NaN, inputs);
}

export function deorbitMargin(vehicle: Vehicle, mode: DescentMode, values: AssessedValues): Reading | null {
  const required = fact(vehicle, 'deorbitDeltaVRequiredMps');
  const available = assessedReading(values, mode.deorbitDeltaVQuantity);
  const inputs = [{ key: mode.deorbitDeltaVQuantity, scale: 100 / required }];
  if (available.value === null) {
    const engine = systemOf(vehicle, mode.deorbitBy);
    if (mode.kind === 'nominal' && engine && !touched(values, engine)) return null;
    return derived('deorbitDeltaVMarginPct', Number.NaN, Number.NaN, inputs);
  }
  return derived(
    'deorbitDeltaVMarginPct',
    (100 * available.value) / required - 100,
    (100 * (available.nominalValue ?? available.value)) / required - 100,
    inputs,
  );
}

/**
 * Working thrusters of a group the mode needs, less the mode's minimum: judged once a loss is reported
 * for the group (an intact group performs as its class says).
 */
export function thrusterFaultTolerance(
  vehicle: Vehicle,
  mode: DescentMode,
  groupId: string,
  values: AssessedValues,
): Reading | null {
  const keys = groupKeys(mode.id, groupId);
  const lost = assessedReading(values, keys.lost);
  if (lost.value === null) return null;
  const spare = fact(vehicle, keys.count) - fact(vehicle, keys.min);
  return derived(keys.tolerance, spare - lost.value, spare - (lost.nominalValue ?? lost.value), keys.inputs);
}

// Keys of a mode's thruster group, built once: the policy asks for them on every evaluation.
type GroupKeys = { lost: string; count: string; min: string; tolerance: string; inputs: InputTerm[] };
const groupKeysCache = new Map<string, Map<string, GroupKeys>>();
function groupKeys(modeId: string, groupId: string): GroupKeys {
  let byGroup = groupKeysCache.get(modeId);
  if (!byGroup) {
    byGroup = new Map();
    groupKeysCache.set(modeId, byGroup);
  }
  let keys = byGroup.get(groupId);
  if (!keys) {
    const lost = thrusterGroupKey('thrustersLost', groupId);
    keys = {
      lost,
      count: thrusterCountKey(groupId),
      min: minThrustersKey(modeId, groupId),
      tolerance: `thrusterFaultToleranceLeft.${groupId}`,
      inputs: [{ key: lost, scale: -1 }],
    };
    byGroup.set(groupId, keys);
  }
  return keys;
}

export function descentPeakG(vehicle: Vehicle, mode: DescentMode): Reading {
  const key = descentFactKey(mode.id, 'peakG');
  const peak = vehicle.facts[key];
  const value = peak?.value ?? null;
  return {
    quantityKey: 'descentPeakG',
    value,
    nominalValue: value,
    valueSource: value === null ? null : (peak?.source ?? null),
    inputs: [],
  };
}
