import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommend } from '../machines/policy/policy';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import type { AssessedValues } from '../machines/rules/evaluate';
import { philox4x32, streamOf, uniformAt } from '../machines/uncertainty/counterRandom';
import {
  addToTally,
  countOutcomes,
  emptyTally,
  type MonteCarloResult,
  monteCarlo,
  monteCarloResult,
  planMonteCarlo,
  workPieces,
} from '../machines/uncertainty/monteCarlo';
import { parseSamples, parseSeed } from '../machines/uncertainty/runOptions';
import { drawInput, triangularAt, uncertainInputs } from '../machines/uncertainty/uncertainInputs';
import { foldSession, scriptedEvents, standingRecommendation } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { loadBuiltInScenario, situation } from './support';

/** MS-22's shape with the emergency temperature limit at 38 °C: 2 crew's 37–39 °C straddles it, so the odds split. */
const straddling = situation({ thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': 38 } });
const sumOf = (record: Partial<Record<string, number>>) => Object.values(record).reduce<number>((s, p) => s + (p ?? 0), 0);

describe('counter-based generator (Philox4x32-10)', () => {
  it('gives the Random123 known answers', () => {
    const hex = (words: number[]) => words.map((w) => w.toString(16).padStart(8, '0')).join(' ');
    expect(hex(philox4x32([0, 0, 0, 0], [0, 0]))).toBe('6627e8d5 e169c58d bc57ac4c 9b00dbd8');
    const ones = 0xffffffff;
    expect(hex(philox4x32([ones, ones, ones, ones], [ones, ones]))).toBe('408f276d 41c83b0e a20bc7c6 6d5451fd');
    expect(hex(philox4x32([0x243f6a88, 0x85a308d3, 0x13198a2e, 0x03707344], [0xa4093822, 0x299f31d0]))).toBe(
      'd16cfe09 94fdcceb 5001e420 24126ea1',
    );
  });

  it('draws uniform numbers in [0, 1), each stream and seed its own', () => {
    const stream = streamOf('peakCabinTempC.crew2');
    const draws = Array.from({ length: 20_000 }, (_, i) => uniformAt(7, i, stream));
    expect(Math.min(...draws)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...draws)).toBeLessThan(1);
    const mean = draws.reduce((s, u) => s + u, 0) / draws.length;
    expect(Math.abs(mean - 0.5)).toBeLessThan(4 * Math.sqrt(1 / 12 / draws.length));
    expect(uniformAt(7, 3, stream)).not.toBe(uniformAt(8, 3, stream));
    expect(uniformAt(7, 3, stream)).not.toBe(uniformAt(7, 3, streamOf('peakCabinTempC.crew3')));
  });
});

describe('triangular draws', () => {
  it('reach low at u = 0, nominal at the mode share, and rise with u', () => {
    expect(triangularAt(0, 37, 38, 41)).toBe(37);
    expect(triangularAt(0.25, 37, 38, 41)).toBeCloseTo(38, 12);
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1, maxExcluded: true, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        (u, v) => {
          const [a, b] = u < v ? [u, v] : [v, u];
          expect(triangularAt(a, 10, 12, 20)).toBeLessThanOrEqual(triangularAt(b, 10, 12, 20));
        },
      ),
    );
  });

  it('have the triangular mean (low + nominal + high) / 3', () => {
    const stream = streamOf('x');
    const n = 50_000;
    const mean = Array.from({ length: n }, (_, i) => triangularAt(uniformAt(1, i, stream), 0, 1, 5)).reduce((s, x) => s + x) / n;
    const sd = Math.sqrt((0 + 1 + 25 - 0 - 0 - 5) / 18);
    expect(Math.abs(mean - 2)).toBeLessThan((4 * sd) / Math.sqrt(n));
  });

  it('draw a count as a whole number within its range', () => {
    const [thrusters] = uncertainInputs({ 'thrustersLost.attitude': { nominal: 1, low: 0, high: 3, source: 'assumed' } });
    if (!thrusters) throw new Error('no uncertain input');
    const draws = Array.from({ length: 1000 }, (_, i) => drawInput(thrusters, uniformAt(1, i, thrusters.stream)));
    expect(draws.every((d) => Number.isInteger(d) && d >= 0 && d <= 3)).toBe(true);
    expect(new Set(draws).size).toBe(4);
  });
});

describe('Monte Carlo over the policy', () => {
  it('samples only values reported with a range, and names them with crew count and unit', () => {
    expect(uncertainInputs(straddling.values).map((i) => [i.key, i.label, i.unit, i.low, i.high])).toEqual([
      ['deorbitDeltaVAvailableMps', 'Deorbit delta-v available (main engine)', 'm/s', 150, 160],
      ['peakCabinTempC.crew1', 'Predicted peak descent cabin temperature (1 crew)', '°C', 35, 37],
      ['peakCabinTempC.crew2', 'Predicted peak descent cabin temperature (2 crew)', '°C', 37, 39],
      ['peakCabinTempC.crew3', 'Predicted peak descent cabin temperature (3 crew)', '°C', 40, 43],
    ]);
  });

  it('draws only the ranges some rule reads: a range nobody reads cannot move the answer, and has no tornado bar', () => {
    const withHole = {
      ...straddling,
      values: { ...straddling.values, holeDiameterMm: { nominal: 0.8, low: 0.5, high: 1, source: 'assumed' } },
    };
    expect(uncertainInputs(withHole.values).map((i) => i.key)).toContain('holeDiameterMm');
    const plan = planMonteCarlo(withHole, 100, 1);
    expect(plan.inputs.map((i) => i.key)).not.toContain('holeDiameterMm');
    expect(plan.inputs.map((i) => i.key)).toEqual(planMonteCarlo(straddling, 100, 1).inputs.map((i) => i.key));
    expect(monteCarlo(withHole, 2_000, 7)).toEqual(monteCarlo(straddling, 2_000, 7));
    // What the wait reads is read too, though no rule names it: whether a common-cause question is open.
    const withQuestion = {
      ...straddling,
      values: { ...straddling.values, openCommonCauseQuestions: { nominal: 0, high: 1, source: 'assumed' } },
    };
    expect(planMonteCarlo(withQuestion, 100, 1).inputs.map((i) => i.key)).toContain('openCommonCauseQuestions');
  });

  it('gives the conservative-end recommendation as the authority, and the odds of each outcome beside it', () => {
    const result = monteCarlo(straddling, 20_000, 11);
    expect(result.recommended).toBe(recommend(straddling).outcome);
    expect(result.recommended).toBe('undecided');
    // 2 crew at ≤ 38 °C keep the replacement plan: P = 1 − (39 − 38)² / ((39 − 37)(39 − 37)) = 0.75 under the triangle.
    const p = result.outcomes['launch-replacement'] ?? 0;
    expect(Math.abs(p - 0.75)).toBeLessThan(4 * (result.standardErrors['launch-replacement'] ?? 0));
    expect(result.standardErrors['launch-replacement']).toBeCloseTo(Math.sqrt((p * (1 - p)) / 20_000), 15);
    const [first] = result.tornado;
    expect(first).toMatchObject({
      key: 'peakCabinTempC.crew2',
      low: 37,
      high: 39,
      probabilityAtLow: 0,
      probabilityAtHigh: 1,
      swing: 1,
    });
    expect(result.tornado.slice(1).every((bar) => bar.swing === 0)).toBe(true);
  });

  it('a built-in case whose call rests on one report’s upper end: escalate at the conservative end, 81 % safe by the odds', async () => {
    const scenario = loadBuiltInScenario('marginal-thermal-refined.json');
    const profile = await defaultProfile();
    const firstAssessment = scenario.events.findIndex((e) => e.type === 'assessment.complete') + 1;
    const fold = foldSession({
      scenario,
      profile,
      events: scriptedEvents(scenario, '2026-11-26T00:00:00Z').slice(0, firstAssessment),
    });
    const last = fold.steps.at(-1);
    if (!last) throw new Error('no steps');
    const { situation: atDecision, recommendation } = standingRecommendation(last.after.context);
    expect(recommendation?.outcome).toBe('undecided');
    const result = monteCarlo(atDecision, 8_000, 5);
    // The cabin report is triangular on 25, 26.2 and 28 °C against the 27 °C nominal limit:
    // P(above) = (28 − 27)² / ((28 − 25)(28 − 26.2)) = 0.185; below, the crew returns on their vehicle.
    const pAbove = 1 / (3 * 1.8);
    expect(Math.abs((result.outcomes.undecided ?? 0) - pAbove)).toBeLessThan(4 * (result.standardErrors.undecided ?? 1));
    expect((result.outcomes['return-on-damaged-vehicle'] ?? 0) + (result.outcomes.undecided ?? 0)).toBeCloseTo(1, 12);
    expect(result.tornado[0]).toMatchObject({ key: 'peakCabinTempC.crew3', probabilityAtLow: 0, probabilityAtHigh: 1 });
  });

  it('gives probabilities that sum to 1, with a standard error each', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 400 }),
        fc.nat(),
        fc.double({ min: 36, max: 44, noNaN: true }),
        (samples, seed, limitC) => {
          const s = situation({ thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': limitC } });
          const result = monteCarlo(s, samples, seed);
          expect(sumOf(result.outcomes)).toBeCloseTo(1, 12);
          expect(Object.keys(result.standardErrors).sort()).toEqual(Object.keys(result.outcomes).sort());
          for (const bar of result.tornado)
            expect(bar.swing).toBeCloseTo(Math.abs(bar.probabilityAtHigh - bar.probabilityAtLow), 15);
          expect(result.tornado.map((b) => b.swing)).toEqual([...result.tornado.map((b) => b.swing)].sort((a, b) => b - a));
        },
      ),
      { numRuns: 40 },
    );
  });

  it('gives identical numbers for the same seed however the work is split and in whatever order pieces finish', () => {
    const whole = monteCarlo(straddling, 600, 42);
    fc.assert(
      fc.property(fc.integer({ min: 1, max: 700 }), fc.nat(), (samplesPerPiece, shuffleSeed) => {
        const plan = planMonteCarlo(straddling, 600, 42);
        const pieces = workPieces(plan, samplesPerPiece);
        const order = pieces.map((piece, i) => ({ piece, key: uniformAt(shuffleSeed, i, streamOf('order')) }));
        order.sort((a, b) => a.key - b.key);
        const tally = emptyTally(plan);
        for (const { piece } of order) addToTally(tally, piece.pass, countOutcomes(plan, piece));
        expect(monteCarloResult(plan, tally)).toEqual(whole);
      }),
      { numRuns: 25 },
    );
    expect(monteCarlo(straddling, 600, 43)).not.toEqual(whole);
  });

  it('refuses a tally that counted a sample twice or missed one', () => {
    const plan = planMonteCarlo(straddling, 10, 1);
    const tally = emptyTally(plan);
    for (const piece of workPieces(plan, 5).slice(1)) addToTally(tally, piece.pass, countOutcomes(plan, piece));
    expect(() => monteCarloResult(plan, tally)).toThrow(/pass 0 counted 5 of 10/);
  });

  it('gives probability 1 to the recommendation when no value has a range', () => {
    const exact = (values: AssessedValues): AssessedValues =>
      Object.fromEntries(Object.entries(values).map(([key, v]) => [key, { nominal: v.nominal, source: v.source }]));
    fc.assert(
      fc.property(fc.double({ min: 30, max: 45, noNaN: true }), fc.boolean(), fc.nat(), (limitC, stationUnsafe, seed) => {
        const s = situation({
          values: exact(straddling.values),
          stationUnsafe,
          thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': limitC },
        });
        const result: MonteCarloResult = monteCarlo(s, 50, seed);
        expect(result.outcomes).toEqual({ [recommend(s).outcome]: 1 });
        expect(result.standardErrors).toEqual({ [recommend(s).outcome]: 0 });
        expect(result.tornado).toEqual([]);
      }),
      { numRuns: 30 },
    );
  });

  it("never widens an input's tornado bar when that input's range is narrowed", () => {
    const keys = uncertainInputs(straddling.values).map((i) => i.key);
    fc.assert(
      fc.property(
        fc.constantFrom(...keys),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 0, max: 1, noNaN: true }),
        fc.double({ min: 37, max: 40, noNaN: true }),
        fc.nat(),
        (key, fromLow, fromHigh, limitC, seed) => {
          const s = situation({
            values: straddling.values,
            thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': limitC },
          });
          const value = s.values[key];
          if (!value) throw new Error(`no ${key}`);
          // Each end moves towards the nominal by its own share: the narrowed range lies within the reported one.
          const low = (value.low ?? value.nominal) + fromLow * (value.nominal - (value.low ?? value.nominal));
          const high = (value.high ?? value.nominal) - fromHigh * ((value.high ?? value.nominal) - value.nominal);
          const narrowed = { ...s, values: { ...s.values, [key]: { ...value, low, high } } };
          const barOf = (r: MonteCarloResult) => r.tornado.find((b) => b.key === key)?.swing ?? 0;
          expect(barOf(monteCarlo(narrowed, 120, seed))).toBeLessThanOrEqual(barOf(monteCarlo(s, 120, seed)));
        },
      ),
      { numRuns: 30 },
    );
  });
});

describe('run options', () => {
  it('take whole numbers within their limits and say what was expected otherwise', () => {
    expect(parseSamples(' 100000 ')).toEqual({ ok: true, value: 100_000 });
    expect(parseSeed('0')).toEqual({ ok: true, value: 0 });
    expect(parseSeed('4294967295')).toEqual({ ok: true, value: 4_294_967_295 });
    expect(parseSamples('0')).toEqual({ ok: false, expected: "a whole number of samples from 1 to 10,000,000, got '0'" });
    expect(parseSamples('1e5')).toMatchObject({ ok: false });
    expect(parseSamples('')).toEqual({ ok: false, expected: 'a whole number of samples from 1 to 10,000,000, got nothing' });
    expect(parseSeed('-1')).toEqual({ ok: false, expected: "a whole number from 0 to 4,294,967,295, got '-1'" });
    expect(parseSeed('4294967296')).toMatchObject({ ok: false });
  });
});

describe('a system status given with odds', () => {
  // The full crew passes every nominal rule; the parachutes are suspect, failed with probability 0.3.
  const suspect = situation({
    values: {
      ...situation().values,
      'peakCabinTempC.crew3': { nominal: 25, source: 'assumed' },
      'peakCabinHumidityPct.crew3': { nominal: 60, source: 'assumed' },
      'status.descent.parachutes': { nominal: 1, source: 'assumed', odds: [{ value: 3, probability: 0.3 }] },
    },
  });

  it('is judged at its stated status, and drawn as a discrete value from its odds', () => {
    expect(recommend(suspect).outcome).toBe('continue-with-contingency');
    const [status] = uncertainInputs(suspect.values).filter((i) => i.key === 'status.descent.parachutes');
    if (!status) throw new Error('no status input');
    expect(status).toMatchObject({ low: 1, high: 3, wholeNumber: true });
    const draws = Array.from({ length: 2000 }, (_, i) => drawInput(status, uniformAt(5, i, status.stream)));
    expect(new Set(draws)).toEqual(new Set([1, 3]));
  });

  it('gives the recommended outcome the probability of the stated status, within four standard errors', () => {
    const result = monteCarlo(suspect, 4000, 11);
    const p = result.outcomes['continue-with-contingency'] ?? 0;
    const se = Math.sqrt((0.7 * 0.3) / 4000);
    expect(Math.abs(p - 0.7)).toBeLessThan(4 * se);
    expect(result.tornado.find((bar) => bar.key === 'status.descent.parachutes')).toMatchObject({
      probabilityAtLow: 1,
      probabilityAtHigh: 0,
    });
  });
});
