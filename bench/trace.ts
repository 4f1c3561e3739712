import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from '@playwright/test';

/** What DevTools' Performance panel records, and the JavaScript sampled (every function that ran, by name). */
const traceCategories = [
  'devtools.timeline',
  'disabled-by-default-devtools.timeline',
  'disabled-by-default-devtools.timeline.frame',
  'v8.execute',
  'blink.user_timing',
  'disabled-by-default-v8.cpu_profiler',
];

/**
 * Runs `measure`; with BENCH_TRACE=folder, inside a Chrome trace written to folder/`name`.json (DevTools'
 * Performance panel opens it). A traced run builds the app unminified (see ui.ts), and its figures
 * include the tracing's own cost: they are for finding what runs, not for the table.
 */
export async function traced<T>(page: Page, name: string, measure: () => Promise<T>): Promise<T> {
  const folder = process.env.BENCH_TRACE;
  const browser = page.context().browser();
  if (!folder || !browser) return measure();
  mkdirSync(folder, { recursive: true });
  await browser.startTracing(page, { path: join(folder, `${name}.json`), categories: traceCategories });
  try {
    return await measure();
  } finally {
    await browser.stopTracing();
  }
}
