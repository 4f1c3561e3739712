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

  it('never reaches past the next frame, nor below nothing', () => {
    fc.assert(
      fc.property(
        fc.double({ min: 0, max: 1e6, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        fc.double({ min: 0, max: 50, noNaN: true }),
        (frameTimeMs, changeAfterMs, nowAfterChangeMs) => {
          const changedAtMs = frameTimeMs + changeAfterMs;
          const nowMs = changedAtMs + nowAfterChangeMs;
          const ms = msUntilFrame({ frameTimeMs, intervalMs, changedAtMs, nowMs });
          expect(ms).toBeGreaterThanOrEqual(0);
          expect(ms).toBeLessThanOrEqual(Math.max(0, frameTimeMs + intervalMs - nowMs));
        },
      ),
    );
  });
});
