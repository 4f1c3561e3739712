/** The policy rows that launch a replacement: an interim plan of emergency seats, or a crew swap. */
import { allPass, evaluateRule, type RuleEvaluation } from '../rules/evaluate';
import { lifeAtReturnRule, lifeThroughWaitRule, peakGRule, swapSeatsRule, withoutLifeboatRule } from '../rules/flightRules';
import { daysWithoutLifeboat, descentPeakG, lifeUsedAtReturn } from '../rules/readings';
import type { DescentMode } from '../vehicles/vehicleClass';
import { fact, usableImprovisedSeats } from '../vehicles/vehicles';
import { countReading } from './fixedReadings';
import {
  failedOptions,
  failing,
  flyability,
  lifeAtArrival,
  lifeboatEvaluations,
  noPlan,
  type RowContext,
  type RowVerdict,
  seating,
} from './rowContext';
import { seatCapacity } from './seatPlan';

/**
 * Every crew option, most crew aboard first: those aboard need the damaged vehicle through the wait
 * and its emergency tier; with nobody aboard it leaves uncrewed at once and its life need not last.
 * Every vehicle holding crew must stay within its life until the replacement arrives. Every option is
 * evaluated and shown, so the table keeps one shape while only the results change; the first passing decides.
 */
export function replacementRow(context: RowContext): RowVerdict {
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
export function crewSwapRow(context: RowContext): RowVerdict {
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
