/** A chart is drawn again only when what it shows changed: by value, whatever the objects' identity. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { sameData } from '../../src/ui/shared/sameData';

describe('sameData', () => {
  it('holds for props of equal values in new objects, and for one object shared by both', () => {
    const setup = { vehicle: { id: 'ms-22', modules: ['descent', 'orbital'] } };
    expect(sameData({ bars: [{ margin: 1 }], setup, unit: 'C' }, { bars: [{ margin: 1 }], setup, unit: 'C' })).toBe(true);
  });

  it('fails when any prop holds another value, or a prop is missing', () => {
    fc.assert(
      fc.property(fc.jsonValue(), fc.jsonValue(), (u, v) => {
        const differ = JSON.stringify(u) !== JSON.stringify(v);
        expect(sameData({ data: u, unit: 'C' }, { data: v, unit: 'C' })).toBe(!differ);
      }),
      { numRuns: 500 },
    );
    expect(sameData({ data: 1, unit: 'C' } as object, { data: 1 } as object)).toBe(false);
  });
});
