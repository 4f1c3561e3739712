import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportedQuantities } from '../machines/rules/quantities';
import { descentFactLabels, vehicleFactLabels } from '../machines/vehicles/vehicleClass';
import {
  flipBound,
  numberText,
  percentText,
  roundTo,
  signedWithUnit,
  standardErrorText,
  tickText,
  withUnit,
} from '../src/reports/format';
import { decimalsOf, isDeclaredUnit } from '../src/reports/resolution';
import { ruleReading, ruleReadings } from '../src/reports/ruleReading';
import { ruleCells } from '../src/reports/ruleWords';
import type { TemperatureUnit } from '../src/reports/shownUnit';
import { allRules, evaluateRule, type ThresholdValues, thresholdDefinitions, unitOf } from '../src/session/model';
import { displayMargin, displayValue, toDisplayNumber } from '../src/ui/shared/units';

/** Every evaluation here is given its limit: no profile is read. */
const noThresholds = {} as ThresholdValues;

describe('one reading resolution per unit', () => {
  it('every unit a quantity, a threshold, a rule or a vehicle fact is shown in declares one', () => {
    const units = new Set([
      ...reportedQuantities.map((q) => q.unit),
      ...thresholdDefinitions.map((d) => d.unit),
      ...allRules.map(unitOf),
      ...Object.values(vehicleFactLabels).map((f) => f.unit),
      ...Object.values(descentFactLabels).map((f) => f.unit),
      '°F',
    ]);
    expect([...units].filter((unit) => !isDeclaredUnit(unit))).toEqual([]);
  });

  it('rounds half away from zero as the number was written, without trailing zeros or a negative zero', () => {
    expect(roundTo(1.005, 2)).toBe(1.01);
    expect(roundTo(-1.005, 2)).toBe(-1.01);
    expect(numberText(111.79583, 1)).toBe('111.8');
    expect(numberText(40, 1)).toBe('40');
    expect(numberText(-0.04, 1)).toBe('0');
    expect(numberText(1e-7, 4)).toBe('0');
    expect(roundTo(10.499999999955, 0)).toBe(11);
    expect(roundTo(-2.4999999999951, 0)).toBe(-3);
  });

  it('property: rounds every number as read at 12 significant digits first (the shortcut away from a half changes nothing)', () => {
    const asWritten = (x: number, decimals: number) => {
      const rounded = (Math.sign(x) * Math.round(Number((Math.abs(x) * 10 ** decimals).toPrecision(12)))) / 10 ** decimals;
      return rounded === 0 ? 0 : rounded;
    };
    // Up to 1e-10 of the scaled value from a half, on either side: where the 12-digit reading decides, and just beyond.
    const halves = fc
      .tuple(fc.integer({ min: -1e9, max: 1e9 }), fc.integer({ min: 0, max: 6 }), fc.integer({ min: -1000, max: 1000 }))
      .map(([k, decimals, off]) => ({ x: ((k + 0.5) * (1 + off * 1e-13)) / 10 ** decimals, decimals }));
    const anyNumber = fc.record({ x: fc.double({ noNaN: false }), decimals: fc.integer({ min: 0, max: 8 }) });
    fc.assert(
      fc.property(fc.oneof(halves, anyNumber), ({ x, decimals }) => {
        expect(roundTo(x, decimals)).toBe(asWritten(x, decimals));
      }),
      { numRuns: 20_000 },
    );
  });

  it('shows each unit at its resolution whatever the magnitude (no 9.99 beside 10.0)', () => {
    expect(withUnit(9.994, '%')).toBe('10 %');
    expect(withUnit(3.13, '%')).toBe('3.1 %');
    expect(withUnit(0.054, 'kPa/h')).toBe('0.05 kPa/h');
    expect(withUnit(2.4583, 'days')).toBe('2.5 days');
    expect(withUnit(1.6, 'count')).toBe('2');
  });

  it('converts to °F first, then rounds at the °F resolution; a difference converts without the offset', () => {
    expect(displayValue(39.95, '°C', '°F')).toBe('103.9 °F');
    expect(displayMargin(1.44, '°C', '°F')).toBe('+2.6 °F');
    expect(toDisplayNumber(40.04, '°C', '°F')).toBe(104.1);
    expect(toDisplayNumber(40.04, '°C', '°C')).toBe(40.04);
  });

  it('never shows a nonzero margin as +0: finer, or below the finest resolution in words', () => {
    expect(signedWithUnit(0.004, '°C')).toBe('+0.004 °C');
    expect(signedWithUnit(-0.04, '°C')).toBe('−0.04 °C');
    expect(signedWithUnit(1e-9, '°C')).toBe('+< 0.0001 °C');
    expect(signedWithUnit(0, 'count')).toBe('+0');
  });

  it('odds at the % resolution with a fixed digit, their standard error one finer, a swing in points', () => {
    expect(percentText(0.6200001)).toBe('62.0 %');
    expect(percentText(0.0004)).toBe('< 0.1 %');
    expect(percentText(0.9996)).toBe('> 99.9 %');
    expect(standardErrorText(0.00145)).toBe('± 0.15 %');
  });

  it('ticks at the unit resolution, finer only where the ticks step finer', () => {
    expect(tickText(40, '°C', 1)).toBe('40 °C');
    expect(tickText(0.25, 'bands', 0.25, false)).toBe('0.25');
    expect(tickText(20, '%', 20)).toBe('20 %');
  });
});

describe('a value, its limit and its margin read together', () => {
  const rule = allRules.find((r) => r.id === 'thermal.peak-cabin-temp');
  if (!rule) throw new Error('no peak cabin temperature rule');
  const evaluate = (value: number, limit: number) =>
    evaluateRule(
      rule,
      { quantityKey: 'peakCabinTempC.crew3', value, nominalValue: value, valueSource: 'x', inputs: [] },
      noThresholds,
      'emergency',
      { crewCount: 3 },
      limit,
    );

  it('a value just under its limit is shown finer than the limit would round it to (not 40 °C, 40 °C, +0.05 °C)', () => {
    expect(ruleReading(evaluate(39.95, 40))).toEqual({
      value: '39.95 °C',
      nominal: null,
      limit: '40 °C',
      margin: '+0.05 °C',
      by: '0.05 °C',
    });
    expect(ruleReading(evaluate(40.04, 40))).toMatchObject({ value: '40.04 °C', margin: '−0.04 °C' });
  });

  it('the margin is the difference of the shown value and limit (96.75 % against 100 %: 96.8 %, +3.2 %)', () => {
    const lifeRule = allRules.find((r) => r.id === 'vehicle-life.at-return');
    if (!lifeRule) throw new Error('no life rule');
    const e = evaluateRule(
      lifeRule,
      { quantityKey: 'lifeUsedAtReturnPct', value: 96.75, nominalValue: 96.75, valueSource: 'derived', inputs: [] },
      noThresholds,
      'nominal',
      {},
      100,
    );
    expect(ruleReading(e)).toMatchObject({ value: '96.8 %', limit: '100 %', margin: '+3.2 %' });
  });

  it('the reports, the CLI and the print read it alike', () => {
    const c = ruleCells({
      rule: 'vehicle-life.through-wait',
      statement: '',
      subject: '2 crew',
      tier: 'nominal',
      value: 114.82,
      nominalValue: null,
      comparator: '<=',
      threshold: 110,
      thresholdKey: 'maxLifeboatLifeUsedPct',
      unit: '%',
      margin: 110 - 114.82,
      status: 'fail',
      valueSource: 'derived',
    });
    expect([c.value, c.limit, c.margin]).toEqual(['114.8 %', '≤ 110 %', '−4.8 %']);
  });

  it('one value against two limits (side by side) reads at one resolution', () => {
    const [a, b] = ruleReadings([evaluate(39.96, 40), evaluate(39.96, 39.9)]);
    expect([a?.value, a?.limit, b?.limit]).toEqual(['39.96 °C', '40 °C', '39.9 °C']);
  });

  const anyEvaluation = fc
    .record({
      rule: fc.constantFrom(...allRules),
      value: fc.double({ min: -50, max: 200, noNaN: true }),
      limit: fc.double({ min: -50, max: 200, noNaN: true }),
      shown: fc.constantFrom<TemperatureUnit>('°C', '°F'),
    })
    .map(({ rule, value, limit, shown }) => ({
      e: evaluateRule(
        rule,
        { quantityKey: rule.quantity, value, nominalValue: value, valueSource: 'x', inputs: [] },
        noThresholds,
        'nominal',
        {},
        limit,
      ),
      shown,
    }));
  const parse = (text: string) => Number(text.replace('−', '-').replace(/^\+/, '').split(' ')[0]);
  const decimalsIn = (text: string) => text.replace(/ .*/, '').split('.')[1]?.length ?? 0;

  it('for any rule evaluation, the shown margin has the verdict’s sign, and the shown value against the shown limit gives the verdict', () => {
    fc.assert(
      fc.property(anyEvaluation, ({ e, shown }) => {
        if (e.unit === 'status') return; // shown as words: "suspect (1)"
        const r = ruleReading(e, shown);
        const margin = e.margin as number;
        expect(r.margin.startsWith(e.status === 'pass' ? '+' : '−')).toBe(true);
        if (margin !== 0) expect(r.margin).not.toMatch(/^[+−]0( |$)/);
        if (r.margin.includes('<')) return; // rounding noise, said in words
        const [value, limit] = [parse(r.value as string), parse(r.limit)];
        const passesAsShown = e.comparator === '<=' ? value <= limit : value >= limit;
        expect(passesAsShown).toBe(e.status === 'pass');
        const differenceShown = e.comparator === '<=' ? limit - value : value - limit;
        expect(parse(r.margin)).toBeCloseTo(differenceShown, 9);
      }),
      { numRuns: 2000 },
    );
  });

  it('for any rule evaluation, value, limit and margin are rounded at one resolution, never coarser than the unit’s', () => {
    fc.assert(
      fc.property(anyEvaluation, ({ e, shown }) => {
        if (e.unit === 'status') return;
        const r = ruleReading(e, shown);
        const unit = e.unit === '°C' ? shown : e.unit;
        const decimals = Math.max(decimalsOf(unit), ...[r.value as string, r.limit, r.margin.slice(1)].map(decimalsIn));
        expect(decimals).toBeLessThanOrEqual(decimalsOf(unit) + 3);
        const at = (x: number) => numberText(x, decimals);
        const inShown = (x: number) => (unit === '°F' ? (x * 9) / 5 + 32 : x);
        expect((r.value as string).split(' ')[0]).toBe(at(inShown(e.value as number)));
        expect(r.limit.split(' ')[0]).toBe(at(inShown(e.threshold)));
      }),
      { numRuns: 2000 },
    );
  });
});

describe('a flip point is read toward the side that flips', () => {
  it('rounds a raise up and a lower down, so the bound read stays true', () => {
    expect(flipBound(41.44, '°C', 'raise')).toBe(41.5);
    expect(flipBound(38.06, '°C', 'lower')).toBe(38);
    // A bound that is the round number it stands for stays it.
    expect(flipBound(39.000000000001, '°C', 'raise')).toBe(39);
    expect(flipBound(0.1 + 0.2, 'kPa/h', 'lower')).toBe(0.3);
  });

  it('never reads a bound on the side that does not flip, at any value and unit', () => {
    fc.assert(
      fc.property(
        fc.double({ min: -500, max: 500, noNaN: true }),
        fc.constantFrom('°C', 'kPa/h', '%', 'count', 'days'),
        (x, unit) => {
          expect(flipBound(x, unit, 'raise')).toBeGreaterThanOrEqual(x - 1e-9);
          expect(flipBound(x, unit, 'lower')).toBeLessThanOrEqual(x + 1e-9);
        },
      ),
    );
  });
});
