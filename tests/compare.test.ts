import { beforeAll, describe, expect, it } from 'vitest';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import { compareSides, scenarioAtStep, underThresholds } from '../src/session/compare';
import { defaultProfile, type ThresholdProfile } from '../src/session/profile';
import { moveTo, openWalkthrough } from '../src/session/walkthrough';
import { viewWalkthrough } from '../src/session/walkthroughView';
import { loadBuiltInScenario, situation } from './support';

const surgeon = { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': 38 };
const opened = '2026-12-06T00:00:00Z';

describe('side by side: one situation under two profiles', () => {
  it('marks what differs', () => {
    const c = compareSides(
      underThresholds(situation(), 'default', defaultThresholdValues),
      underThresholds(situation(), "the surgeon's 38 °C", surgeon),
    );
    expect([c.a.recommendation.outcome, c.b.recommendation.outcome]).toEqual(['launch-replacement', 'undecided']);
    expect(c.outcomeDiffers).toBe(true);
    expect(c.thresholds).toEqual([['maxDescentCabinTempC.emergency', 40, 38]]);
    expect(c.values).toEqual([]);
    // The 2-crew temperature at the emergency tier: 39 °C passes 40 and fails 38.
    const twoCrew = c.evaluations.find((e) => e.key.startsWith('thermal.peak-cabin-temp|emergency|2|'));
    expect(twoCrew).toMatchObject({ differs: true, a: { status: 'pass', threshold: 40 }, b: { status: 'fail', threshold: 38 } });
    expect(c.evaluations.some((e) => !e.differs)).toBe(true);
    expect(c.flips.some((f) => f.differs)).toBe(true);
  });

  it('finds nothing to mark between a profile and itself', () => {
    const c = compareSides(
      underThresholds(situation(), 'default', defaultThresholdValues),
      underThresholds(situation(), 'the same', defaultThresholdValues),
    );
    expect(c.outcomeDiffers || c.decidingRowDiffers).toBe(false);
    expect([
      ...c.thresholds,
      ...c.values,
      ...c.evaluations.filter((e) => e.differs),
      ...c.flips.filter((f) => f.differs),
    ]).toEqual([]);
  });
});

describe('side by side: two scenarios at one step', () => {
  let profile: ThresholdProfile;
  beforeAll(async () => {
    profile = await defaultProfile();
  });
  const ms22 = loadBuiltInScenario('soyuz-ms-22.json');
  const atStep = (file: string, step: number) => {
    const side = scenarioAtStep(loadBuiltInScenario(file), step, profile, defaultThresholdValues, opened);
    if (!side) throw new Error(`${file} has no recommendation at step ${step}`);
    return side;
  };

  it('judges each scenario as its own walkthrough does at that step, under the same thresholds', () => {
    for (const file of ['soyuz-ms-22.json', 'marginal-thermal-refined.json', 'small-leak-nominal.json']) {
      const side = atStep(file, 17);
      const own = viewWalkthrough(moveTo(openWalkthrough(loadBuiltInScenario(file), profile, opened), 17, opened));
      const c = compareSides(side, side);
      expect(c.a.recommendation.outcome, file).toBe(own.recommendation?.outcome);
      expect(c.values, file).toEqual([]);
    }
  });

  it('marks the facts and the answers that differ between two scenarios', () => {
    const c = compareSides(atStep('soyuz-ms-22.json', 17), atStep('marginal-thermal-refined.json', 17));
    expect(c.thresholds).toEqual([]);
    expect([c.a.recommendation.outcome, c.b.recommendation.outcome]).toEqual(['launch-replacement', 'return-on-damaged-vehicle']);
    expect([c.outcomeDiffers, c.decidingRowDiffers]).toEqual([true, true]);
    expect(c.values.find((v) => v.key === 'peakCabinTempC.crew3')).toMatchObject({ a: { nominal: 40 }, b: { nominal: 26.2 } });
    // Reported by one side only.
    expect(c.values.find((v) => v.key === 'replacementLeadTimeDays')).toMatchObject({ a: { nominal: 45 }, b: null });
    const thermal = c.evaluations.find((e) => e.key.startsWith('thermal.peak-cabin-temp|nominal|3|'));
    expect(thermal).toMatchObject({ differs: true, a: { status: 'fail' }, b: { status: 'pass' } });
  });

  it('takes a shorter scenario at its last step and names the step it took', () => {
    const last = ms22.events.length;
    const side = scenarioAtStep(ms22, last + 40, profile, defaultThresholdValues, opened);
    expect(side?.step).toBe(last);
    expect(side?.label).toBe(`${ms22.title}, step ${last}`);
  });

  it('has nothing to compare before a scenario has a recommendation', () => {
    expect(scenarioAtStep(ms22, 0, profile, defaultThresholdValues, opened)).toBeNull();
  });
});
