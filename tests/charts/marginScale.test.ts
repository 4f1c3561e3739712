import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampToDomain, marginDomain } from '../../src/ui/charts/marginScale';

describe('the margin axis', () => {
  it('on the axis a bar keeps its sign, stays inside the domain, and is marked beyond exactly when it was cut', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { maxLength: 20 }), (shares) => {
        const domain = marginDomain(shares);
        expect(domain[0]).toBeLessThan(0);
        // The thin line (one caution band) is always on the axis.
        expect(domain[1]).toBeGreaterThan(1);
        for (const share of shares) {
          const { shown, beyond } = clampToDomain(share, domain);
          expect(shown >= domain[0] && shown <= domain[1]).toBe(true);
          expect(Math.sign(shown) === Math.sign(share) || shown === 0 || share === 0).toBe(true);
          expect(beyond).toBe(share < domain[0] || share > domain[1]);
        }
      }),
    );
  });
});
