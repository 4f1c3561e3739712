import {
  type AssessedValues,
  allPass,
  conservativeEnd,
  evaluateRule,
  type Reading,
  type RuleEvaluation,
} from '../rules/evaluate';
import {
  crewRules,
  deorbitMarginRule,
  type FlightRule,
  lifeAtReturnRule,
  lifeboatSystemsRule,
  lifeThroughWaitRule,
  lifeUntilClearedRule,
  peakCabinTempRule,
  peakGRule,
  returnSystemsRule,
  swapSeatsRule,
  thrusterToleranceRule,
  withoutLifeboatRule,
} from '../rules/flightRules';
import { quantityOfKey } from '../rules/quantities';
import {
  crewKey,
  crewReading,
  daysWithoutLifeboat,
  deorbitMargin,
  descentPeakG,
  lifeUsedAtReplacementArrival,
  lifeUsedAtReturn,
  peakCabinTempReading,
  reportedCriticalSystems,
  systemStatusReading,
  thrusterFaultTolerance,
  touchedQuantities,
  vehicleAgeDays,
} from '../rules/readings';
import { statusKey, statusOfSeverity, statusSeverity } from '../rules/systemStatus';
import type { MissionSetup, OutcomeId, Tier } from '../types';
import { type DescentMode, type ReturnPhase, ridePhases } from '../vehicles/vehicleClass';
import { fact, usableImprovisedSeats, type Vehicle } from '../vehicles/vehicles';
import { countReading, type FixedReadings, fixedReadings, type Seating } from './fixedReadings';
import { type SeatAssignment, seatCapacity } from './seatPlan';
import type { ThresholdValues } from './thresholds';

/** Everything the recommendation depends on, at one moment of scenario time. */
export interface Situation {
  setup: MissionSetup;
  values: AssessedValues;
  thresholds: ThresholdValues;
  nowUtc: string;
  stationUnsafe: boolean;
}

export type PolicyRowId =
  | 'station-unsafe'
  | 'full-crew-nominal'
  | 'contingency'
  | 'replacement-feasible'
  | 'crew-swap'
  | 'reduced-crew-nominal'
  | 'emergency-tier'
  | 'escalate';

export interface PolicyRowResult {
  id: PolicyRowId;
  statement: string;
  outcome: OutcomeId;
  matched: boolean;
  reason: string;
  evaluations: RuleEvaluation[];
}

/** When the damaged vehicle leaves uncrewed: at once (nobody waits on it) or once the replacement has docked. */
export type UncrewedDeparture = 'now' | 'after-replacement-docks';

export interface Recommendation {
  outcome: OutcomeId;
  decidingRow: PolicyRowId;
  /** Every row, each evaluated once, with why it did or did not match; rows below the deciding one say what the next option would have been. */
  rows: PolicyRowResult[];
  seatPlan: SeatAssignment[] | null;
  crewAboardDamagedVehicle: number | null;
  /** The descent mode the crew aboard would fly: a degraded one only where the emergency tier allows it. */
  descentModeId: string | null;
  /** For a replacement: when the damaged vehicle leaves uncrewed. */
  damagedVehicleLeavesUncrewed: UncrewedDeparture | null;
  /** For continuing with a rescue prepared: what would launch it. */
  contingency: ContingencyTrigger | null;
  /** For a crew swap: who rides which vehicle home now, and who waits, with or without a lifeboat. */
  crewSwap: CrewSwap | null;
}

/**
 * This case's crew rides another docked vehicle home now, in the seats its own crew gives up; that
 * crew waits for the replacement on the damaged vehicle as a lifeboat, or without one for a period
 * the profile allows, which the decision must accept on record.
 */
export interface CrewSwap {
  homeVehicleId: string;
  /** The other vehicle's own crew, who wait: by name where the scenario names them. */
  waiting: readonly string[];
  waitingCount: number;
  lifeboatVehicleId: string | null;
  /** Days the waiting crew has no lifeboat (the wait's worst end); null when they keep one. */
  daysWithoutLifeboat: number | null;
}

/** What launches the prepared rescue: a finding against a pending system, or the date by which it must launch. */
export interface ContingencyTrigger {
  /** Status keys of the systems suspect or not yet cleared: a finding that fails one beyond the emergency tier launches the rescue. */
  pendingStatusKeys: string[];
  /** The last day to launch so the rescue arrives before the lifeboat allowance ends; null when the lead time is unknown. */
  launchByUtc: string | null;
}

/** Readings that do not depend on the crew option, worked out once per recommendation. */
interface RowContext {
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

function rowContext(situation: Situation): RowContext {
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

function lifeAtArrival(context: RowContext, vehicle: Vehicle): Reading {
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
function flyability(context: RowContext, tier: Tier, aboard: number, withLifeAtReturn = true): Flyability {
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
function crewRuleEvaluation(context: RowContext, rule: FlightRule, tier: Tier, aboard: number): RuleEvaluation | null {
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
function descentModeEvaluations(
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

const lifeboatPhases: readonly ReturnPhase[] = ['docked-lifeboat'];

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
function lifeboatEvaluations(context: RowContext, vehicle: Vehicle, aboard: number): RuleEvaluation[] {
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
const seating = (context: RowContext, aboard: number, purpose: 'ride' | 'lifeboat' = 'ride'): Seating =>
  context.fixed.seating(aboard, purpose);

/** The rules that did not pass, each rule and status once, in order: a row's reason. */
function failing(evaluations: readonly RuleEvaluation[]): string {
  const names: string[] = [];
  for (const e of evaluations) {
    if (e.status === 'pass') continue;
    const name = `${e.ruleId} ${e.status}`;
    if (!names.includes(name)) names.push(name);
  }
  return names.length ? names.join(', ') : 'all pass';
}

/** The crew options a row tried that failed, each with the rules that failed it; worked out only for a row that did not match. */
const failedOptions = (failed: readonly [aboard: number, option: RuleEvaluation[]][]) =>
  failed.map(([aboard, option]) => `${aboard} aboard: ${failing(option)}`).join('; ');

/** A row's verdict on a situation, with what the outcome needs when it matches. */
type RowVerdict = Omit<PolicyRowResult, 'id' | 'statement' | 'outcome'> & {
  plan: SeatAssignment[] | null;
  descentModeId: string | null;
  departure: UncrewedDeparture | null;
  contingency: ContingencyTrigger | null;
  crewSwap?: CrewSwap | null;
};

const noPlan = { plan: null, descentModeId: null, departure: null, contingency: null, crewSwap: null } as const;

export function recommend(situation: Situation): Recommendation {
  const context = rowContext(situation);
  let deciding: { row: PolicyRowResult; verdict: RowVerdict } | null = null;
  const rows = policyTable.map(({ id, statement, outcome, check }) => {
    const verdict = check(context);
    const row: PolicyRowResult = {
      id,
      statement,
      outcome,
      matched: verdict.matched,
      reason: verdict.reason,
      evaluations: verdict.evaluations,
    };
    if (row.matched && !deciding) deciding = { row, verdict };
    return row;
  });
  if (!deciding) throw new Error('the policy table must end in a row that always matches');
  const { row, verdict } = deciding as { row: PolicyRowResult; verdict: RowVerdict };
  const { plan } = verdict;
  return {
    outcome: row.outcome,
    decidingRow: row.id,
    rows,
    seatPlan: plan,
    crewAboardDamagedVehicle: plan ? plan.filter((s) => s.vehicleId === situation.setup.damagedVehicle.id).length : null,
    descentModeId: verdict.descentModeId,
    damagedVehicleLeavesUncrewed: verdict.departure,
    contingency: verdict.contingency,
    crewSwap: verdict.crewSwap ?? null,
  };
}

/**
 * The outcome alone, as `recommend` gives it: rows in order until the first that matches, the rows
 * below it not evaluated. For searches (flip points) that ask only which outcome a variant gets.
 */
export function outcomeOf(situation: Situation): OutcomeId {
  const context = rowContext(situation);
  for (const { outcome, check } of policyTable) if (check(context).matched) return outcome;
  throw new Error('the policy table must end in a row that always matches');
}

/** The rows that decided: those above the deciding one (why they did not match) and the deciding one. */
export function consideredRows(recommendation: Recommendation): PolicyRowResult[] {
  return recommendation.rows.slice(0, recommendation.rows.findIndex((r) => r.id === recommendation.decidingRow) + 1);
}

function stationRow(context: RowContext): RowVerdict {
  const { situation, crewCount, relocatable } = context;
  if (!situation.stationUnsafe) return { matched: false, reason: 'the station is safe', evaluations: [], ...noPlan };
  const aboard = crewCount - Math.max(relocatable, context.fixed.relocatableToLifeboats);
  const seats = seating(context, aboard, 'lifeboat');
  // Shown, not gated on: leaving an unsafe station accepts whatever the emergency tier says.
  const risk = aboard > 0 ? flyability(context, 'emergency', aboard) : null;
  const name = situation.setup.damagedVehicle.name;
  const reason = seats.plan
    ? `the station was declared unsafe; ${aboard} crew leave on ${name} (emergency tier: ${risk ? failing(risk.evaluations) : 'nobody aboard'})`
    : `the station was declared unsafe; ${failing(seats.evaluations)}: not every crew member has a seat`;
  return {
    matched: true,
    reason,
    evaluations: [...seats.evaluations, ...(risk?.evaluations ?? [])],
    plan: seats.plan,
    descentModeId: risk?.descentModeId ?? null,
    departure: null,
    contingency: null,
  };
}

function fullCrewRow(context: RowContext): RowVerdict {
  const { crewCount } = context;
  const seats = seating(context, crewCount);
  const fly = flyability(context, 'nominal', crewCount);
  const evaluations = [...seats.evaluations, ...fly.evaluations];
  const matched = seats.plan !== null && fly.passed;
  return {
    matched,
    reason: matched ? `all ${crewCount} crew pass every nominal rule${notNeededForReturn(context)}` : failing(evaluations),
    evaluations,
    ...(matched ? { plan: seats.plan, descentModeId: fly.descentModeId, departure: null, contingency: null } : noPlan),
  };
}

/** Findings against systems the return does not need (a module jettisoned before entry, what only a docked lifeboat needs). */
function notNeededForReturn(context: RowContext): string {
  const { setup, values } = context.situation;
  const vehicle = setup.damagedVehicle;
  const needed = new Set(reportedCriticalSystems(vehicle, values, ridePhases).map((s) => s.id));
  const other = reportedCriticalSystems(vehicle, values, lifeboatPhases).filter(
    (s) => !needed.has(s.id) && (values[statusKey(s.module, s.id)]?.nominal ?? 0) > 0,
  );
  return other.length
    ? `; the return does not need ${other.map((s) => `the ${s.label.toLowerCase()} (${s.module}, found ${statusOfSeverity(values[statusKey(s.module, s.id)]?.nominal ?? 0)})`).join(', ')}`
    : '';
}

/** Status keys of the systems whose status is only pending (suspect, not yet cleared): what a clearing finding would settle. */
function pendingStatusKeys(evaluations: readonly RuleEvaluation[], values: Situation['values']): string[] | null {
  const keys: string[] = [];
  for (const e of evaluations) {
    if (e.status === 'pass') continue;
    const assessed = values[e.quantityKey];
    const severity = assessed ? conservativeEnd(e.quantityKey, assessed) : undefined;
    const pending =
      e.ruleId === returnSystemsRule.id && (severity === statusSeverity.suspect || severity === statusSeverity.uncleared);
    if (!pending) return null;
    if (!keys.includes(e.quantityKey)) keys.push(e.quantityKey);
  }
  return keys.length ? keys : null;
}

/**
 * The crew stays and keeps the vehicle while a rescue is prepared, not launched: it would pass every
 * nominal rule for the full crew once its suspect or uncleared systems are cleared, and it serves as a
 * lifeboat at the emergency tier (within the lifeboat allowance through the rescue's lead time) meanwhile.
 */
function contingencyRow(context: RowContext): RowVerdict {
  const { crewCount, situation } = context;
  const { setup, thresholds, values } = situation;
  const vehicle = setup.damagedVehicle;
  const seats = seating(context, crewCount);
  const nominal = flyability(context, 'nominal', crewCount);
  const pending = seats.plan ? pendingStatusKeys(nominal.evaluations, values) : null;
  if (!pending) {
    return {
      matched: false,
      reason: 'the full crew fails a nominal rule that no clearing finding would settle, or nothing is pending',
      evaluations: [],
      ...noPlan,
    };
  }
  const lifeboat = flyability(context, 'emergency', crewCount, false);
  const scope = { crewCount, vehicleId: vehicle.id };
  const wait = evaluateRule(lifeThroughWaitRule, lifeAtArrival(context, vehicle), thresholds, 'nominal', scope);
  const untilCleared = evaluateRule(lifeUntilClearedRule, lifeAtArrival(context, vehicle), thresholds, 'nominal', scope);
  const docked = lifeboatEvaluations(context, vehicle, crewCount);
  const evaluations = [...seats.evaluations, ...nominal.evaluations, ...lifeboat.evaluations, ...docked, wait, untilCleared];
  const serves = lifeboat.passed && allPass([wait, untilCleared, ...docked]);
  if (!serves) {
    return { matched: false, reason: `as a lifeboat meanwhile: ${failing(evaluations)}`, evaluations, ...noPlan };
  }
  const launchByUtc = rescueLaunchBy(vehicle, situation);
  const launchBy = launchByUtc ? `, or on ${launchByUtc.slice(0, 10)} at the latest (the lifeboat allowance)` : '';
  return {
    matched: true,
    reason: `all ${crewCount} crew stay and keep ${vehicle.name}: it passes every nominal rule once the ${pending.map((key) => quantityOfKey(key)?.definition.label.replace(/^Status of /, '') ?? key).join(', ')} ${pending.length === 1 ? 'is' : 'are'} cleared, and serves as a lifeboat at the emergency tier while a rescue is prepared; launch it if a finding puts ${pending.length === 1 ? 'that system' : 'one of them'} beyond the emergency tier${launchBy}`,
    evaluations,
    plan: seats.plan,
    descentModeId: nominal.descentModeId ?? lifeboat.descentModeId,
    departure: null,
    contingency: { pendingStatusKeys: pending, launchByUtc },
  };
}

/** The last day a rescue can launch and still arrive before the vehicle reaches its lifeboat allowance. */
function rescueLaunchBy(vehicle: Vehicle, situation: Situation): string | null {
  const lead = situation.values.replacementLeadTimeDays;
  const allowancePct = situation.thresholds.maxLifeboatLifeUsedPct ?? Number.NaN;
  const lifeDays = fact(vehicle, 'certifiedLifeDays');
  const age = vehicleAgeDays(vehicle, situation.nowUtc);
  if (!lead || !Number.isFinite(lifeDays) || !Number.isFinite(age) || !Number.isFinite(allowancePct)) return null;
  const daysLeft = (lifeDays * allowancePct) / 100 - age - (lead.high ?? lead.nominal);
  return new Date(Date.parse(situation.nowUtc) + Math.max(0, daysLeft) * 86_400_000).toISOString();
}

/**
 * Every crew option, most crew aboard first: those aboard need the damaged vehicle through the wait
 * and its emergency tier; with nobody aboard it leaves uncrewed at once and its life need not last.
 * Every vehicle holding crew must stay within its life until the replacement arrives. Every option is
 * evaluated and shown, so the table keeps one shape while only the results change; the first passing decides.
 */
function replacementRow(context: RowContext): RowVerdict {
  const { situation, crewCount } = context;
  const { setup, thresholds } = situation;
  const tried: RuleEvaluation[] = [];
  const failed: [aboard: number, option: RuleEvaluation[]][] = [];
  let chosen: RowVerdict | null = null;
  for (let aboard = crewCount; aboard >= 0; aboard--) {
    // An option the seats rule out shows its seat lines only: nothing else could make it possible.
    const seats = seating(context, aboard, 'lifeboat');
    const wait = context.fixed.holdingVehicles(seats.plan).map((vehicle) =>
      evaluateRule(lifeThroughWaitRule, lifeAtArrival(context, vehicle), thresholds, 'nominal', {
        crewCount: aboard,
        vehicleId: vehicle.id,
      }),
    );
    const fly = aboard > 0 && seats.plan ? flyability(context, 'emergency', aboard, false) : null;
    const docked = aboard > 0 && seats.plan ? lifeboatEvaluations(context, setup.damagedVehicle, aboard) : [];
    const option = [...seats.evaluations, ...wait, ...(fly?.evaluations ?? []), ...docked];
    tried.push(...option);
    const passed = seats.plan !== null && allPass(wait) && allPass(docked) && (aboard === 0 || fly?.passed === true);
    if (!passed) failed.push([aboard, option]);
    if (!passed || chosen) continue;
    const name = setup.damagedVehicle.name;
    chosen = {
      matched: true,
      reason:
        aboard === 0
          ? `every crew member waits on another vehicle; ${name} leaves uncrewed at once`
          : `${aboard} crew keep emergency seats on ${name}, ${crewCount - aboard} on other vehicles`,
      evaluations: tried,
      plan: seats.plan,
      descentModeId: fly?.descentModeId ?? null,
      departure: aboard === 0 ? 'now' : 'after-replacement-docks',
      contingency: null,
    };
  }
  return (
    chosen ?? {
      matched: false,
      reason: `no interim plan gives every crew member an emergency seat: ${failedOptions(failed)}`,
      evaluations: tried,
      ...noPlan,
    }
  );
}

/**
 * A crew swap, tried for each other docked crew vehicle that holds its own crew: this case's crew rides it
 * home now (its life and entry as its class says: no finding is about it), its own crew waits for the
 * replacement, keeping the damaged vehicle as a lifeboat if it serves them, else without one for as long
 * as the profile allows.
 */
function crewSwapRow(context: RowContext): RowVerdict {
  const { situation, crewCount } = context;
  const { setup, thresholds, values, nowUtc } = situation;
  const damaged = setup.damagedVehicle;
  const tried: RuleEvaluation[] = [];
  const why: string[] = [];
  // This crew rides the other vehicle only where every member's seat liner fits it.
  const candidates = setup.otherVehicles.filter(
    (v) =>
      v.vehicleClass.carries === 'crew' &&
      v.seatsTaken > 0 &&
      v.descentModes.some((m) => m.kind === 'nominal') &&
      setup.crew.every((c) => c.canRelocateTo.includes(v.id)),
  );
  for (const vehicle of candidates) {
    const scope = { crewCount, vehicleId: vehicle.id };
    const capacity = fact(vehicle, 'crewSeats') + usableImprovisedSeats(vehicle, thresholds.maxImprovisedSeatsPerVehicle ?? 0);
    const seats = evaluateRule(swapSeatsRule, countReading('crewSwappedHome', crewCount), thresholds, 'nominal', scope, capacity);
    const mode = vehicle.descentModes.find((m) => m.kind === 'nominal') as DescentMode;
    const ride = [
      evaluateRule(lifeAtReturnRule, lifeUsedAtReturn(vehicle, nowUtc), thresholds, 'nominal', scope),
      evaluateRule(peakGRule, descentPeakG(vehicle, mode), thresholds, 'nominal', { ...scope, descentModeId: mode.id }),
    ];
    const waiting = vehicle.seatsTaken;
    const lifeboat = waiting <= seatCapacity(damaged, thresholds) ? flyability(context, 'emergency', waiting, false) : null;
    const docked = lifeboat ? lifeboatEvaluations(context, damaged, waiting) : [];
    const lifeboatLife = lifeboat
      ? [evaluateRule(lifeThroughWaitRule, lifeAtArrival(context, damaged), thresholds, 'nominal', { vehicleId: damaged.id })]
      : [];
    const keepsLifeboat = lifeboat?.passed === true && allPass([...docked, ...lifeboatLife]);
    const without = keepsLifeboat
      ? null
      : evaluateRule(withoutLifeboatRule, daysWithoutLifeboat(values), thresholds, 'nominal', scope);
    const option = [seats, ...ride, ...(lifeboat?.evaluations ?? []), ...docked, ...lifeboatLife, ...(without ? [without] : [])];
    tried.push(...option);
    const passed = allPass([seats, ...ride]) && (keepsLifeboat || without?.status === 'pass');
    const names = vehicle.ownCrew.length ? vehicle.ownCrew : [`the ${waiting} crew of ${vehicle.name}`];
    if (!passed) {
      why.push(`on ${vehicle.name}: ${failing(option)}`);
      continue;
    }
    const days = without?.value ?? null;
    return {
      matched: true,
      reason: keepsLifeboat
        ? `this crew rides ${vehicle.name} home now; ${names.join(', ')} wait for the replacement with ${damaged.name} as their lifeboat`
        : `this crew rides ${vehicle.name} home now; ${names.join(', ')} wait for the replacement without a lifeboat for up to ${Math.ceil(days ?? 0)} days, which the profile allows and the decision must accept on record`,
      evaluations: tried,
      plan: setup.crew.map((c) => ({ crewId: c.id, vehicleId: vehicle.id, seat: 'vacated' as const })),
      descentModeId: mode.id,
      departure: keepsLifeboat ? 'after-replacement-docks' : 'now',
      contingency: null,
      crewSwap: {
        homeVehicleId: vehicle.id,
        waiting: names,
        waitingCount: waiting,
        lifeboatVehicleId: keepsLifeboat ? damaged.id : null,
        daysWithoutLifeboat: keepsLifeboat ? null : days,
      },
    };
  }
  return {
    matched: false,
    reason: candidates.length
      ? `no crew swap: ${why.join('; ')}`
      : "no other docked crew vehicle holds a crew of its own and takes this crew's seat liners",
    evaluations: tried,
    ...noPlan,
  };
}

/** At least one crew member rides the damaged vehicle home: zero aboard is never a reduced crew. */
function reducedCrewRow(context: RowContext): RowVerdict {
  const { crewCount, relocatable } = context;
  const tried: RuleEvaluation[] = [];
  const failed: [aboard: number, option: RuleEvaluation[]][] = [];
  let chosen: RowVerdict | null = null;
  for (let aboard = crewCount - 1; aboard >= 1; aboard--) {
    const seats = seating(context, aboard);
    const fly = seats.plan ? flyability(context, 'nominal', aboard) : null;
    const option = [...seats.evaluations, ...(fly?.evaluations ?? [])];
    tried.push(...option);
    const passed = seats.plan !== null && fly?.passed === true;
    if (!passed) failed.push([aboard, option]);
    if (!passed || chosen) continue;
    chosen = {
      matched: true,
      reason: `${aboard} crew pass every nominal rule; ${crewCount - aboard} move to other vehicles`,
      evaluations: tried,
      plan: seats.plan,
      descentModeId: fly?.descentModeId ?? null,
      departure: null,
      contingency: null,
    };
  }
  return (
    chosen ?? {
      matched: false,
      reason:
        relocatable === 0
          ? 'no crew member has a seat on another vehicle'
          : `no smaller crew of at least one passes every nominal rule: ${failedOptions(failed) || 'no such crew'}`,
      evaluations: tried,
      ...noPlan,
    }
  );
}

function emergencyTierRow(context: RowContext): RowVerdict {
  const { crewCount, relocatable } = context;
  const stranded = crewCount - relocatable;
  if (stranded <= 0) {
    return { matched: false, reason: 'no crew left without another seat', evaluations: [], ...noPlan };
  }
  const seats = seating(context, stranded);
  const fly = flyability(context, 'emergency', stranded);
  const evaluations = [...seats.evaluations, ...fly.evaluations];
  const matched = seats.plan !== null && fly.passed;
  const mode = context.situation.setup.damagedVehicle.descentModes.find((m) => m.id === fly.descentModeId);
  return {
    matched,
    reason: matched
      ? `the ${stranded} crew without another seat pass the emergency tier (${mode?.label ?? 'no descent mode'})`
      : `${stranded} crew without another seat: ${failing(evaluations)}`,
    evaluations,
    ...(matched ? { plan: seats.plan, descentModeId: fly.descentModeId, departure: null, contingency: null } : noPlan),
  };
}

/** Hit policy FIRST: the first row whose condition holds decides. */
export const policyTable: readonly {
  id: PolicyRowId;
  statement: string;
  outcome: OutcomeId;
  check: (context: RowContext) => RowVerdict;
}[] = [
  { id: 'station-unsafe', statement: 'The station itself is unsafe', outcome: 'emergency-return', check: stationRow },
  {
    id: 'full-crew-nominal',
    statement: 'The full crew passes every nominal rule',
    outcome: 'return-on-damaged-vehicle',
    check: fullCrewRow,
  },
  {
    id: 'contingency',
    statement:
      'The vehicle would pass every nominal rule once its suspect or uncleared systems are cleared, and serves as a lifeboat meanwhile: continue, with a rescue prepared',
    outcome: 'continue-with-contingency',
    check: contingencyRow,
  },
  {
    id: 'replacement-feasible',
    statement:
      'A replacement can arrive while every crew member keeps an emergency seat: on the damaged vehicle under the emergency tier, or on another vehicle',
    outcome: 'launch-replacement',
    check: replacementRow,
  },
  {
    id: 'crew-swap',
    statement:
      'Another docked crew vehicle takes this crew home now; its own crew waits for the replacement, on the damaged vehicle as a lifeboat or, for a period the profile allows and the decision accepts, without one',
    outcome: 'launch-replacement',
    check: crewSwapRow,
  },
  {
    id: 'reduced-crew-nominal',
    statement: 'A smaller crew, at least one, passes every nominal rule and the others have seats on other vehicles',
    outcome: 'return-reduced-crew',
    check: reducedCrewRow,
  },
  {
    id: 'emergency-tier',
    statement: 'The crew without another seat pass the emergency tier',
    outcome: 'emergency-return',
    check: emergencyTierRow,
  },
  {
    id: 'escalate',
    statement: 'No option meets the limits: escalate (a waiver needs a recorded rationale)',
    outcome: 'undecided',
    check: () => ({ matched: true, reason: 'no row above matched', evaluations: [], ...noPlan }),
  },
];

/** Every evaluation behind a recommendation, for the rule table. */
export function recommendationEvaluations(recommendation: Recommendation): RuleEvaluation[] {
  return consideredRows(recommendation).flatMap((row) => row.evaluations);
}

/**
 * Every reading any rule could judge, for every crew count, tier, descent mode and vehicle: a superset
 * of what the policy reads (rows stop at the first passing option), so no flip point is missed.
 */
export function everyEvaluation(situation: Situation): RuleEvaluation[] {
  const context = rowContext(situation);
  const { setup, values, thresholds, nowUtc } = situation;
  const all: RuleEvaluation[] = [];
  for (const tier of ['nominal', 'emergency'] as const) {
    for (let aboard = 1; aboard <= context.crewCount; aboard++) {
      for (const rule of crewRules) {
        const evaluation = crewRuleEvaluation(context, rule, tier, aboard);
        if (evaluation) all.push(evaluation);
      }
    }
    for (const mode of setup.damagedVehicle.descentModes) descentModeEvaluations(context, mode, tier, 0, all);
    all.push(...lifeboatEvaluations(context, setup.damagedVehicle, 0));
    all.push(evaluateRule(lifeUntilClearedRule, lifeAtArrival(context, setup.damagedVehicle), thresholds, tier, {}));
    all.push(evaluateRule(withoutLifeboatRule, daysWithoutLifeboat(values), thresholds, tier, {}));
    // What a crew swap reads of the vehicle that would take this crew home.
    for (const vehicle of setup.otherVehicles) {
      const scope = { vehicleId: vehicle.id };
      all.push(evaluateRule(lifeAtReturnRule, lifeUsedAtReturn(vehicle, nowUtc), thresholds, tier, scope));
      for (const mode of vehicle.descentModes) {
        all.push(evaluateRule(peakGRule, descentPeakG(vehicle, mode), thresholds, tier, { ...scope, descentModeId: mode.id }));
      }
    }
    for (const vehicle of [setup.damagedVehicle, ...setup.otherVehicles]) {
      const reading = lifeUsedAtReplacementArrival(vehicle, nowUtc, values);
      all.push(evaluateRule(lifeThroughWaitRule, reading, thresholds, tier, { vehicleId: vehicle.id }));
    }
  }
  for (let aboard = 0; aboard <= context.crewCount; aboard++) {
    all.push(...seating(context, aboard).evaluations, ...seating(context, aboard, 'lifeboat').evaluations);
  }
  return all;
}
