/** What the detail is expected to cost: what it usually took lately, not its one slow render. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { RecentCost } from '../../src/ui/shared/useAfterPaint';

describe('RecentCost', () => {
  it('expects nothing to fit before anything was measured', () => {
    expect(new RecentCost().expected()).toBe(Number.POSITIVE_INFINITY);
  });

  it('is the median of the last five: one slow render among them does not set it, older ones are forgotten', () => {
    const cost = new RecentCost();
    for (const ms of [40, 3, 4, 5, 6]) cost.note(ms);
    expect(cost.expected()).toBe(5);
    cost.note(2);
    expect(cost.expected()).toBe(4);
  });

  it('always lies between the least and the most of the last five noted', () => {
    fc.assert(
      fc.property(fc.array(fc.double({ min: 0, max: 100, noNaN: true }), { minLength: 1, maxLength: 20 }), (noted) => {
        const cost = new RecentCost();
        for (const ms of noted) cost.note(ms);
        const last = noted.slice(-5);
        expect(cost.expected()).toBeGreaterThanOrEqual(Math.min(...last));
        expect(cost.expected()).toBeLessThanOrEqual(Math.max(...last));
      }),
    );
  });
});
