import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { Browser } from '@playwright/test';

/** JavaScript files of the build and their gzip -9 size in bytes, summed. */
export interface JsWeight {
  files: string[];
  gzipBytes: number;
}

export interface InitialJsFigures {
  /** Every script and module preload index.html names. */
  inIndexHtml: JsWeight;
  /** Every script Chromium fetched until the first screen (the scenario library) was up and the network idle. */
  firstScreenLoads: JsWeight;
  /** Every JavaScript file of the build, workers included: the baseline. */
  wholeBuild: JsWeight;
}

const weigh = (distDir: string, files: string[]): JsWeight => ({
  files,
  gzipBytes: files.reduce((sum, file) => sum + gzipSync(readFileSync(join(distDir, file)), { level: 9 }).length, 0),
});

export async function measureInitialJs(browser: Browser, url: string, distDir: string): Promise<InitialJsFigures> {
  const html = readFileSync(join(distDir, 'index.html'), 'utf8');
  const named = [...html.matchAll(/(?:src|href)="\/([^"]+\.js)"/g)].map((m) => m[1] as string);
  const all = readdirSync(join(distDir, 'assets'))
    .filter((f) => f.endsWith('.js'))
    .map((f) => `assets/${f}`);
  const page = await browser.newPage();
  const fetched = new Set<string>();
  page.on('request', (request) => {
    const path = new URL(request.url()).pathname.slice(1);
    if (path.endsWith('.js')) fetched.add(path);
  });
  await page.goto(url);
  await page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' }).waitFor();
  await page.waitForLoadState('networkidle');
  await page.close();
  return {
    inIndexHtml: weigh(distDir, named),
    firstScreenLoads: weigh(distDir, [...fetched].sort()),
    wholeBuild: weigh(distDir, all),
  };
}
