import { evaluateRule, type Reading, type RuleEvaluation } from '../rules/evaluate';
import { damagedVehicleSeatsRule, lifeAtReturnRule, otherVehicleSeatsRule, peakGRule } from '../rules/flightRules';
import { descentPeakG, lifeUsedAtReturn } from '../rules/readings';
import type { MissionSetup, Tier } from '../types';
import type { Vehicle } from '../vehicles/vehicles';
import {
  maxRelocatableCrew,
  planSeats,
  type SeatAssignment,
  type SeatPurpose,
  seatCapacity,
  seatPolicyThresholdKeys,
} from './seatPlan';
import { type ThresholdKey, type ThresholdValues, thresholdKeyFor } from './thresholds';

/**
 * What the policy reads that no assessed value changes: seats and seat plans, life used at return,
 * the descent modes' g-loads, and their evaluations. They depend on the setup, the thresholds and the
 * time alone, so they are worked out once for those and shared (frozen) by every recommendation that
 * has them: a Monte Carlo run asks the same situation with only assessed values drawn anew.
 */
export interface FixedReadings {
  crewCount: number;
  /** The most crew the seat policy lets move to other vehicles to ride home. */
  relocatable: number;
  /** The most crew other vehicles can keep as lifeboat passengers (emergency-only places too). */
  relocatableToLifeboats: number;
  lifeAtReturn: Reading;
  seating(aboard: number, purpose?: SeatPurpose): Seating;
  lifeAtReturnEvaluation(tier: Tier, aboard: number): RuleEvaluation;
  peakGEvaluation(modeId: string, tier: Tier, aboard: number): RuleEvaluation;
  /** The vehicles holding crew through the wait under a seat plan. */
  holdingVehicles(plan: readonly SeatAssignment[] | null): readonly Vehicle[];
}

export interface Seating {
  evaluations: readonly RuleEvaluation[];
  plan: SeatAssignment[] | null;
}

/**
 * Every threshold the fixed readings read: the seat policy and the limits of the rules judged here.
 * They are worked out from these alone (the others are not handed on), so fixed readings are shared by
 * every threshold set that agrees on them: what a flip-point search, changing one other threshold at a time, asks.
 */
const fixedThresholdKeys: readonly ThresholdKey[] = [
  ...seatPolicyThresholdKeys,
  ...[damagedVehicleSeatsRule, otherVehicleSeatsRule, lifeAtReturnRule, peakGRule].flatMap((rule) =>
    (['nominal', 'emergency'] as const).map((tier) => thresholdKeyFor(rule.threshold, tier)),
  ),
];

const fixedValuesKey = new WeakMap<ThresholdValues, string>();
const bySetup = new WeakMap<MissionSetup, Map<string, FixedReadings>>();

/** The last answer: a Monte Carlo run asks for the same setup, thresholds and time 100,000 times. */
let last: { setup: MissionSetup; thresholds: ThresholdValues; nowUtc: string; fixed: FixedReadings } | null = null;

export function fixedReadings(setup: MissionSetup, thresholds: ThresholdValues, nowUtc: string): FixedReadings {
  if (last && last.setup === setup && last.thresholds === thresholds && last.nowUtc === nowUtc) return last.fixed;
  let valuesKey = fixedValuesKey.get(thresholds);
  if (valuesKey === undefined) {
    valuesKey = fixedThresholdKeys.map((key) => thresholds[key]).join('|');
    fixedValuesKey.set(thresholds, valuesKey);
  }
  let byKey = bySetup.get(setup);
  if (!byKey) {
    byKey = new Map();
    bySetup.set(setup, byKey);
  }
  const key = `${nowUtc}|${valuesKey}`;
  let fixed = byKey.get(key);
  if (!fixed) {
    // Bounded: a long session asks at many instants and under many threshold sets, each only for a while.
    if (byKey.size >= 64) byKey.clear();
    const read = Object.fromEntries(fixedThresholdKeys.map((k) => [k, thresholds[k]])) as unknown as ThresholdValues;
    fixed = workOut(setup, read, nowUtc);
    byKey.set(key, fixed);
  }
  last = { setup, thresholds, nowUtc, fixed };
  return fixed;
}

const tierIndex = (tier: Tier) => (tier === 'nominal' ? 0 : 1);

function workOut(setup: MissionSetup, thresholds: ThresholdValues, nowUtc: string): FixedReadings {
  const crewCount = setup.crew.length;
  const relocatable = maxRelocatableCrew(setup, thresholds);
  const relocatableToLifeboats = maxRelocatableCrew(setup, thresholds, 'lifeboat');
  const vehicle = setup.damagedVehicle;
  const lifeAtReturn = lifeUsedAtReturn(vehicle, nowUtc);
  const seatings: Record<SeatPurpose, Seating[]> = { ride: [], lifeboat: [] };
  // Indexed by tier and crew aboard (then descent mode): read on every evaluation of the policy.
  const lifeEvaluations: RuleEvaluation[][] = [[], []];
  const peakGEvaluations = new Map(vehicle.descentModes.map((mode) => [mode.id, [[], []] as RuleEvaluation[][]]));
  const holding = new WeakMap<readonly SeatAssignment[], readonly Vehicle[]>();
  const peakGByMode = new Map(vehicle.descentModes.map((mode) => [mode.id, descentPeakG(vehicle, mode)]));
  return {
    crewCount,
    relocatable,
    relocatableToLifeboats,
    lifeAtReturn,
    seating(aboard, purpose = 'ride') {
      const byAboard = seatings[purpose];
      const limit = purpose === 'ride' ? relocatable : relocatableToLifeboats;
      byAboard[aboard] ??= seatingOf(setup, thresholds, crewCount, limit, aboard, purpose);
      return byAboard[aboard];
    },
    lifeAtReturnEvaluation(tier, aboard) {
      const byAboard = lifeEvaluations[tierIndex(tier)] as RuleEvaluation[];
      byAboard[aboard] ??= Object.freeze(evaluateRule(lifeAtReturnRule, lifeAtReturn, thresholds, tier, { crewCount: aboard }));
      return byAboard[aboard];
    },
    peakGEvaluation(modeId, tier, aboard) {
      const byAboard = peakGEvaluations.get(modeId)?.[tierIndex(tier)];
      if (!byAboard) throw new Error(`no descent mode ${modeId} on ${vehicle.id}`);
      const scope = { crewCount: aboard, descentModeId: modeId };
      byAboard[aboard] ??= Object.freeze(evaluateRule(peakGRule, peakGByMode.get(modeId) as Reading, thresholds, tier, scope));
      return byAboard[aboard];
    },
    holdingVehicles(plan) {
      if (!plan) return [];
      let vehicles = holding.get(plan);
      if (!vehicles) {
        const ids = new Set(plan.map((s) => s.vehicleId));
        vehicles = Object.freeze([setup.damagedVehicle, ...setup.otherVehicles].filter((v) => ids.has(v.id)));
        holding.set(plan, vehicles);
      }
      return vehicles;
    },
  };
}

/** The seat rules for a crew option, and its seat plan when they pass. */
function seatingOf(
  setup: MissionSetup,
  thresholds: ThresholdValues,
  crewCount: number,
  relocatable: number,
  aboard: number,
  purpose: SeatPurpose,
): Seating {
  const moved = crewCount - aboard;
  const scope = { crewCount: aboard };
  const evaluations = [
    evaluateRule(
      damagedVehicleSeatsRule,
      countReading('crewAboardDamagedVehicle', aboard),
      thresholds,
      'nominal',
      scope,
      seatCapacity(setup.damagedVehicle, thresholds),
    ),
    evaluateRule(otherVehicleSeatsRule, countReading('crewOnOtherVehicles', moved), thresholds, 'nominal', scope, relocatable),
  ].map((e) => Object.freeze(e));
  const passed = evaluations.every((e) => e.status === 'pass');
  return Object.freeze({
    evaluations: Object.freeze(evaluations),
    plan: passed ? planSeats(setup, thresholds, moved, purpose) : null,
  });
}

/** A count the policy works out (crew aboard, crew moved), read as it is. */
export const countReading = (quantityKey: string, value: number): Reading => ({
  quantityKey,
  value,
  nominalValue: value,
  valueSource: 'derived',
  inputs: [],
});
