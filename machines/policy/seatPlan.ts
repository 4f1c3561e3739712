import type { MissionSetup } from '../types';
import { freeSeats, usableEmergencyOnlyPlaces, usableImprovisedSeats, type Vehicle } from '../vehicles/vehicles';
import type { ThresholdKey, ThresholdValues } from './thresholds';

/** A seat to ride home in (own, spare, improvised), or an emergency-only place that serves a lifeboat only. */
export interface SeatAssignment {
  crewId: string;
  vehicleId: string;
  /** `vacated`: a seat another vehicle's own crew gives up in a crew swap. */
  seat: 'own' | 'spare' | 'improvised' | 'emergency-only' | 'vacated';
}

/** What the places are for: riding home in a planned return, or keeping a lifeboat (emergency-only places count). */
export type SeatPurpose = 'ride' | 'lifeboat';

/**
 * Plans depend only on the mission setup (never changed once made), the profile's place limits, the
 * purpose and the count: each is searched once and then read, since every policy evaluation asks for the same few.
 */
const plansBySetup = new WeakMap<MissionSetup, Map<string, (SeatAssignment[] | null)[]>>();

interface Limits {
  improvised: number;
  emergencyOnly: number;
}

/** The thresholds a seat plan reads: the profile's place limits. */
export const seatPolicyThresholdKeys = [
  'maxImprovisedSeatsPerVehicle',
  'maxEmergencyOnlyPlacesPerVehicle',
] as const satisfies readonly ThresholdKey[];

export type SeatPolicyKey = (typeof seatPolicyThresholdKeys)[number];

/**
 * All a seat-policy value changes: the places it lets each vehicle (the damaged one first) offer, read
 * as `limitsOf` reads it. Two values that give every vehicle the same places give the same plans.
 */
export function placesUnderSeatPolicy(setup: MissionSetup, key: SeatPolicyKey, value: number): number[] {
  const usable = key === 'maxImprovisedSeatsPerVehicle' ? usableImprovisedSeats : usableEmergencyOnlyPlaces;
  return [setup.damagedVehicle, ...setup.otherVehicles].map((vehicle) => usable(vehicle, value));
}

function limitsOf(thresholds: ThresholdValues, purpose: SeatPurpose): Limits {
  return {
    improvised: thresholds.maxImprovisedSeatsPerVehicle ?? 0,
    emergencyOnly: purpose === 'lifeboat' ? (thresholds.maxEmergencyOnlyPlacesPerVehicle ?? 0) : 0,
  };
}

/**
 * Moves exactly `relocatedCount` crew to other docked vehicles (spare seats first, then improvised
 * ones, then for a lifeboat emergency-only places, each up to the profile's limit); the rest keep their
 * seats on the damaged vehicle. Crew listed last are moved first, so the commander stays. Returns null
 * when no such assignment exists.
 */
export function planSeats(
  setup: MissionSetup,
  thresholds: ThresholdValues,
  relocatedCount: number,
  purpose: SeatPurpose = 'ride',
): SeatAssignment[] | null {
  const limits = limitsOf(thresholds, purpose);
  const byLimits = plansBySetup.get(setup) ?? new Map<string, (SeatAssignment[] | null)[]>();
  plansBySetup.set(setup, byLimits);
  const limitsKey = `${limits.improvised}|${limits.emergencyOnly}`;
  const plans = byLimits.get(limitsKey) ?? [];
  byLimits.set(limitsKey, plans);
  plans[relocatedCount] ??= searchSeats(setup, limits, relocatedCount);
  return plans[relocatedCount];
}

function searchSeats(setup: MissionSetup, limits: Limits, relocatedCount: number): SeatAssignment[] | null {
  const capacity = new Map(
    setup.otherVehicles.map((v) => [
      v.id,
      {
        spare: freeSeats(v),
        improvised: usableImprovisedSeats(v, limits.improvised),
        'emergency-only': usableEmergencyOnlyPlaces(v, limits.emergencyOnly),
      },
    ]),
  );
  const candidates = [...setup.crew].reverse().filter((c) => c.canRelocateTo.some((id) => capacity.has(id)));
  const moved: SeatAssignment[] = [];

  const place = (from: number): boolean => {
    if (moved.length === relocatedCount) return true;
    for (let i = from; i < candidates.length; i++) {
      const member = candidates[i];
      if (!member) continue;
      for (const vehicleId of member.canRelocateTo) {
        const seats = capacity.get(vehicleId);
        if (!seats) continue;
        const seat = (['spare', 'improvised', 'emergency-only'] as const).find((kind) => seats[kind] > 0);
        if (!seat) continue;
        seats[seat] -= 1;
        moved.push({ crewId: member.id, vehicleId, seat });
        if (place(i + 1)) return true;
        moved.pop();
        seats[seat] += 1;
      }
    }
    return false;
  };

  if (relocatedCount > setup.crew.length || !place(0)) return null;
  const movedIds = new Set(moved.map((m) => m.crewId));
  const staying = setup.crew
    .filter((c) => !movedIds.has(c.id))
    .map((c): SeatAssignment => ({ crewId: c.id, vehicleId: setup.damagedVehicle.id, seat: 'own' }));
  if (staying.length > freeSeats(setup.damagedVehicle) + usableImprovisedSeats(setup.damagedVehicle, limits.improvised))
    return null;
  const order = new Map(setup.crew.map((c, i) => [c.id, i]));
  return [...staying, ...moved].sort((a, b) => (order.get(a.crewId) ?? 0) - (order.get(b.crewId) ?? 0));
}

/** The most crew that could move to other docked vehicles for this purpose. */
export function maxRelocatableCrew(setup: MissionSetup, thresholds: ThresholdValues, purpose: SeatPurpose = 'ride'): number {
  for (let count = setup.crew.length; count > 0; count--) {
    if (planSeats(setup, thresholds, count, purpose)) return count;
  }
  return 0;
}

/** Places a vehicle offers this case's crew: free seats plus the improvised ones (and, for a lifeboat, emergency-only places) the profile counts. */
export function seatCapacity(vehicle: Vehicle, thresholds: ThresholdValues, purpose: SeatPurpose = 'ride'): number {
  const limits = limitsOf(thresholds, purpose);
  return (
    freeSeats(vehicle) +
    usableImprovisedSeats(vehicle, limits.improvised) +
    usableEmergencyOnlyPlaces(vehicle, limits.emergencyOnly)
  );
}
