import type { Page } from '@playwright/test';

/**
 * Starts recording the page's long tasks (PerformanceObserver 'longtask': 50 ms or more) from now on,
 * not those of opening the page; the function returned reads their durations in ms.
 */
export async function watchLongTasks(page: Page): Promise<() => Promise<number[]>> {
  await page.evaluate(() => {
    const tasks: number[] = [];
    const from = performance.now();
    (window as unknown as { longTasks: number[] }).longTasks = tasks;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.startTime >= from) tasks.push(entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  return () => page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks);
}
