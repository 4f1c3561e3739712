/** The frame clock says how long the answer's frame waits for the display, and never counts on time that is not there. */
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { msUntilFrame } from '../../src/ui/shared/frameClock';

const intervalMs = 1000 / 60;

describe('msUntilFrame', () => {
  it('is the rest of the interval after the last frame time, when the change came well after it', () => {
    expect(msUntilFrame({ frameTimeMs: 100, intervalMs, changedAtMs: 105, nowMs: 106 })).toBeCloseTo(intervalMs - 6);
  });

  it('is nothing when a frame time passed since the change, or just before it (a frame started late, at once)', () => {
    expect(msUntilFrame({ frameTimeMs: 104, intervalMs, changedAtMs: 103, nowMs: 106 })).toBe(0);
    expect(msUntilFrame({ frameTimeMs: 101, intervalMs, changedAtMs: 103, nowMs: 106 })).toBe(0);
  });

  it('counts the time left before the next frame only for a change well after the last frame time, and never below nothing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: -20, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (frameTimeMs, changeAfterMs, nowAfterChangeMs) => {
          const changedAtMs = frameTimeMs + changeAfterMs;
          const nowMs = Math.max(changedAtMs, frameTimeMs) + nowAfterChangeMs;
          const ms = msUntilFrame({ frameTimeMs, intervalMs, changedAtMs, nowMs });
          const left = Math.max(0, frameTimeMs + intervalMs - nowMs);
          // A frame time at or after the change (or up to 3 ms before it): that frame shows it, at once.
          if (changeAfterMs <= 0) expect(ms).toBe(0);
          else if (changeAfterMs >= 3) expect(ms).toBe(left);
          else expect([0, left]).toContain(ms);
        },
      ),
    );
  });
});
