import type { Page } from '@playwright/test';

/** What `installFrameProbe` gives the page: the bench's own marks, the same for every row. */
interface FrameProbe {
  /**
   * The time (performance.now) the next frame is presented: rAF, then a task of the highest priority
   * posted from it, which runs as soon as the frame is done, ahead of work the page queued before it
   * at normal priority (what a page defers until after the frame is not the frame).
   */
  benchNextFrame(): Promise<number>;
  /**
   * Waits as a person between two actions would: until the page is idle, then a frame, then a moment
   * into it spread evenly over the frame by `i` (a key press does not wait for the display).
   */
  benchRestBefore(i: number): Promise<void>;
}
declare global {
  interface Window extends FrameProbe {}
}

/**
 * Gives every document the page opens from now on the bench's frame marks (call it before `goto`).
 * Assigned, not declared: the page cannot see the name-keeping wrapper the bundler puts on named functions.
 */
export async function installFrameProbe(page: Page): Promise<void> {
  await page.addInitScript(() => {
    window.benchNextFrame = () =>
      new Promise<number>((resolve) =>
        requestAnimationFrame(() => {
          void scheduler.postTask(() => resolve(performance.now()), { priority: 'user-blocking' });
        }),
      );
    window.benchRestBefore = async (i) => {
      await new Promise((r) => requestIdleCallback(r, { timeout: 1000 }));
      await new Promise((r) => requestAnimationFrame(() => setTimeout(r, ((i * 0.618034) % 1) * 16.7)));
    };
  });
}

/**
 * The floor: a mark, then the next frame presented, with no work between (the probe's rAF and its first task after),
 * started at the same spread of moments as the edits; `count` times, in ms.
 */
export async function frameFloor(page: Page, count: number): Promise<number[]> {
  return page.evaluate(async (count) => {
    const times: number[] = [];
    for (let i = 0; i < count; i++) {
      const start = performance.now();
      times.push((await window.benchNextFrame()) - start);
      await window.benchRestBefore(i);
    }
    return times;
  }, count);
}
