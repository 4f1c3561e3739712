import { describe, expect, it } from 'vitest';
import {
  atLimitByDesign,
  decidingNumbers,
  isThin,
  marginInCautionBands,
  nearestFlip,
  unknownQuantities,
} from '../machines/policy/answer';
import { flipPoints, inputFlipPoints, relativeMove } from '../machines/policy/flipPoints';
import { recommend, recommendationEvaluations } from '../machines/policy/policy';
import { ms22LikeValues, situation } from './support';

describe('the answer', () => {
  it('names the failure nearest to passing and the pass nearest to failing, seat counts aside', () => {
    const r = recommend(situation());
    const [failing, passing] = decidingNumbers(r);
    expect(failing).toMatchObject({ status: 'fail', quantityKey: 'peakCabinTempC.crew3', tier: 'emergency', value: 43 });
    expect(passing).toMatchObject({ status: 'pass', quantityKey: 'peakCabinTempC.crew2', value: 39, threshold: 40 });
  });

  it("marks a pass thin when its margin is under its rule's caution band, in the rule's own unit, and only then", () => {
    const passing = decidingNumbers(recommend(situation()))[1];
    if (!passing) throw new Error('no passing number');
    expect(isThin(passing)).toBe(true); // 1 °C under a caution band of 2 °C
    expect(marginInCautionBands(passing)).toBeCloseTo(0.5, 9);
    expect(isThin({ ...passing, value: 37, margin: 3 })).toBe(false);
    // A small limit is judged in its own unit: 0.1 kPa/h to spare on a 0.1 kPa/h limit is two bands, not 10 % of anything.
    const leak = { ...passing, ruleId: 'pressure.descent-module-leak', unit: 'kPa/h', value: 0, threshold: 0.1, margin: 0.1 };
    expect(marginInCautionBands(leak)).toBeCloseTo(2, 9);
    expect(isThin(leak)).toBe(false);
  });

  it('a limit met by construction (a full seat count, a rated load) is at the limit by design, never thin, never the deciding pass', () => {
    const r = recommend(situation());
    const g = recommendationEvaluations(r).find((e) => e.ruleId === 'descent.peak-g-load' && e.margin === 0);
    if (!g) throw new Error('no peak-g evaluation at its limit');
    expect(atLimitByDesign(g)).toBe(true);
    expect(isThin(g)).toBe(false);
    expect(decidingNumbers(r).map((e) => e.ruleId)).not.toContain('descent.peak-g-load');
  });

  it('waits for the assessed inputs of unknown readings', () => {
    const { 'peakCabinHumidityPct.crew2': _, ...values } = ms22LikeValues;
    expect(unknownQuantities(recommend(situation({ values })))).toContain('peakCabinHumidityPct.crew2');
    expect(unknownQuantities(recommend(situation()))).toEqual([]);
  });

  it('does not wait for a cabin temperature the descent-thermal model estimates', () => {
    const { 'peakCabinTempC.crew2': _, ...values } = ms22LikeValues;
    expect(unknownQuantities(recommend(situation({ values })))).not.toContain('peakCabinTempC.crew2');
  });

  it('the nearest flip is the smallest relative move, and moving there does change the outcome', () => {
    const s = situation();
    const r = recommend(s);
    const nearest = nearestFlip(flipPoints(s, r), inputFlipPoints(s, r));
    if (!nearest) throw new Error('no flip');
    // Moving just there (or just past it, for a strict flip) does change the outcome, whichever kind it is.
    const { flip } = nearest;
    const at = flip.inclusive ? flip.flipAt : flip.flipAt + (flip.direction === 'raise' ? 1e-6 : -1e-6);
    const moved =
      nearest.kind === 'threshold'
        ? { ...s, thresholds: { ...s.thresholds, [nearest.flip.thresholdKey]: at } }
        : {
            ...s,
            values: {
              ...s.values,
              [nearest.flip.quantityKey]: {
                nominal: at,
                source: 'assumed',
                ...s.values[nearest.flip.quantityKey],
                [nearest.flip.end]: at,
              },
            },
          };
    expect(recommend(moved).outcome).toBe(flip.newOutcome);
    expect(flip.newOutcome).not.toBe(r.outcome);
    for (const f of [...flipPoints(s, r).filter((p) => p.validAlone), ...inputFlipPoints(s, r)])
      expect(relativeMove(flip)).toBeLessThanOrEqual(relativeMove(f));
  });
});
