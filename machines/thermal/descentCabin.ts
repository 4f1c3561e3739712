/**
 * The descent cabin with its external heat rejection lost, as one lumped heat capacity: crew and
 * equipment heat go into the cabin air and the structure and equipment around it, nothing leaves.
 * Linear in every heat input and in time, so more crew or a longer trip is never cooler.
 */

export interface DescentCabinConditions {
  crewAboard: number;
  /** Total metabolic heat per crew member: sensible, and latent that condenses on the cabin walls. */
  metabolicHeatPerCrewW: number;
  equipmentHeatW: number;
  /** From hatch close (station air no longer ducted in) to landing. */
  descentDurationMin: number;
  cabinTempAtHatchCloseC: number;
  /** Cabin air plus the effective structure and equipment capacity. */
  cabinHeatCapacityKjPerK: number;
}

const secondsPerMinute = 60;
const joulesPerKj = 1000;

function heatIntoCabinW(c: Pick<DescentCabinConditions, 'crewAboard' | 'metabolicHeatPerCrewW' | 'equipmentHeatW'>): number {
  return c.crewAboard * c.metabolicHeatPerCrewW + c.equipmentHeatW;
}

/** The peak is at landing: with no heat leaving, the cabin only warms. */
export function peakCabinTempC(c: DescentCabinConditions): number {
  const heatJ = heatIntoCabinW(c) * c.descentDurationMin * secondsPerMinute;
  return c.cabinTempAtHatchCloseC + heatJ / (c.cabinHeatCapacityKjPerK * joulesPerKj);
}

/** The one capacity at which the conditions reach `peakC`: the calibration of the effective parameter. */
export function capacityReachingKjPerK(c: Omit<DescentCabinConditions, 'cabinHeatCapacityKjPerK'>, peakC: number): number {
  const riseK = peakC - c.cabinTempAtHatchCloseC;
  if (!(riseK > 0)) throw new Error(`a calibration peak must be above the starting temperature, got ${peakC} °C`);
  return (heatIntoCabinW(c) * c.descentDurationMin * secondsPerMinute) / (riseK * joulesPerKj);
}

const airDensityKgPerM3 = 1.18;
const airSpecificHeatKjPerKgK = 1.005;

export function airHeatCapacityKjPerK(freeVolumeM3: number): number {
  return freeVolumeM3 * airDensityKgPerM3 * airSpecificHeatKjPerKgK;
}

/** Water vapour the air holds at saturation (Magnus formula over water, ideal gas). */
function saturationVapourDensityGPerM3(tempC: number): number {
  const saturationPressurePa = 610.94 * Math.exp((17.625 * tempC) / (tempC + 243.04));
  const waterGasConstantJPerKgK = 461.5;
  return (1000 * saturationPressurePa) / (waterGasConstantJPerKgK * (tempC + 273.15));
}

const waterLatentHeatJPerG = 2430;

/**
 * Minutes until the crew's latent heat, as exhaled and sweated water, saturates the free air at the
 * peak temperature, if nothing removed moisture. Why no humidity is estimated: it is minutes, so the
 * humidity on the way down is set by the moisture removal, which no source gives.
 */
export function minutesToSaturateCabinAir(args: {
  crewAboard: number;
  latentHeatPerCrewW: number;
  freeVolumeM3: number;
  humidityAtHatchClosePct: number;
  cabinTempAtHatchCloseC: number;
  peakCabinTempC: number;
}): number {
  const startG = (args.humidityAtHatchClosePct / 100) * saturationVapourDensityGPerM3(args.cabinTempAtHatchCloseC);
  const roomG = (saturationVapourDensityGPerM3(args.peakCabinTempC) - startG) * args.freeVolumeM3;
  const waterGPerMin = (args.crewAboard * args.latentHeatPerCrewW * secondsPerMinute) / waterLatentHeatJPerG;
  return roomG / waterGPerMin;
}
