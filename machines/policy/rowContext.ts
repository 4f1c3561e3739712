/**
 * What the policy's rows share: readings that do not depend on the crew option, worked out once per
 * recommendation, and each crew option's flyability, lifeboat and seat evaluations.
 */
import { allPass, evaluateRule, type Reading, type RuleEvaluation } from '../rules/evaluate';
import {
  crewRules,
  deorbitMarginRule,
  type FlightRule,
  lifeAtReturnRule,
  lifeboatSystemsRule,
  peakCabinTempRule,
  returnSystemsRule,
  thrusterToleranceRule,
} from '../rules/flightRules';
import {
  crewKey,
  crewReading,
  deorbitMargin,
  lifeUsedAtReplacementArrival,
  peakCabinTempReading,
  thrusterFaultTolerance,
} from '../rules/readings';
import { reportedCriticalSystems, systemStatusReading, touchedQuantities } from '../rules/systemFindings';
import type { Tier } from '../types';
import type { DescentMode } from '../vehicles/vehicleClass';
import { type ReturnPhase, ridePhases } from '../vehicles/vehicleClass';
import type { Vehicle } from '../vehicles/vehicles';
import { type FixedReadings, fixedReadings, type Seating } from './fixedReadings';
import type { ContingencyTrigger, CrewSwap, PolicyRowResult, Situation, UncrewedDeparture } from './recommendation';
import type { SeatAssignment } from './seatPlan';

/** Readings that do not depend on the crew option, worked out once per recommendation. */
export interface RowContext {
  situation: Situation;
  /** What no assessed value changes, shared by every recommendation of the same setup, thresholds and time. */
  fixed: FixedReadings;
  crewCount: number;
  /** The most crew the seat policy lets move to other vehicles. */
  relocatable: number;
  /**
   * Per descent mode, read when first tried: the deorbit margin (null: nothing to judge) and the fault
   * tolerance of each thruster group it needs that lost any.
   */
  modeReadings: Map<DescentMode, { margin: Reading | null; tolerances: readonly Reading[] }>;
  /** Quantities judging a system a finding touched: their rules apply though nobody reported them. */
  touchedQuantities: ReadonlySet<string>;
  /** Life used when the replacement arrives, by vehicle id, read when first asked. */
  lifeAtArrival: Map<string, Reading>;
  /** Flyability by tier, with or without life at return, and crew aboard, worked out once. */
  flyability: Flyability[][][];
}

export function rowContext(situation: Situation): RowContext {
  const { setup, values, nowUtc, thresholds } = situation;
  const vehicle = setup.damagedVehicle;
  const fixed = fixedReadings(setup, thresholds, nowUtc);
  return {
    situation,
    fixed,
    crewCount: fixed.crewCount,
    relocatable: fixed.relocatable,
    modeReadings: new Map(),
    touchedQuantities: touchedQuantities(vehicle, values),
    lifeAtArrival: new Map(),
    flyability: [
      [[], []],
      [[], []],
    ],
  };
}

export function lifeAtArrival(context: RowContext, vehicle: Vehicle): Reading {
  let reading = context.lifeAtArrival.get(vehicle.id);
  if (!reading) {
    reading = lifeUsedAtReplacementArrival(vehicle, context.situation.nowUtc, context.situation.values);
    context.lifeAtArrival.set(vehicle.id, reading);
  }
  return reading;
}

interface Flyability {
  evaluations: RuleEvaluation[];
  passed: boolean;
  descentModeId: string | null;
}

/**
 * Can the damaged vehicle fly `aboard` crew home in this tier? The crew rules, then the descent modes
 * in order (nominal first; degraded ones for the emergency tier only) until one passes.
 */
export function flyability(context: RowContext, tier: Tier, aboard: number, withLifeAtReturn = true): Flyability {
  const byAboard = context.flyability[tier === 'nominal' ? 0 : 1]?.[withLifeAtReturn ? 1 : 0] as Flyability[];
  byAboard[aboard] ??= workOutFlyability(context, tier, aboard, withLifeAtReturn);
  return byAboard[aboard];
}

function workOutFlyability(context: RowContext, tier: Tier, aboard: number, withLifeAtReturn: boolean): Flyability {
  const { situation } = context;
  const evaluations: RuleEvaluation[] = [];
  for (const rule of crewRules) {
    if (!withLifeAtReturn && rule === lifeAtReturnRule) continue;
    const evaluation = crewRuleEvaluation(context, rule, tier, aboard);
    if (evaluation) evaluations.push(evaluation);
  }
  const crewPassed = allPass(evaluations);
  let descentModeId: string | null = null;
  for (const mode of situation.setup.damagedVehicle.descentModes) {
    if (mode.kind === 'degraded' && tier === 'nominal') continue;
    if (descentModeEvaluations(context, mode, tier, aboard, evaluations)) {
      descentModeId = mode.id;
      break;
    }
  }
  return { evaluations, passed: crewPassed && descentModeId !== null, descentModeId };
}

/** A crew rule's evaluation, or null where it does not apply (nothing reported, no finding touched what it judges). */
export function crewRuleEvaluation(context: RowContext, rule: FlightRule, tier: Tier, aboard: number): RuleEvaluation | null {
  if (rule === lifeAtReturnRule) return context.fixed.lifeAtReturnEvaluation(tier, aboard);
  const { values, thresholds } = context.situation;
  const key = rule.perCrewCount ? crewKey(rule.quantity, aboard) : rule.quantity;
  if (values[key] === undefined && !context.touchedQuantities.has(rule.quantity)) return null;
  const reading =
    rule === peakCabinTempRule
      ? peakCabinTempReading(context.situation.setup.damagedVehicle, values, aboard)
      : crewReading(values, rule.quantity, rule.perCrewCount, aboard);
  return evaluateRule(rule, reading, thresholds, tier, { crewCount: aboard });
}

/** Adds a descent mode's evaluations to `into`; whether they all pass. */
export function descentModeEvaluations(
  context: RowContext,
  mode: DescentMode,
  tier: Tier,
  aboard: number,
  into: RuleEvaluation[],
): boolean {
  const { thresholds, values, setup } = context.situation;
  const scope = { crewCount: aboard, descentModeId: mode.id };
  const from = into.length;
  const { margin, tolerances } = modeReadings(context, mode);
  if (margin) into.push(evaluateRule(deorbitMarginRule, margin, thresholds, tier, scope));
  for (const tolerance of tolerances) {
    into.push(evaluateRule(thrusterToleranceRule, tolerance, thresholds, tier, scope));
  }
  into.push(context.fixed.peakGEvaluation(mode.id, tier, aboard));
  for (const system of reportedCriticalSystems(setup.damagedVehicle, values, ridePhases, mode.bypasses)) {
    into.push(evaluateRule(returnSystemsRule, systemStatusReading(values, system), thresholds, tier, scope));
  }
  for (let i = from; i < into.length; i++) if ((into[i] as RuleEvaluation).status !== 'pass') return false;
  return true;
}

export const lifeboatPhases: readonly ReturnPhase[] = ['docked-lifeboat'];

function modeReadings(context: RowContext, mode: DescentMode) {
  let readings = context.modeReadings.get(mode);
  if (!readings) {
    const { setup, values } = context.situation;
    const vehicle = setup.damagedVehicle;
    readings = {
      margin: deorbitMargin(vehicle, mode, values),
      tolerances: mode.needsThrusterGroups.flatMap((g) => thrusterFaultTolerance(vehicle, mode, g, values) ?? []),
    };
    context.modeReadings.set(mode, readings);
  }
  return readings;
}

/** What a docked lifeboat needs while docked: each touched system critical then, at the emergency tier. */
export function lifeboatEvaluations(context: RowContext, vehicle: Vehicle, aboard: number): RuleEvaluation[] {
  const { thresholds, values } = context.situation;
  if (vehicle.id !== context.situation.setup.damagedVehicle.id) return [];
  return reportedCriticalSystems(vehicle, values, lifeboatPhases).map((system) =>
    evaluateRule(lifeboatSystemsRule, systemStatusReading(values, system), thresholds, 'emergency', {
      crewCount: aboard,
      vehicleId: vehicle.id,
    }),
  );
}

/** The seat rules for a crew option, and its seat plan when they pass. */
export const seating = (context: RowContext, aboard: number, purpose: 'ride' | 'lifeboat' = 'ride'): Seating =>
  context.fixed.seating(aboard, purpose);

/** The rules that did not pass, each rule and status once, in order: a row's reason. */
export function failing(evaluations: readonly RuleEvaluation[]): string {
  const names: string[] = [];
  for (const e of evaluations) {
    if (e.status === 'pass') continue;
    const name = `${e.ruleId} ${e.status}`;
    if (!names.includes(name)) names.push(name);
  }
  return names.length ? names.join(', ') : 'all pass';
}

/** The crew options a row tried that failed, each with the rules that failed it; worked out only for a row that did not match. */
export const failedOptions = (failed: readonly [aboard: number, option: RuleEvaluation[]][]) =>
  failed.map(([aboard, option]) => `${aboard} aboard: ${failing(option)}`).join('; ');

/** A row's verdict on a situation, with what the outcome needs when it matches. */
export type RowVerdict = Omit<PolicyRowResult, 'id' | 'statement' | 'outcome'> & {
  plan: SeatAssignment[] | null;
  descentModeId: string | null;
  departure: UncrewedDeparture | null;
  contingency: ContingencyTrigger | null;
  crewSwap?: CrewSwap | null;
};

export const noPlan = { plan: null, descentModeId: null, departure: null, contingency: null, crewSwap: null } as const;
