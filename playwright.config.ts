import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { chromium, defineConfig } from '@playwright/test';

const debianChromium = '/usr/bin/chromium';
// Several checkouts on one machine each test their own build on their own port.
const port = Number(process.env.E2E_PORT ?? 4173);
// The development build, where React reports key collisions and other mistakes on the console.
const devPort = port + 1010;
const chromiumPath = process.env.CHROMIUM_PATH ?? (existsSync(debianChromium) ? debianChromium : chromium.executablePath());
/**
 * Headless Chromium still makes each new window's omnibox popup, a WebUI page in a renderer of its own:
 * with a window per test, 1–1.5 s of CPU per test that no test looks at (measured on 2 cores: a fresh
 * context's load of the app took 2.5–3.3 s of CPU with it, 1.0–1.2 s without). e2e/chromium.sh turns it off.
 */
const unusedBrowserFeatures = ['WebUIOmniboxPopup', 'WebUIOmniboxAimPopup'];

export default defineConfig({
  testDir: 'e2e',
  fullyParallel: true,
  // Two at a time: one test's page works while the other's waits on the browser or the key derivation
  // (measured before: 13 min with two, 15 with one). Nothing waits for time, so a slower test is not a failure.
  workers: Number(process.env.E2E_WORKERS ?? 2),
  // Ceilings against a hang, not measures of speed (those are in `npm run bench`): axe over 3,000
  // elements or a 600,000-round key derivation takes seconds on a 2-core machine shared with others.
  timeout: 120_000,
  expect: { timeout: 15_000 },
  forbidOnly: !!process.env.CI,
  retries: 0,
  reporter: process.env.CI ? [['list']] : [['list'], ['html', { open: 'never' }]],
  use: {
    baseURL: `http://127.0.0.1:${port}`,
    // Recording a trace snapshots the page at every action, even when the trace is then thrown away: it made
    // a run 50 % slower (44 s → 67 s for 11 tests). E2E_TRACE=1 records one for each failing test.
    trace: process.env.E2E_TRACE ? 'retain-on-failure' : 'off',
    screenshot: 'only-on-failure',
    launchOptions: {
      executablePath: fileURLToPath(new URL('e2e/chromium.sh', import.meta.url)),
      env: { ...process.env, CHROMIUM: chromiumPath, CHROMIUM_DISABLE_FEATURES: unusedBrowserFeatures.join(',') },
      args: ['--host-resolver-rules=MAP * ~NOTFOUND, EXCLUDE 127.0.0.1, EXCLUDE localhost'],
    },
  },
  projects: [
    { name: 'build', testIgnore: /\.dev\.spec\.ts$/ },
    { name: 'dev', testMatch: /\.dev\.spec\.ts$/, use: { baseURL: `http://127.0.0.1:${devPort}` } },
  ],
  webServer: [
    {
      command: `npm run build && npx vite preview --host 127.0.0.1 --port ${port} --strictPort`,
      url: `http://127.0.0.1:${port}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
    {
      command: `npx vite --host 127.0.0.1 --port ${devPort} --strictPort`,
      url: `http://127.0.0.1:${devPort}`,
      reuseExistingServer: !process.env.CI,
      timeout: 120_000,
    },
  ],
});
