import type { MissionSetup } from '../types';
import { freeSeats, usableImprovisedSeats, type Vehicle } from '../vehicles/vehicles';
import type { ThresholdValues } from './thresholds';

export interface SeatAssignment {
  crewId: string;
  vehicleId: string;
  seat: 'own' | 'spare' | 'improvised';
}

/**
 * Plans depend only on the mission setup (never changed once made), the improvised-seat limit and the
 * count: each is searched once and then read, since every policy evaluation asks for the same few.
 */
const plansBySetup = new WeakMap<MissionSetup, Map<number, (SeatAssignment[] | null)[]>>();

/**
 * Moves exactly `relocatedCount` crew to other docked vehicles (spare seats first, then improvised
 * ones up to the profile's limit); the rest keep their seats on the damaged vehicle. Crew listed
 * last are moved first, so the commander stays. Returns null when no such assignment exists.
 */
export function planSeats(setup: MissionSetup, thresholds: ThresholdValues, relocatedCount: number): SeatAssignment[] | null {
  const improvisedLimit = thresholds.maxImprovisedSeatsPerVehicle ?? 0;
  const byLimit = plansBySetup.get(setup) ?? new Map<number, (SeatAssignment[] | null)[]>();
  plansBySetup.set(setup, byLimit);
  const plans = byLimit.get(improvisedLimit) ?? [];
  byLimit.set(improvisedLimit, plans);
  plans[relocatedCount] ??= searchSeats(setup, improvisedLimit, relocatedCount);
  return plans[relocatedCount];
}

function searchSeats(setup: MissionSetup, improvisedLimit: number, relocatedCount: number): SeatAssignment[] | null {
  const capacity = new Map(
    setup.otherVehicles.map((v) => [v.id, { spare: freeSeats(v), improvised: usableImprovisedSeats(v, improvisedLimit) }]),
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
        const seat = seats.spare > 0 ? 'spare' : seats.improvised > 0 ? 'improvised' : null;
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
  if (staying.length > freeSeats(setup.damagedVehicle) + usableImprovisedSeats(setup.damagedVehicle, improvisedLimit))
    return null;
  const order = new Map(setup.crew.map((c, i) => [c.id, i]));
  return [...staying, ...moved].sort((a, b) => (order.get(a.crewId) ?? 0) - (order.get(b.crewId) ?? 0));
}

/** The most crew that could move to other docked vehicles. */
export function maxRelocatableCrew(setup: MissionSetup, thresholds: ThresholdValues): number {
  for (let count = setup.crew.length; count > 0; count--) {
    if (planSeats(setup, thresholds, count)) return count;
  }
  return 0;
}

/** Seats a vehicle offers this case's crew: free seats plus the improvised ones the seat policy counts. */
export function seatCapacity(vehicle: Vehicle, thresholds: ThresholdValues): number {
  return freeSeats(vehicle) + usableImprovisedSeats(vehicle, thresholds.maxImprovisedSeatsPerVehicle ?? 0);
}
