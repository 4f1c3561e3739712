/** Where a threshold or an estimate would change the recommendation, and to what, in words. */
import {
  type FlipPoint,
  flipRelation,
  type InputFlipPoint,
  parseStatusKey,
  statusOfSeverity,
  thresholdDefinitionByKey,
} from '../session/model';
import { flipBound } from './format';
import { outcomeLabels } from './outcomeWords';
import { quantityLabel, quantityUnit } from './ruleWords';

/** "if the high estimate of X were ≤ 39 °C, the recommendation would become Y". */
export function inputFlipSentence(flip: InputFlipPoint, shown: (value: number, unit: string) => string, outcome: string): string {
  const value = shownFlipAt(flip, quantityUnit(flip.quantityKey), shown);
  const status = parseStatusKey(flip.quantityKey);
  if (status) {
    // "if the heat-shield finding were cleared (nominal) …": a status flips by a finding, not by an estimate.
    const to = statusOfSeverity(flip.flipAt);
    const finding = `the finding on ${quantityLabel(flip.quantityKey).replace(/^Status of /, '')}`;
    const change =
      to === 'nominal'
        ? 'cleared (nominal)'
        : `${flipRelation(flip) === '≥' || flipRelation(flip) === '>' ? 'worsened to' : 'eased to'} ${value}`;
    return `if ${finding} were ${change} (now ${shown(flip.current, 'status')}), the recommendation would become ${outcome}`;
  }
  return `if the ${flip.end} estimate of ${quantityLabel(flip.quantityKey)} were ${flipRelation(flip)} ${value} (now ${shown(flip.current, quantityUnit(flip.quantityKey))}), the recommendation would become ${outcome}`;
}

/** "≤ 39 °C → Undecided: escalate": where a threshold flip point changes the recommendation, and to what. */
export function thresholdFlipWords(flip: FlipPoint, shown: (value: number, unit: string) => string): string {
  const unit = thresholdDefinitionByKey.get(flip.thresholdKey)?.unit ?? '';
  return `${flipRelation(flip)} ${shownFlipAt(flip, unit, shown)} → ${outcomeLabels[flip.newOutcome]}${flip.validAlone ? '' : ' (with the other tier)'}`;
}

/** Where a flip happens, as read: at the unit's resolution, rounded toward the side that flips (`flipBound`). */
export function shownFlipAt(
  flip: Pick<FlipPoint, 'flipAt' | 'direction'>,
  unit: string,
  shown: (value: number, unit: string) => string,
): string {
  return shown(flipBound(flip.flipAt, unit, flip.direction), unit);
}
