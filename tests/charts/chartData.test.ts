import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { recommend, recommendationEvaluations } from '../../machines/policy/policy';
import { defaultThresholdValues } from '../../machines/policy/thresholds';
import { evaluationKey } from '../../machines/rules/evaluate';
import { estimatedSource } from '../../machines/thermal/estimate';
import { descentCabinSeries } from '../../src/session/charts/descentCabin';
import { flipLines } from '../../src/session/charts/flipLines';
import { marginBars } from '../../src/session/charts/marginBars';
import { vehicleLifeTimeline } from '../../src/session/charts/vehicleLife';
import { defaultProfile } from '../../src/session/profile';
import { moveTo, openWalkthrough } from '../../src/session/walkthrough';
import { viewWalkthrough } from '../../src/session/walkthroughView';
import { loadBuiltInScenario, ms22LikeValues, situation } from '../support';

const ms22At = async (step: number) =>
  viewWalkthrough(
    moveTo(
      openWalkthrough(loadBuiltInScenario('soyuz-ms-22.json'), await defaultProfile(), '2026-01-01T00:00:00Z'),
      step,
      '2026-01-01T00:01:00Z',
    ),
  );

describe('descent cabin by crew count', () => {
  it('reads each crew count as the thermal rules do: the reported range, the limits, no value where nothing is reported', async () => {
    const view = await ms22At(17);
    const [temperature, humidity] = descentCabinSeries(view.situation);
    expect(temperature?.limits).toEqual({ nominal: 27, emergency: 40 });
    expect(humidity?.limits).toEqual({ nominal: 75, emergency: 100 });
    // One crew has no report: the cabin model's estimate stands in, its range from the model.
    expect(
      temperature?.byCrewCount.map(
        (c) => c.prediction && [c.prediction.low, c.prediction.nominal, c.prediction.high].map(Math.round),
      ),
    ).toEqual([
      [26, 34, 41],
      [37, 37, 39],
      [40, 40, 43],
    ]);
    expect(humidity?.byCrewCount[0]?.prediction).toBeNull();
    expect(temperature?.byCrewCount[2]?.prediction?.status).toEqual({ nominal: 'fail', emergency: 'fail' });
    expect(temperature?.byCrewCount[1]?.prediction?.status).toEqual({ nominal: 'fail', emergency: 'pass' });
    expect(temperature?.byCrewCount.map((c) => c.prediction?.estimated)).toEqual([true, false, false]);
  });

  it('marks a value whose source is "estimated" as an estimate, and only that one', () => {
    const values = { ...ms22LikeValues, 'peakCabinTempC.crew1': { nominal: 33, low: 30, high: 36, source: estimatedSource } };
    const [temperature] = descentCabinSeries(situation({ values }));
    expect(temperature?.byCrewCount.map((c) => c.prediction?.estimated)).toEqual([true, false, false]);
    expect(temperature?.byCrewCount[0]?.prediction).toMatchObject({ low: 30, nominal: 33, high: 36, judged: 36 });
  });

  it('the range always holds the nominal value and the judged end', () => {
    const end = fc.double({ min: 0, max: 100, noNaN: true });
    fc.assert(
      fc.property(end, end, end, (low, nominal, high) => {
        const values = { ...ms22LikeValues, 'peakCabinHumidityPct.crew2': { nominal, low, high, source: 'assumed' } };
        const p = descentCabinSeries(situation({ values }))[1]?.byCrewCount[1]?.prediction;
        if (!p) throw new Error('no prediction');
        for (const inside of [p.nominal, p.judged]) expect(inside >= p.low && inside <= p.high).toBe(true);
      }),
    );
  });
});

describe('vehicle life timeline', () => {
  it('places the anomaly, the decision, now and the replacement arrival on the vehicle age, against both life limits', async () => {
    const view = await ms22At(18);
    const t = vehicleLifeTimeline(view);
    // The conservative end of the Soyuz MS's certified life (200–215 days).
    expect(t.certifiedLifeDays).toBe(200);
    expect(t.limits).toEqual([
      { tier: 'nominal', sharePct: 100, ageDays: 200 },
      { tier: 'emergency', sharePct: 110, ageDays: expect.closeTo(220, 6) },
    ]);
    expect(t.marks.map((m) => m.kind)).toEqual(['anomaly', 'decision', 'now']);
    // Launched 21 Sep 2022 13:54, leak 15 Dec 00:45: ~84.5 days.
    expect(t.marks[0]?.ageDays).toBeCloseTo(84.45, 2);
    // The replacement is counted from the decision (11 Jan 2023 12:00, day ~111.9) plus its 45-day lead time.
    expect(t.replacementArrival?.fromAgeDays).toBeCloseTo(111.92, 2);
    expect(t.replacementArrival?.worstAgeDays).toBeCloseTo(111.92 + 45, 2);
    expect(t.replacementArrival?.status).toEqual({ nominal: 'pass', emergency: 'pass' });
  });

  it('before any anomaly shows the vehicle age alone', async () => {
    const t = vehicleLifeTimeline(await ms22At(0));
    expect(t.marks.map((m) => m.kind)).toEqual(['now']);
    expect(t.replacementArrival).toBeNull();
  });
});

describe('margin bars', () => {
  it("one bar per rule the recommendation rests on, its margin in its rule's caution bands, thin ones marked", () => {
    const s = situation();
    const bars = marginBars(recommend(s));
    expect(bars.length).toBeGreaterThan(0);
    const temperature = bars.find((b) => b.evaluation.ruleId === 'thermal.peak-cabin-temp' && b.evaluation.crewCount === 2);
    // 39 °C against the 40 °C emergency limit: 1 °C, half the rule's 2 °C caution band.
    expect(temperature?.caution).toBe(2);
    expect(temperature?.marginInBands).toBeCloseTo(0.5, 6);
    expect(temperature?.thin).toBe(true);
  });
});

describe('flip lines', () => {
  it('one line per value with a flip, the nearest first, each flip on its side of the value now', async () => {
    const view = await ms22At(17);
    const recommendation = view.recommendation;
    if (!recommendation) throw new Error('no recommendation');
    const lines = flipLines(
      view.flipPoints,
      view.inputFlipPoints,
      view.nearestFlip,
      view.situation.thresholds,
      recommendationEvaluations(recommendation),
    );
    expect(lines[0]?.nearest).not.toBeNull();
    expect(lines.filter((l) => l.nearest !== null)).toHaveLength(1);
    expect(lines[0]?.key).toBe('maxDescentCabinTempC.emergency');
    expect(lines[0]?.limits.map((m) => [m.tier, m.value])).toEqual([
      ['nominal', 27],
      ['emergency', 40],
    ]);
    for (const l of lines) {
      if (l.lower) expect(l.lower.flipAt).toBeLessThan(l.current);
      if (l.raise) expect(l.raise.flipAt).toBeGreaterThan(l.current);
    }
    expect(new Set(lines.map((l) => `${l.kind}:${l.key}`)).size).toBe(lines.length);
    expect(lines.length).toBe(
      new Set([...view.flipPoints.map((f) => `t${f.thresholdKey}`), ...view.inputFlipPoints.map((f) => `i${f.quantityKey}`)])
        .size,
    );
  });

  it('an assessed value carries the limits of the rules that compare it directly', () => {
    const s = situation({ thresholds: defaultThresholdValues });
    const r = recommend(s);
    const lines = flipLines(
      [],
      [
        {
          quantityKey: 'peakCabinTempC.crew2',
          end: 'high',
          current: 39,
          direction: 'raise',
          flipAt: 40,
          inclusive: false,
          newOutcome: 'undecided',
        },
      ],
      null,
      s.thresholds,
      recommendationEvaluations(r),
    );
    expect(lines[0]?.limits.map((m) => m.thresholdKey)).toContain('maxDescentCabinTempC.emergency');
  });
});

describe('margin bars at an undecided step', () => {
  it('show each rule once where one failure ruled out several preferred rows (MS-22, just after the anomaly)', async () => {
    const view = await ms22At(1);
    if (!view.recommendation) throw new Error('no recommendation');
    const keys = marginBars(view.recommendation).map((b) => evaluationKey(b.evaluation));
    expect(keys.length).toBeGreaterThan(3);
    expect(new Set(keys).size).toBe(keys.length);
  });
});
