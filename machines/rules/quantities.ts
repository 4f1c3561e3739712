/** Quantities a finding or an engineering report can set; rules read some, the rest inform. */
export interface QuantityDefinition {
  name: string;
  label: string;
  unit: string;
  perCrewCount: boolean;
  /** Which way is worse: a rule reads the conservative end of a range, the worse one. */
  worse: 'higher' | 'lower';
  /** Physically possible values; outside them an input is refused, not judged. */
  range: { min: number; max: number; minExclusive?: boolean; integer?: boolean };
}

const temperatureC = { min: -100, max: 150 };
const percent = { min: 0, max: 100 };
const positiveDays = { min: 0, max: 3650, minExclusive: true };
const count = { min: 0, max: 64, integer: true };

export const reportedQuantities: readonly QuantityDefinition[] = [
  q('peakCabinTempC', 'Predicted peak descent cabin temperature', '°C', true, 'higher', temperatureC),
  q('peakCabinHumidityPct', 'Predicted peak descent cabin humidity', '%RH', true, 'higher', percent),
  q('descentModuleLeakRateKpaPerHour', 'Descent module pressure loss', 'kPa/h', false, 'higher', { min: 0, max: 101.3 }),
  q('deorbitDeltaVAvailableMps', 'Deorbit delta-v available (main engine)', 'm/s', false, 'lower', { min: 0, max: 10_000 }),
  q('backupDeorbitDeltaVAvailableMps', 'Deorbit delta-v available (backup engine)', 'm/s', false, 'lower', {
    min: 0,
    max: 10_000,
  }),
  q('attitudeThrustersLost', 'Attitude thrusters lost', 'count', false, 'higher', count),
  q('replacementLeadTimeDays', 'Replacement lead time', 'days', false, 'higher', positiveDays),
  q('openCommonCauseQuestions', 'Open common-cause questions', 'count', false, 'higher', count),
  q('commonCauseHoldDays', 'Launch hold for common cause', 'days', false, 'higher', positiveDays),
  q('holeDiameterMm', 'Hole diameter', 'mm', false, 'higher', { min: 0, max: 10_000 }),
  q('coolantRemainingPct', 'Coolant remaining', '%', false, 'lower', percent),
  q('livingVolumeTempC', 'Living-volume temperature (docked)', '°C', false, 'higher', temperatureC),
  q('instrumentCompartmentTempC', 'Instrument compartment temperature (docked)', '°C', false, 'higher', temperatureC),
  // The descent-thermal estimate's inputs: a report replaces the model's default.
  q('crewMetabolicHeatW', 'Metabolic heat per crew member (descent)', 'W', false, 'higher', { min: 0, max: 1000 }),
  q('descentEquipmentHeatW', 'Equipment heat in the descent cabin', 'W', false, 'higher', { min: 0, max: 100_000 }),
  q('descentDurationMin', 'Descent duration, hatch close to landing', 'min', false, 'higher', {
    min: 0,
    max: 3000,
    minExclusive: true,
  }),
  q('cabinTempAtHatchCloseC', 'Cabin temperature at hatch close', '°C', false, 'higher', temperatureC),
  q('descentCabinHeatCapacityKjPerK', 'Descent cabin effective heat capacity', 'kJ/K', false, 'lower', {
    min: 0,
    max: 1_000_000,
    minExclusive: true,
  }),
];

function q(
  name: string,
  label: string,
  unit: string,
  perCrewCount: boolean,
  worse: QuantityDefinition['worse'],
  range: QuantityDefinition['range'],
): QuantityDefinition {
  return { name, label, unit, perCrewCount, worse, range };
}

export const reportedQuantityByName: ReadonlyMap<string, QuantityDefinition> = new Map(
  reportedQuantities.map((d) => [d.name, d]),
);

/** `peakCabinTempC.crew3` → its definition and crew count. */
export function quantityOfKey(key: string): { definition: QuantityDefinition; crewCount?: number } | undefined {
  const match = /^(.*)\.crew(\d+)$/.exec(key);
  const definition = reportedQuantityByName.get(match?.[1] ?? key);
  if (!definition) return undefined;
  return match ? { definition, crewCount: Number(match[2]) } : { definition };
}

/** Quantities the rules read that are worked out (from assessed values, vehicle facts, the seat plan), by name. */
export const derivedQuantityLabels: Readonly<Record<string, string>> = {
  lifeUsedAtReturnPct: 'Share of certified life used at return',
  lifeUsedAtReplacementArrivalPct: 'Share of certified life used when the replacement arrives',
  deorbitDeltaVMarginPct: 'Deorbit delta-v margin',
  attitudeFaultToleranceLeft: 'Attitude-control fault tolerance left',
  descentPeakG: 'Peak entry g-load of the descent mode',
  crewAboardDamagedVehicle: 'Crew aboard the damaged vehicle',
  crewOnOtherVehicles: 'Crew moved to other vehicles',
};

/** Why a value is impossible for its quantity, or null when it is possible. */
export function impossibleValue(definition: QuantityDefinition, value: number): string | null {
  const { min, max, minExclusive, integer } = definition.range;
  const below = minExclusive ? value <= min : value < min;
  if (below || value > max || (integer && !Number.isInteger(value))) {
    const unit = definition.unit === 'count' ? '' : ` ${definition.unit}`;
    const kind = integer ? 'a whole number' : 'a number';
    return `${kind} ${minExclusive ? `above ${min}` : `from ${min}`}${minExclusive ? ` up to ${max}` : ` to ${max}`}${unit}, got ${value}`;
  }
  return null;
}
