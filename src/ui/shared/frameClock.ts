/**
 * Where the display's frames fall, read from the page's own clock: `document.timeline.currentTime` is
 * the latest frame time on the display's grid, whether or not the page drew then, so the next frame
 * begins one interval after it, unless the page changed just after a grid time: that frame is then
 * started late, at once (Chromium's missed frame), so a change within `lateStartMs` of one has no time to count on.
 */
const lateStartMs = 3;
/** The display's frame interval: the shortest seen between two frames in a row. */
let frameIntervalMs = Number.POSITIVE_INFINITY;
let intervalsSeen = 0;
/** Until this many are seen, the interval is not known and no time is counted on. */
const intervalsToKnow = 3;

/**
 * Two frames asked for in a row while the page is idle, by their frame times (requestAnimationFrame's
 * argument), `intervalsToKnow` times: a page at work between them would skip frames.
 */
function measureFrameInterval(): void {
  if (intervalsSeen >= intervalsToKnow || typeof requestIdleCallback !== 'function') return;
  requestIdleCallback(() =>
    requestAnimationFrame((firstMs) =>
      requestAnimationFrame((secondMs) => {
        if (secondMs - firstMs > 4) frameIntervalMs = Math.min(frameIntervalMs, secondMs - firstMs);
        intervalsSeen++;
        measureFrameInterval();
      }),
    ),
  );
}
measureFrameInterval();

/**
 * ms from now until the frame showing a change made at `changedAtMs` (performance.now) begins; 0 when
 * it may begin at once (a frame time passed since, or just before, the change) or the clock is unknown.
 */
export function msUntilFrameShowing(changedAtMs: number): number {
  const frameTimeMs = typeof document === 'undefined' ? null : document.timeline?.currentTime;
  if (typeof frameTimeMs !== 'number' || intervalsSeen < intervalsToKnow) return 0;
  return msUntilFrame({ frameTimeMs, intervalMs: frameIntervalMs, changedAtMs, nowMs: performance.now() });
}

/** The reckoning of `msUntilFrameShowing`, from the clock's readings (all in ms on one clock). */
export function msUntilFrame(clock: { frameTimeMs: number; intervalMs: number; changedAtMs: number; nowMs: number }): number {
  const { frameTimeMs, intervalMs, changedAtMs, nowMs } = clock;
  return frameTimeMs >= changedAtMs - lateStartMs ? 0 : Math.max(0, frameTimeMs + intervalMs - nowMs);
}
