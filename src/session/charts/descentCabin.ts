import type { Situation } from '../../../machines/policy/policy';
import { thresholdKeyFor } from '../../../machines/policy/thresholds';
import { evaluateRule, type RuleStatus } from '../../../machines/rules/evaluate';
import { type FlightRule, peakCabinHumidityRule, peakCabinTempRule } from '../../../machines/rules/flightRules';
import { crewQuantityKey, quantityOfKey } from '../../../machines/rules/quantities';
import { crewReading, peakCabinTempReading } from '../../../machines/rules/readings';
import { descentCabinModelOf, descentThermalEstimate, estimatedSource } from '../../../machines/thermal/estimate';
import type { Tier } from '../../../machines/types';

/** The per-crew-count quantities of the thermal case: what the descent cabin reaches with N aboard. */
const descentCabinQuantities = ['peakCabinTempC', 'peakCabinHumidityPct'] as const;
type DescentCabinQuantity = (typeof descentCabinQuantities)[number];

/** One crew count's predicted peak, as the rules read it: the nominal value, the range and whether it is an estimate. */
export interface CabinPrediction {
  crewCount: number;
  nominal: number;
  /** The reported range; an end not reported is the nominal value. */
  low: number;
  high: number;
  /** The end the rules judge (the worse one). */
  judged: number;
  source: string;
  estimated: boolean;
  /** The thermal rule's verdict on the judged end in each tier: the one evaluator's, not the chart's. */
  status: { nominal: RuleStatus; emergency: RuleStatus };
}

export interface CabinSeries {
  quantity: DescentCabinQuantity;
  label: string;
  unit: string;
  limits: { nominal: number | null; emergency: number | null };
  /** Every crew count from 1 to the crew's size: null where nothing is reported or estimated. */
  byCrewCount: { crewCount: number; prediction: CabinPrediction | null }[];
}

/**
 * The predicted peak descent cabin temperature and humidity for each crew count, read the way the
 * thermal rules read them (so an estimate standing in for a missing report shows here as it is judged).
 */
export function descentCabinSeries(situation: Situation): CabinSeries[] {
  const crewCounts = Array.from({ length: situation.setup.crew.length }, (_, i) => i + 1);
  return descentCabinQuantities.map((quantity) => {
    const rule = quantity === 'peakCabinTempC' ? peakCabinTempRule : peakCabinHumidityRule;
    const limit = (tier: Tier) => situation.thresholds[thresholdKeyFor(rule.threshold, tier)] ?? null;
    const definition = quantityOfKey(quantity)?.definition;
    return {
      quantity,
      label: definition?.label ?? quantity,
      unit: definition?.unit ?? '',
      limits: { nominal: limit('nominal'), emergency: limit('emergency') },
      byCrewCount: crewCounts.map((crewCount) => ({ crewCount, prediction: prediction(situation, rule, crewCount) })),
    };
  });
}

function prediction(situation: Situation, rule: FlightRule, crewCount: number): CabinPrediction | null {
  const { quantity } = rule;
  const { damagedVehicle } = situation.setup;
  // The reading the rules judge: for the temperature, the report or else the cabin model's estimate.
  const reading =
    quantity === 'peakCabinTempC'
      ? peakCabinTempReading(damagedVehicle, situation.values, crewCount)
      : crewReading(situation.values, quantity, true, crewCount);
  if (reading.value === null) return null;
  const nominal = reading.nominalValue ?? reading.value;
  const source = reading.valueSource ?? '';
  // The reading carries the judged (worse) end; the other end of the range is the report's or the estimate's.
  const assessed = situation.values[crewQuantityKey(quantity, crewCount)];
  const model = !assessed && source === estimatedSource ? descentCabinModelOf(damagedVehicle.classId) : undefined;
  const estimate = model ? descentThermalEstimate(model, situation.values, crewCount) : undefined;
  const range = estimate
    ? { low: estimate.lowC, high: estimate.highC }
    : assessed?.source === source
      ? { low: assessed.low, high: assessed.high }
      : {};
  const ends = [reading.value, nominal, range.low ?? nominal, range.high ?? nominal];
  return {
    crewCount,
    nominal,
    low: Math.min(...ends),
    high: Math.max(...ends),
    judged: reading.value,
    source,
    estimated: source === estimatedSource,
    status: {
      nominal: evaluateRule(rule, reading, situation.thresholds, 'nominal', { crewCount }).status,
      emergency: evaluateRule(rule, reading, situation.thresholds, 'emergency', { crewCount }).status,
    },
  };
}
