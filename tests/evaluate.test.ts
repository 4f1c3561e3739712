import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { defaultThresholdValues, thresholdDefinitionByKey, thresholdKeyFor } from '../machines/policy/thresholds';
import { assessedReading, evaluateRule } from '../machines/rules/evaluate';
import { allRules, crewRules, descentModeRules } from '../machines/rules/flightRules';

const tempRule = crewRules.find((r) => r.id === 'thermal.peak-cabin-temp');
const marginRule = descentModeRules.find((r) => r.id === 'propulsion.deorbit-margin');
if (!tempRule || !marginRule) throw new Error('rules missing');
const read = (key: string, value: { nominal: number; low?: number; high?: number; source: string }) =>
  assessedReading({ [key]: value }, key);

describe('evaluateRule', () => {
  it('judges the conservative (high) end of a range against a max limit and reports the margin', () => {
    const e = evaluateRule(
      tempRule,
      read('peakCabinTempC.crew3', { nominal: 40, high: 43, source: 'SD-0215' }),
      defaultThresholdValues,
      'emergency',
      { crewCount: 3 },
    );
    expect(e).toMatchObject({
      value: 43,
      nominalValue: 40,
      threshold: 40,
      thresholdKey: 'maxDescentCabinTempC.emergency',
      status: 'fail',
      margin: -3,
      valueSource: 'SD-0215',
      crewCount: 3,
      inputs: [{ key: 'peakCabinTempC.crew3', scale: 1 }],
    });
  });

  it('judges the low end of a quantity that is worse lower (delta-v available)', () => {
    expect(read('deorbitDeltaVAvailableMps', { nominal: 140, low: 120, source: 'assumed' })).toMatchObject({ value: 120 });
  });

  it('passes exactly at the threshold', () => {
    const e = evaluateRule(
      tempRule,
      read('peakCabinTempC.crew2', { nominal: 27, source: 'assumed' }),
      defaultThresholdValues,
      'nominal',
      {},
    );
    expect(e).toMatchObject({ status: 'pass', margin: 0 });
  });

  it('treats a missing value, or one worked out from a fact no source gives, as unknown, never as a pass', () => {
    expect(
      evaluateRule(tempRule, assessedReading({}, 'peakCabinTempC.crew3'), defaultThresholdValues, 'nominal', {}),
    ).toMatchObject({ status: 'unknown', value: null, margin: null });
    const nan = { quantityKey: 'deorbitDeltaVMarginPct', value: Number.NaN, nominalValue: null, valueSource: null, inputs: [] };
    expect(evaluateRule(marginRule, nan, defaultThresholdValues, 'nominal', {})).toMatchObject({
      status: 'unknown',
      margin: null,
    });
  });

  it('compares with an explicit limit where the threshold only bounds it (seats)', () => {
    const e = evaluateRule(
      tempRule,
      read('peakCabinTempC.crew2', { nominal: 30, source: 'assumed' }),
      defaultThresholdValues,
      'nominal',
      {},
      31,
    );
    expect(e).toMatchObject({ threshold: 31, thresholdKey: 'maxDescentCabinTempC.nominal', status: 'pass', margin: 1 });
  });

  it('every rule reads a defined threshold in both tiers', () => {
    for (const rule of allRules) {
      for (const tier of ['nominal', 'emergency'] as const) {
        expect(thresholdDefinitionByKey.has(thresholdKeyFor(rule.threshold, tier)), `${rule.id} ${tier}`).toBe(true);
      }
    }
  });

  it('property: loosening a limit never turns a passing rule into a failing one', () => {
    fc.assert(
      fc.property(
        fc.constantFrom(...allRules),
        fc.constantFrom('nominal' as const, 'emergency' as const),
        fc.double({ min: -1000, max: 1000, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (rule, tier, value, loosenBy) => {
          const key = thresholdKeyFor(rule.threshold, tier);
          const reading = { quantityKey: rule.quantity, value, nominalValue: value, valueSource: 'assumed', inputs: [] };
          const before = evaluateRule(rule, reading, defaultThresholdValues, tier, {});
          const current = defaultThresholdValues[key] ?? 0;
          const looser = { ...defaultThresholdValues, [key]: rule.comparator === '<=' ? current + loosenBy : current - loosenBy };
          const after = evaluateRule(rule, reading, looser, tier, {});
          if (before.status === 'pass') expect(after.status).toBe('pass');
          expect(after.margin ?? 0).toBeGreaterThanOrEqual((before.margin ?? 0) - 1e-9);
        },
      ),
    );
  });
});
