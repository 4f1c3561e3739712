/** Words for what the model computes, shared by the CLI and the app so they never say it differently. */

import { flipRelation, type InputFlipPoint } from '../../machines/policy/flipPoints';
import type { UncrewedDeparture } from '../../machines/policy/policy';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import { quantityOfKey } from '../../machines/rules/quantities';
import type { MissionSetup } from '../../machines/types';

/** `Predicted peak descent cabin temperature (3 crew)` for `peakCabinTempC.crew3`. */
export function quantityLabel(key: string): string {
  const quantity = quantityOfKey(key);
  if (!quantity) return key;
  return quantity.crewCount === undefined
    ? quantity.definition.label
    : `${quantity.definition.label} (${quantity.crewCount} crew)`;
}

export function quantityUnit(key: string): string {
  return quantityOfKey(key)?.definition.unit ?? '';
}

/** "if the high estimate of X were ≤ 39 °C, the recommendation would become Y". */
export function inputFlipSentence(flip: InputFlipPoint, shown: (value: number, unit: string) => string, outcome: string): string {
  const value = shown(flip.flipAt, quantityUnit(flip.quantityKey));
  return `if the ${flip.end} estimate of ${quantityLabel(flip.quantityKey)} were ${flipRelation(flip)} ${value} (now ${shown(flip.current, quantityUnit(flip.quantityKey))}), the recommendation would become ${outcome}`;
}

/** What a rule was evaluated for beyond the crew count: a vehicle (by name) or a descent mode. */
export function evaluationSubject(e: RuleEvaluation, setup: MissionSetup): string {
  if (e.vehicleId) return [setup.damagedVehicle, ...setup.otherVehicles].find((v) => v.id === e.vehicleId)?.name ?? e.vehicleId;
  if (e.descentModeId) return `${e.descentModeId} mode`;
  return '';
}

/** A stable key for an evaluation within a policy row: rule, tier, crew option, vehicle, mode. */
export function evaluationKey(e: RuleEvaluation): string {
  return [e.ruleId, e.tier, e.crewCount ?? '', e.vehicleId ?? '', e.descentModeId ?? ''].join('|');
}

/** "Soyuz MS-22 leaves uncrewed at once: …": when the damaged vehicle leaves in a replacement plan. */
export function uncrewedDepartureSentence(vehicleName: string, departure: UncrewedDeparture): string {
  return departure === 'now'
    ? `${vehicleName} leaves uncrewed at once: nobody waits on it, so its life need not last the wait`
    : `${vehicleName} leaves uncrewed once the replacement has docked and the seat liners have moved`;
}
