import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { clampToDomain, marginDomain } from '../../src/ui/charts/marginScale';

describe('the margin axis', () => {
  it('on the axis a bar keeps its sign, stays inside the domain, and is marked beyond exactly when it was cut', () => {
    fc.assert(
      fc.property(
        fc.array(fc.double({ min: -1e4, max: 1e4, noNaN: true }), { maxLength: 20 }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (shares, thin) => {
          const domain = marginDomain(shares, thin);
          expect(domain[0]).toBeLessThan(0);
          expect(domain[1]).toBeGreaterThanOrEqual(thin);
          for (const share of shares) {
            const { shownPct, beyond } = clampToDomain(share, domain);
            expect(shownPct >= domain[0] && shownPct <= domain[1]).toBe(true);
            expect(Math.sign(shownPct) === Math.sign(share) || shownPct === 0 || share === 0).toBe(true);
            expect(beyond).toBe(share < domain[0] || share > domain[1]);
          }
        },
      ),
    );
  });
});
