/** A chart is drawn again only when what it shows changed: by value, whatever the objects' identity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/ui/shared/sameData';

/** JSON with every object's keys in order: equal data, whatever order its keys were written in. */
const canonical = (value: unknown): string =>
  JSON.stringify(value, (_key, v) =>
    v && typeof v === 'object' && !Array.isArray(v)
      ? Object.fromEntries(Object.entries(v).sort(([a], [b]) => (a < b ? -1 : 1)))
      : v,
  );

describe('sameData', () => {
  it('holds for props of equal values in new objects, and for one object shared by both', () => {
    const setup = { vehicle: { id: 'ms-22', modules: ['descent', 'orbital'] } };
    expect(sameData({ bars: [{ margin: 1 }], setup, unit: 'C' }, { bars: [{ margin: 1 }], setup, unit: 'C' })).toBe(true);
  });

  it('fails when any prop holds another value, or a prop is missing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (u, v) => {
        const differ = canonical(u) !== canonical(v);
        expect(sameData({ data: u, unit: 'C' }, { data: v, unit: 'C' })).toBe(!differ);
      }),
      { numRuns: 500 },
    );
    expect(sameData({ data: 1, unit: 'C' } as object, { data: 1 } as object)).toBe(false);
    expect(sameData({ data: { a: 1, b: [2] } }, { data: { b: [2], a: 1 } })).toBe(true);
    expect(sameData({ data: { a: 1 } }, { data: { b: 1 } } as object)).toBe(false);
    expect(sameData({ data: [1, 2] }, { data: { 0: 1, 1: 2 } } as object)).toBe(false);
    expect(sameData({ data: new Array(3) }, { data: [1, 2, 3] })).toBe(false);
    expect(sameData({ data: [1, 2, 3] }, { data: new Array(3) })).toBe(false);
  });
});
