import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { evaluateRule } from '../machines/evaluate';
import { allRules, flyabilityRules } from '../machines/rules';
import { defaultThresholdValues, thresholdDefinitionByKey, thresholdKeyFor } from '../machines/thresholds';

const tempRule = flyabilityRules.find((r) => r.id === 'thermal.peak-cabin-temp');
const deltaVRule = flyabilityRules.find((r) => r.id === 'propulsion.deorbit-delta-v');
if (!tempRule || !deltaVRule) throw new Error('rules missing');

describe('evaluateRule', () => {
  it('judges the conservative (high) end of a range against a max limit and reports the margin', () => {
    const e = evaluateRule(
      tempRule,
      { 'peakCabinTempC.crew3': { nominal: 40, high: 43, source: 'SD-0215' } },
      defaultThresholdValues,
      'emergency',
      3,
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
    });
  });

  it('judges the low end against a min limit', () => {
    const e = evaluateRule(
      deltaVRule,
      { deorbitDeltaVAvailableMps: { nominal: 140, low: 120, source: 'assumed' } },
      defaultThresholdValues,
      'nominal',
    );
    expect(e).toMatchObject({ value: 120, threshold: 128, status: 'fail', margin: -8 });
  });

  it('passes exactly at the threshold', () => {
    const e = evaluateRule(
      tempRule,
      { 'peakCabinTempC.crew2': { nominal: 27, source: 'assumed' } },
      defaultThresholdValues,
      'nominal',
      2,
    );
    expect(e).toMatchObject({ status: 'pass', margin: 0 });
  });

  it('treats a missing value as unknown, never as a pass', () => {
    const e = evaluateRule(tempRule, {}, defaultThresholdValues, 'nominal', 3);
    expect(e).toMatchObject({ status: 'unknown', value: null, margin: null });
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
        fc.double({ min: 0, max: 100, noNaN: true }),
        fc.double({ min: 0, max: 500, noNaN: true }),
        (rule, tier, nominal, spread, loosenBy) => {
          const key = thresholdKeyFor(rule.threshold, tier);
          const values = {
            [rule.perCrewCount ? `${rule.quantity}.crew2` : rule.quantity]: {
              nominal,
              low: nominal - spread,
              high: nominal + spread,
              source: 'assumed',
            },
          };
          const before = evaluateRule(rule, values, defaultThresholdValues, tier, 2);
          const current = defaultThresholdValues[key] ?? 0;
          const looser = { ...defaultThresholdValues, [key]: rule.comparator === '<=' ? current + loosenBy : current - loosenBy };
          const after = evaluateRule(rule, values, looser, tier, 2);
          if (before.status === 'pass') expect(after.status).toBe('pass');
          expect(after.margin ?? 0).toBeGreaterThanOrEqual((before.margin ?? 0) - 1e-9);
        },
      ),
    );
  });
});
