import { describe, expect, it } from 'vitest';
import { decidingNumbers, isThin, nearestFlip, unknownQuantities } from '../machines/policy/answer';
import { flipPoints, inputFlipPoints } from '../machines/policy/flipPoints';
import { recommend } from '../machines/policy/policy';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import { ms22LikeValues, situation } from './support';

describe('the answer', () => {
  it('names the failure nearest to passing and the pass nearest to failing, seat counts aside', () => {
    const r = recommend(situation());
    const [failing, passing] = decidingNumbers(r);
    expect(failing).toMatchObject({ status: 'fail', quantityKey: 'peakCabinTempC.crew3', tier: 'emergency', value: 43 });
    expect(passing).toMatchObject({ status: 'pass', quantityKey: 'peakCabinTempC.crew2', value: 39, threshold: 40 });
  });

  it('marks a pass thin when its margin is under the profile share of the limit, and only then', () => {
    const passing = decidingNumbers(recommend(situation()))[1];
    if (!passing) throw new Error('no passing number');
    expect(isThin(passing, defaultThresholdValues)).toBe(true); // 1 °C of 40 °C is 2.5 % < 10 %
    expect(isThin(passing, { ...defaultThresholdValues, thinMarginPctOfLimit: 2 })).toBe(false);
  });

  it('waits for the assessed inputs of unknown readings', () => {
    const { 'peakCabinTempC.crew2': _, ...values } = ms22LikeValues;
    expect(unknownQuantities(recommend(situation({ values })))).toContain('peakCabinTempC.crew2');
    expect(unknownQuantities(recommend(situation()))).toEqual([]);
  });

  it('the nearest flip is the smallest relative move, and moving there does change the outcome', () => {
    const s = situation();
    const r = recommend(s);
    const nearest = nearestFlip(flipPoints(s, r), inputFlipPoints(s, r));
    if (!nearest) throw new Error('no flip');
    const moved =
      nearest.kind === 'threshold'
        ? recommend({ ...s, thresholds: { ...s.thresholds, [nearest.flip.thresholdKey]: nearest.flip.flipAt } })
        : null;
    if (moved && nearest.flip.inclusive) expect(moved.outcome).toBe(nearest.flip.newOutcome);
    const distance = (f: { flipAt: number; current: number }) =>
      Math.abs(f.flipAt - f.current) / Math.max(Math.abs(f.current), 1);
    for (const f of [...flipPoints(s, r).filter((p) => p.validAlone), ...inputFlipPoints(s, r)])
      expect(distance(nearest.flip)).toBeLessThanOrEqual(distance(f));
  });
});
