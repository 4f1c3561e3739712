import type { NearestFlip } from '../../../machines/policy/answer';
import type { FlipPoint, InputFlipPoint } from '../../../machines/policy/flipPoints';
import {
  type ThresholdKey,
  type ThresholdValues,
  thresholdDefinitionByKey,
  thresholdKeyFor,
  tieredThresholdBases,
} from '../../../machines/policy/thresholds';
import type { RuleEvaluation } from '../../../machines/rules/evaluate';
import { quantityOfKey } from '../../../machines/rules/quantities';
import type { Tier } from '../../../machines/types';

type Flip = FlipPoint | InputFlipPoint;

/** One number line: a threshold or an assessed value, now, and the nearest value each way that changes the recommendation. */
export interface FlipLine {
  kind: 'threshold' | 'input';
  /** The threshold key, or the assessed quantity's key. */
  key: string;
  unit: string;
  current: number;
  lower: Flip | null;
  raise: Flip | null;
  /** Which way holds the nearest flip of all (the one the answer names), if it is on this line. */
  nearest: 'lower' | 'raise' | null;
  /** The limits in the same unit: the threshold's tiers, or the limits the rules reading the value compare it with. */
  limits: { tier: Tier; thresholdKey: string; value: number }[];
}

/**
 * The flip points as number lines, one per threshold or assessed value that has any, the line with
 * the nearest flip first, then assessed values and thresholds in the order their flips are listed.
 */
export function flipLines(
  thresholdFlips: readonly FlipPoint[],
  inputFlips: readonly InputFlipPoint[],
  nearest: NearestFlip | null,
  thresholds: ThresholdValues,
  evaluations: readonly RuleEvaluation[],
): FlipLine[] {
  const lines = new Map<string, FlipLine>();
  const add = (kind: FlipLine['kind'], key: string, unit: string, flip: Flip, limits: () => FlipLine['limits']) => {
    const id = `${kind}:${key}`;
    const line = lines.get(id) ?? {
      kind,
      key,
      unit,
      current: flip.current,
      lower: null,
      raise: null,
      nearest: null,
      limits: limits(),
    };
    line[flip.direction] = flip;
    if (nearest?.flip === flip) line.nearest = flip.direction;
    lines.set(id, line);
  };
  for (const flip of inputFlips) {
    add('input', flip.quantityKey, quantityOfKey(flip.quantityKey)?.definition.unit ?? '', flip, () =>
      limitsReading(flip.quantityKey, evaluations, thresholds),
    );
  }
  for (const flip of thresholdFlips) {
    add('threshold', flip.thresholdKey, thresholdDefinitionByKey.get(flip.thresholdKey)?.unit ?? '', flip, () =>
      tiersOf(flip.thresholdKey, thresholds),
    );
  }
  return [...lines.values()].sort((a, b) => Number(b.nearest !== null) - Number(a.nearest !== null));
}

/** Both tiers of a tiered threshold; the threshold alone otherwise. */
function tiersOf(thresholdKey: string, thresholds: ThresholdValues): FlipLine['limits'] {
  const definition = thresholdDefinitionByKey.get(thresholdKey);
  const base = tieredThresholdBases.find((b) => thresholdKey === `${b}.${definition?.tier}`);
  if (!definition?.tier || !base) return [];
  return (['nominal', 'emergency'] as const).flatMap((tier) => {
    const key = thresholdKeyFor(base, tier);
    const value = thresholds[key];
    return value === undefined ? [] : [{ tier, thresholdKey: key, value }];
  });
}

/** The limits of the rules that compare this very value (not a quantity worked out from it) with a threshold. */
function limitsReading(
  quantityKey: string,
  evaluations: readonly RuleEvaluation[],
  thresholds: ThresholdValues,
): FlipLine['limits'] {
  const keys = new Map<ThresholdKey, Tier>();
  for (const e of evaluations) if (e.quantityKey === quantityKey) keys.set(e.thresholdKey, e.tier);
  return [...keys].flatMap(([thresholdKey, tier]) => {
    const value = thresholds[thresholdKey];
    return value === undefined ? [] : [{ tier, thresholdKey, value }];
  });
}
