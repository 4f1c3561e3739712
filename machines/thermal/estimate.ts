/**
 * The estimated peak descent cabin temperature for a crew count, low / nominal / high, from the
 * model's inputs: a reported (or explored) value of an input replaces its default.
 */
import type { AssessedValue } from '../types';

import { type DescentCabinConditions, minutesToSaturateCabinAir, peakCabinTempC } from './descentCabin';
import {
  type DescentCabinModel,
  type DescentThermalInputKey,
  descentCabinModels,
  descentThermalInputKeys,
} from './descentCabinInputs';

/** The source an estimated value carries wherever a value's source is shown. */
export const estimatedSource = 'estimated';

export interface EstimateInputUsed {
  key: DescentThermalInputKey;
  value: AssessedValue;
  /** Why the default is what it is; absent when a report (or Explore) gave the value. */
  basis?: string;
  /** True when the value is the model's default rather than a report or a tried value. */
  isDefault: boolean;
}

export interface DescentThermalEstimate {
  crewAboard: number;
  lowC: number;
  nominalC: number;
  /** The conservative end: what a rule judges. */
  highC: number;
  inputs: readonly EstimateInputUsed[];
  /** Minutes to saturate the free air with no moisture removal, at the nominal peak. */
  airSaturatedAfterMin: number;
}

export type AssessedValuesByKey = Readonly<Record<string, AssessedValue>>;

export function descentCabinModelOf(classId: string): DescentCabinModel | undefined {
  return descentCabinModels[classId];
}

function estimateInputsUsed(model: DescentCabinModel, values: AssessedValuesByKey): EstimateInputUsed[] {
  return descentThermalInputKeys.map((key) => {
    const reported = values[key];
    if (reported) return { key, value: reported, isDefault: false };
    const { basis, ...value } = model.inputs[key];
    return { key, value, basis, isDefault: true };
  });
}

type InputNumbers = Record<DescentThermalInputKey, number>;

function conditions(crewAboard: number, n: InputNumbers): DescentCabinConditions {
  return {
    crewAboard,
    metabolicHeatPerCrewW: n.crewMetabolicHeatW,
    equipmentHeatW: n.descentEquipmentHeatW,
    descentDurationMin: n.descentDurationMin,
    cabinTempAtHatchCloseC: n.cabinTempAtHatchCloseC,
    cabinHeatCapacityKjPerK: n.descentCabinHeatCapacityKjPerK,
  };
}

/**
 * The ends combine each input's swing (that input at its end, the others nominal) in quadrature:
 * the inputs are independent, and every input at its hot end at once is far less likely than any one.
 */
export function estimateFromInputs(
  crewAboard: number,
  inputs: readonly EstimateInputUsed[],
): Omit<DescentThermalEstimate, 'airSaturatedAfterMin'> {
  const nominalNumbers = Object.fromEntries(inputs.map((i) => [i.key, i.value.nominal])) as InputNumbers;
  const nominalC = peakCabinTempC(conditions(crewAboard, nominalNumbers));
  let upSquared = 0;
  let downSquared = 0;
  for (const input of inputs) {
    let up = 0;
    let down = 0;
    for (const end of [input.value.low, input.value.high]) {
      if (end === undefined) continue;
      const swing = peakCabinTempC(conditions(crewAboard, { ...nominalNumbers, [input.key]: end })) - nominalC;
      up = Math.max(up, swing);
      down = Math.min(down, swing);
    }
    upSquared += up * up;
    downSquared += down * down;
  }
  return { crewAboard, lowC: nominalC - Math.sqrt(downSquared), nominalC, highC: nominalC + Math.sqrt(upSquared), inputs };
}

export function descentThermalEstimate(
  model: DescentCabinModel,
  values: AssessedValuesByKey,
  crewAboard: number,
): DescentThermalEstimate {
  const estimate = estimateFromInputs(crewAboard, estimateInputsUsed(model, values));
  const startC = estimate.inputs.find((i) => i.key === 'cabinTempAtHatchCloseC')?.value.nominal ?? Number.NaN;
  return {
    ...estimate,
    airSaturatedAfterMin: minutesToSaturateCabinAir({
      crewAboard,
      latentHeatPerCrewW: model.latentHeatPerCrewW.value,
      freeVolumeM3: model.freeVolumeM3.value,
      humidityAtHatchClosePct: model.humidityAtHatchClosePct.value,
      cabinTempAtHatchCloseC: startC,
      peakCabinTempC: estimate.nominalC,
    }),
  };
}
