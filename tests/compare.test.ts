import { describe, expect, it } from 'vitest';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import { compareThresholds } from '../src/session/compare';
import { situation } from './support';

const surgeon = { label: "the surgeon's 38 °C", thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': 38 } };
const profile = { label: 'default', thresholds: defaultThresholdValues };

describe('side by side', () => {
  it('marks what differs when the same situation is judged under two profiles', () => {
    const c = compareThresholds(situation(), profile, surgeon);
    expect([c.a.recommendation.outcome, c.b.recommendation.outcome]).toEqual(['launch-replacement', 'undecided']);
    expect(c.outcomeDiffers).toBe(true);
    expect(c.thresholds).toEqual([['maxDescentCabinTempC.emergency', 40, 38]]);
    // The 2-crew temperature at the emergency tier: 39 °C passes 40 and fails 38.
    const twoCrew = c.evaluations.find((e) => e.key.startsWith('thermal.peak-cabin-temp|emergency|2|'));
    expect(twoCrew).toMatchObject({ differs: true, a: { status: 'pass', threshold: 40 }, b: { status: 'fail', threshold: 38 } });
    expect(c.evaluations.some((e) => !e.differs)).toBe(true);
    expect(c.flips.some((f) => f.differs)).toBe(true);
  });

  it('finds nothing to mark between a profile and itself', () => {
    const c = compareThresholds(situation(), profile, { ...profile, label: 'the same' });
    expect(c.outcomeDiffers || c.decidingRowDiffers).toBe(false);
    expect(c.thresholds).toEqual([]);
    expect([...c.evaluations, ...c.flips].filter((row) => row.differs)).toEqual([]);
  });
});
