import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { peakCabinTempC } from '../machines/thermal/descentCabin';
import { descentCabinModels, descentThermalInputKeys } from '../machines/thermal/descentCabinInputs';
import { descentThermalEstimate } from '../machines/thermal/estimate';
import type { AssessedValue } from '../machines/types';

const soyuz = descentCabinModels['soyuz-ms'];
if (!soyuz) throw new Error('the Soyuz MS cabin model is missing');

/** A reported range around a positive nominal: low ≤ nominal ≤ high. */
const range = (min: number, max: number) =>
  fc
    .tuple(
      fc.double({ min, max, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
      fc.double({ min: 0, max: 0.5, noNaN: true }),
    )
    .map(
      ([nominal, below, above]): AssessedValue => ({
        nominal,
        low: nominal * (1 - below),
        high: nominal * (1 + above),
        source: 'test',
      }),
    );

const anyInputs = fc.record({
  crewMetabolicHeatW: range(50, 300),
  descentEquipmentHeatW: range(0, 2000),
  descentDurationMin: range(30, 2000),
  cabinTempAtHatchCloseC: range(10, 35),
  descentCabinHeatCapacityKjPerK: range(100, 5000),
});

describe('the descent-cabin estimate', () => {
  it('reproduces its calibration point: three crew at the nominal inputs reach the reported ~40 °C, the hot end of the capacity "low 40s"', () => {
    const { calibration } = soyuz;
    expect(descentThermalEstimate(soyuz, {}, calibration.crewAboard).nominalC).toBeCloseTo(40, 9);
    const nominal = Object.fromEntries(descentThermalInputKeys.map((k) => [k, soyuz.inputs[k].nominal]));
    expect(
      peakCabinTempC({
        crewAboard: 3,
        metabolicHeatPerCrewW: nominal.crewMetabolicHeatW ?? Number.NaN,
        equipmentHeatW: nominal.descentEquipmentHeatW ?? Number.NaN,
        descentDurationMin: nominal.descentDurationMin ?? Number.NaN,
        cabinTempAtHatchCloseC: nominal.cabinTempAtHatchCloseC ?? Number.NaN,
        cabinHeatCapacityKjPerK: soyuz.inputs.descentCabinHeatCapacityKjPerK.low ?? Number.NaN,
      }),
    ).toBeCloseTo(43, 9);
  });

  it('is warmer with every crew member added, at each end (property)', () => {
    fc.assert(
      fc.property(anyInputs, (inputs) => {
        const ends = [1, 2, 3, 4, 5, 6, 7].map((n) => descentThermalEstimate(soyuz, inputs, n));
        for (const [fewer, more] of ends.slice(1).map((e, i) => [ends[i], e] as const)) {
          if (!fewer) throw new Error('no estimate');
          expect(more.nominalC).toBeGreaterThan(fewer.nominalC);
          expect(more.highC).toBeGreaterThanOrEqual(fewer.highC - 1e-9);
          expect(more.lowC).toBeGreaterThanOrEqual(fewer.lowC - 1e-9);
        }
      }),
    );
  });

  it('is never cooler on a longer descent, at each end (property)', () => {
    fc.assert(
      fc.property(
        anyInputs,
        fc.double({ min: 0.1, max: 600, noNaN: true }),
        fc.integer({ min: 1, max: 7 }),
        (inputs, longerByMin, crew) => {
          const d = inputs.descentDurationMin;
          const longer = {
            ...d,
            nominal: d.nominal + longerByMin,
            low: (d.low ?? d.nominal) + longerByMin,
            high: (d.high ?? d.nominal) + longerByMin,
          };
          const short = descentThermalEstimate(soyuz, inputs, crew);
          const long = descentThermalEstimate(soyuz, { ...inputs, descentDurationMin: longer }, crew);
          expect(long.nominalC).toBeGreaterThan(short.nominalC);
          expect(long.highC).toBeGreaterThanOrEqual(short.highC - 1e-9);
          expect(long.lowC).toBeGreaterThanOrEqual(short.lowC - 1e-9);
        },
      ),
    );
  });

  it('brackets its nominal value, and a range on no input leaves no range', () => {
    fc.assert(
      fc.property(anyInputs, fc.integer({ min: 1, max: 7 }), (inputs, crew) => {
        const e = descentThermalEstimate(soyuz, inputs, crew);
        expect(e.lowC).toBeLessThanOrEqual(e.nominalC);
        expect(e.nominalC).toBeLessThanOrEqual(e.highC);
      }),
    );
    const exact = Object.fromEntries(
      descentThermalInputKeys.map((k) => [k, { nominal: soyuz.inputs[k].nominal, source: 'test' }]),
    ) as Record<string, AssessedValue>;
    const e = descentThermalEstimate(soyuz, exact, 3);
    expect([e.lowC, e.highC]).toEqual([e.nominalC, e.nominalC]);
  });

  it('uses a reported input in place of its default, and says which are defaults', () => {
    const hotter = descentThermalEstimate(soyuz, { descentEquipmentHeatW: { nominal: 600, source: 'explored' } }, 2);
    const used = hotter.inputs.find((i) => i.key === 'descentEquipmentHeatW');
    expect(used).toMatchObject({ isDefault: false, value: { nominal: 600 } });
    expect(hotter.inputs.filter((i) => i.isDefault).map((i) => i.key)).not.toContain('descentEquipmentHeatW');
    expect(hotter.nominalC).toBeGreaterThan(descentThermalEstimate(soyuz, {}, 2).nominalC);
  });

  it('finds the free air saturated within the hour with no moisture removal: why humidity is not estimated', () => {
    const minutes = [1, 2, 3].map((n) => descentThermalEstimate(soyuz, {}, n).airSaturatedAfterMin);
    for (const m of minutes) expect(m).toBeGreaterThan(0);
    expect(minutes[2]).toBeLessThan(minutes[0] ?? 0);
    expect(Math.max(...minutes)).toBeLessThan(60);
  });

  it('has a calibrated model only for a class with a reported peak', () => {
    expect(Object.keys(descentCabinModels)).toEqual(['soyuz-ms']);
    for (const key of descentThermalInputKeys) {
      const input = soyuz.inputs[key];
      expect(input.basis.length, key).toBeGreaterThan(0);
      expect(input.source, key).not.toBe('');
    }
  });
});
