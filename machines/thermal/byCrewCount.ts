/** The predicted peak descent cabin conditions for every crew count a vehicle seats: reports, and the estimate. */
import { crewQuantityKey } from '../rules/quantities';
import type { AssessedValue } from '../types';
import type { Vehicle } from '../vehicles/vehicles';
import { type DescentThermalEstimate, descentCabinModelOf, descentThermalEstimate } from './estimate';

export interface DescentCabinByCrewCount {
  crewAboard: number;
  /** What the thermal rule reads: the report wins over the estimate; with neither it is unknown. */
  reading: 'reported' | 'estimated' | 'unknown';
  temperatureReport: AssessedValue | null;
  /** The model's estimate, whether or not a report wins over it; null for a class with no calibrated model. */
  estimate: DescentThermalEstimate | null;
  humidityReport: AssessedValue | null;
}

/** Seats of the class, improvised ones included: every crew count the vehicle could carry home. */
export function seatedCrewCounts(vehicle: Vehicle): number[] {
  const seats = (vehicle.facts.crewSeats?.value ?? 0) + (vehicle.facts.improvisedSeats?.value ?? 0);
  return Array.from({ length: seats }, (_, i) => i + 1);
}

export function descentCabinByCrewCount(
  vehicle: Vehicle,
  values: Readonly<Record<string, AssessedValue>>,
): DescentCabinByCrewCount[] {
  const model = descentCabinModelOf(vehicle.classId);
  return seatedCrewCounts(vehicle).map((crewAboard) => {
    const temperatureReport = values[crewQuantityKey('peakCabinTempC', crewAboard)] ?? null;
    const estimate = model ? descentThermalEstimate(model, values, crewAboard) : null;
    return {
      crewAboard,
      reading: temperatureReport ? 'reported' : estimate ? 'estimated' : 'unknown',
      temperatureReport,
      estimate,
      humidityReport: values[crewQuantityKey('peakCabinHumidityPct', crewAboard)] ?? null,
    };
  });
}
