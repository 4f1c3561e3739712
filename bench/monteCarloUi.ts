import type { Page } from '@playwright/test';

export interface MonteCarloUiRun {
  /** Run pressed → the odds table on screen (the odds' 100,000 samples done). */
  oddsMs: number;
  /** Run pressed → the whole result (odds and tornado) on screen. */
  completeMs: number;
  /** Gaps between progress updates once the workers' first piece is in (ms). */
  progressGapsMs: number[];
  /** Run pressed → the first progress after the workers started. */
  firstProgressMs: number;
  /** The longest task of the page's main thread during the run (0 when none reached 50 ms). */
  longestTaskMs: number;
  workers: number;
}

/** Runs the app's Monte Carlo of the MS-22 decision step as a person would, timed from inside the page. */
export async function monteCarloRunInPage(page: Page, url: string, samples: number, seed: number): Promise<MonteCarloUiRun> {
  await page.goto(url);
  await page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' }).click();
  // The walkthrough's code loads when first opened: its keys step the timeline once it is on screen.
  await page.getByTestId('state-now').waitFor();
  for (let i = 0; i < 17; i++) await page.keyboard.press('ArrowRight');
  const region = page.getByRole('region', { name: 'How often the answer holds across the reported ranges' });
  await region.getByLabel('Samples').fill(String(samples));
  await region.getByLabel('Seed').fill(String(seed));
  await page.waitForTimeout(1000);
  await page.evaluate(() => new Promise((resolve) => requestIdleCallback(resolve, { timeout: 2000 })));
  const run = page.evaluate(
    () =>
      new Promise<Omit<MonteCarloUiRun, 'workers'> & { workers: number }>((resolve) => {
        const tasks: number[] = [];
        const progressAt: number[] = [];
        let oddsAt = Number.NaN;
        const start = performance.now();
        new PerformanceObserver((list) => {
          for (const entry of list.getEntries()) if (entry.startTime >= start) tasks.push(entry.duration);
        }).observe({ type: 'longtask' });
        const observer = new MutationObserver(() => {
          const bar = document.querySelector<HTMLProgressElement>('[data-testid="odds-progress"]');
          if (bar && String(bar.value) !== bar.dataset.seen) {
            bar.dataset.seen = String(bar.value);
            progressAt.push(performance.now());
          }
          if (Number.isNaN(oddsAt) && document.querySelector('[data-testid="odds-table"]')) oddsAt = performance.now();
          if (document.querySelector('[data-testid="odds-result"]')) {
            const done = performance.now();
            observer.disconnect();
            const [first, ...rest] = progressAt.slice(1);
            const gaps = rest.map((t, i) => t - ((i === 0 ? first : rest[i - 1]) as number));
            // What the page does as the result lands belongs to the run too.
            setTimeout(
              () =>
                resolve({
                  oddsMs: oddsAt - start,
                  completeMs: done - start,
                  progressGapsMs: gaps,
                  firstProgressMs: (first ?? Number.NaN) - start,
                  longestTaskMs: Math.max(0, ...tasks),
                  workers: navigator.hardwareConcurrency,
                }),
              300,
            );
          }
        });
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        document.querySelector<HTMLButtonElement>('.odds-form button')?.click();
      }),
  );
  return run;
}
