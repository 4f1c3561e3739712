/** A real team server for a test (`npm start`'s process) on a data folder of its own, and consoles on it. */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { type Browser, type BrowserContext, expect, type Page } from '@playwright/test';
import { pgliteDump } from '../tests/server/pgliteDump';
import { type ServerProcess, spawnServer } from '../tests/server/serverProcess';

/** A server spawned on a new data folder, migrated from the dump as the server tests are: a fresh one takes 10–30 s to initialize. */
export async function serverOnFreshData(): Promise<{ dataDir: string; server: ServerProcess }> {
  const dataDir = mkdtempSync(join(tmpdir(), 'crew-return-e2e-team-'));
  execFileSync('tar', ['-xf', await pgliteDump(), '-C', dataDir], { stdio: 'pipe' });
  return { dataDir, server: await spawnServer({ DATA_DIR: dataDir }) };
}

/** The consoles seated by this test: closed with its server, so none goes on reconnecting through the next test. */
const seated: BrowserContext[] = [];

/** Closes the test's consoles, stops the server if it still runs, and removes its data folder. */
export async function disposeServer(server: ServerProcess, dataDir: string): Promise<void> {
  await Promise.all(seated.splice(0).map((context) => context.close()));
  if (server.child.exitCode === null && server.child.signalCode === null) {
    server.child.kill('SIGTERM');
    await server.exited;
  }
  rmSync(dataDir, { recursive: true, force: true });
}

/** A console in a browser of its own (its own storage and keys), on the page the server serves. */
export async function seat(browser: Browser, url: string): Promise<Page> {
  const context = await browser.newContext();
  seated.push(context);
  const page = await context.newPage();
  await page.goto(url);
  await expect(page.getByTestId('mode')).toHaveText('Team server (embedded database)');
  // The library's team parts load after it (their code, then the server's lists) in the room kept for
  // them: the scenarios below do not move as they come, so a click lands where the button is.
  const walkThrough = page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak', exact: true });
  const before = await walkThrough.boundingBox();
  await expect(page.getByRole('region', { name: 'Team sessions on this server' })).toBeVisible();
  const cases = page.getByRole('region', { name: 'Cases kept on this server' });
  await expect(cases).toBeVisible();
  await expect(cases).not.toContainText('Reading the server’s cases…');
  expect(await walkThrough.boundingBox()).toEqual(before);
  return page;
}
