/**
 * What the descent-cabin estimate is computed from, per vehicle class: each input with its range, a
 * FACTS.md key or `assumed` with its basis, and the reported peak it is calibrated to. An input an
 * engineering team reports (or Explore tries) replaces the default here.
 */
import type { AssessedValue } from '../types';

import { airHeatCapacityKjPerK, capacityReachingKjPerK, type DescentCabinConditions } from './descentCabin';

export const descentThermalInputKeys = [
  'crewMetabolicHeatW',
  'descentEquipmentHeatW',
  'descentDurationMin',
  'cabinTempAtHatchCloseC',
  'descentCabinHeatCapacityKjPerK',
] as const;
export type DescentThermalInputKey = (typeof descentThermalInputKeys)[number];

/** An input's default: an assessed value (low / nominal / high, source) and why it is what it is. */
type DescentThermalInput = AssessedValue & { basis: string };

export interface DescentCabinModel {
  inputs: Readonly<Record<DescentThermalInputKey, DescentThermalInput>>;
  freeVolumeM3: { value: number; source: string; basis: string };
  humidityAtHatchClosePct: { value: number; source: string; basis: string };
  latentHeatPerCrewW: { value: number; source: string; basis: string };
  /** The reported peak the effective capacity is fitted to. */
  calibration: { crewAboard: number; peakCabinTempC: AssessedValue; basis: string };
}

const soyuzHeatInputs = {
  crewMetabolicHeatW: {
    nominal: 137,
    low: 88,
    high: 190,
    source: 'BVAD04',
    basis: '11.82 MJ/crew-day ≈ 137 W (derived); design study range ~88–190 W [CR1981]; seated at rest ~106 W [ASHRAE]',
  },
  descentEquipmentHeatW: {
    nominal: 300,
    low: 150,
    high: 500,
    source: 'assumed',
    basis: 'not found; avionics, fans and radios of the descent module with "all equipment on" [SD-0215]: a few hundred watts',
  },
  descentDurationMin: {
    nominal: 398,
    low: 360,
    high: 491,
    source: 'CSA-58',
    basis:
      'hatch close → landing ~6 h 38 min (derived), a "6 hour or longer" trip [SD-0215]; high: the burn one orbit (~93 min) later (assumed)',
  },
  cabinTempAtHatchCloseC: {
    nominal: 25,
    low: 18,
    high: 30,
    source: 'SPUT-1221',
    basis: 'top of the +18 to +25 °C living-space spec; high: MS-22 with station air ducted in, 28–30 °C [TASS-1216]',
  },
} as const satisfies Record<string, DescentThermalInput>;

const soyuzCalibration = {
  crewAboard: 3,
  peakCabinTempC: { nominal: 40, high: 43, source: 'SD-0215' },
  basis: 'MS-22, three crew, heat rejection lost: ~40 °C [SD-0215]; Roscosmos "low 40s" [TEL-0111] (43 °C taken)',
};

/** Fitted to the calibration: the nominal capacity to its nominal peak, the low (hot) end to its high peak. */
function fittedCapacity(inputs: typeof soyuzHeatInputs, calibration: typeof soyuzCalibration): DescentThermalInput {
  const conditions: Omit<DescentCabinConditions, 'cabinHeatCapacityKjPerK'> = {
    crewAboard: calibration.crewAboard,
    metabolicHeatPerCrewW: inputs.crewMetabolicHeatW.nominal,
    equipmentHeatW: inputs.descentEquipmentHeatW.nominal,
    descentDurationMin: inputs.descentDurationMin.nominal,
    cabinTempAtHatchCloseC: inputs.cabinTempAtHatchCloseC.nominal,
  };
  const peak = calibration.peakCabinTempC;
  return {
    nominal: capacityReachingKjPerK(conditions, peak.nominal),
    low: capacityReachingKjPerK(conditions, peak.high),
    source: 'derived',
    basis: `effective: cabin air and the structure and equipment the heat soaks into, fitted so the nominal inputs give ${peak.nominal} °C for ${calibration.crewAboard} crew [${peak.source}]; low end fitted to ${peak.high} °C`,
  };
}

const soyuzMs: DescentCabinModel = {
  inputs: { ...soyuzHeatInputs, descentCabinHeatCapacityKjPerK: fittedCapacity(soyuzHeatInputs, soyuzCalibration) },
  freeVolumeM3: {
    value: 3.5,
    source: 'assumed',
    basis: `not found; of the order of the descent module's habitable volume (its air holds ~${Math.round(airHeatCapacityKjPerK(3.5))} kJ/K: the structure dominates)`,
  },
  humidityAtHatchClosePct: { value: 50, source: '3001-SEC', basis: 'within the 30–60 % RH normal range (assumed mid-range)' },
  latentHeatPerCrewW: { value: 72, source: 'CR1981', basis: 'latent share of metabolic heat, up to ~72 W' },
  calibration: soyuzCalibration,
};

/**
 * Classes with a calibrated model. Crew Dragon has none: no reported peak to fit its effective
 * capacity to, and its 6–30 h return [DISC-D2] is far from any calibration, so it gets no estimate.
 */
export const descentCabinModels: Readonly<Partial<Record<string, DescentCabinModel>>> = { 'soyuz-ms': soyuzMs };
