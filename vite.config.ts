import { createHash } from 'node:crypto';
import { availableParallelism } from 'node:os';
import react from '@vitejs/plugin-react';
import type { Plugin } from 'vite';
import { configDefaults, defineConfig } from 'vitest/config';
import { appPolicy, securityHeaders } from './src/server/securityHeaders.ts';

/** Tests that must load the app's modules themselves, first, in a worker of their own. */
const isolatedTests = 'tests/zodWithoutEval.test.ts';
/** Tests of the team server: each runs on PGlite and on PostgreSQL, which their project's setup provides. */
const serverTests = 'tests/server/**/*.test.ts';

/**
 * The development server's allowances, and no more: React's Fast Refresh preamble is an inline module
 * script, allowed by its hash alone (it is the same text on every load), and Vite injects each imported
 * CSS file as a <style> element, which needs inline styles. Its HMR WebSocket is same-origin, which
 * `connect-src 'self'` covers.
 */
const refreshPreambleHash = createHash('sha256').update(react.preambleCode.replace('__BASE__', '/')).digest('base64');
const devPolicy = appPolicy.map((directive) =>
  directive.startsWith('script-src')
    ? `${directive} 'sha256-${refreshPreambleHash}'`
    : directive.startsWith('style-src')
      ? `${directive} 'unsafe-inline'`
      : directive,
);

/** The built index.html carries the policy too, for a server that sends no header. */
const policyMeta: Plugin = {
  name: 'content-security-policy-meta',
  apply: 'build',
  transformIndexHtml: () => [
    { tag: 'meta', attrs: { 'http-equiv': 'Content-Security-Policy', content: appPolicy.join('; ') }, injectTo: 'head-prepend' },
  ],
};

export default defineConfig({
  plugins: [react(), policyMeta],
  build: {
    outDir: 'dist',
    sourcemap: false,
    rolldownOptions: {
      output: {
        // What index.html loads statically is always loaded together: one chunk compresses as one gzip
        // stream (measured: 202.7 → 198.9 kB gzip, kB of 1024 bytes as the bench counts, against the eight files it was) and is one request.
        // What a user action loads (editor, walkthrough, audit, team panels) stays in chunks of its own.
        codeSplitting: { groups: [{ name: 'index', tags: ['$initial'] }] },
      },
    },
    // That one chunk is ~720 kB before gzip; its budget is gzip's (bench/initialJs.ts), not Vite's 500 kB warning.
    chunkSizeWarningLimit: 800,
  },
  // JSON modules (the scenario library) as JSON.parse of one string and a default export alone: no
  // export per top-level field, which the app never imports (measured: −1.8 kB gzip of the initial JavaScript).
  json: { namedExports: false, stringify: true },
  server: { headers: securityHeaders(devPolicy) },
  preview: { headers: securityHeaders(appPolicy) },
  test: {
    // Component tests choose happy-dom with a file comment; the rest run in Node.
    environment: 'node',
    testTimeout: 30_000,
    // Threads start faster than forks, and one worker per core: Vitest's default (cores − 1) is a
    // single worker on a 2-core machine. Measured on 2 cores: about a fifth off the run's wall time.
    pool: 'threads',
    maxWorkers: availableParallelism(),
    projects: [
      {
        extends: true,
        // Files share their worker's module cache: each file no longer imports the model afresh
        // (measured on 2 cores: 73 s → 51 s). Every test builds its own state; none relies on a fresh module.
        test: {
          name: 'unit',
          include: ['tests/**/*.test.ts', 'tests/**/*.test.tsx'],
          exclude: [...configDefaults.exclude, isolatedTests, serverTests],
          isolate: false,
        },
      },
      // Loaded before any module of the app, which a shared module cache cannot promise.
      { extends: true, test: { name: 'isolated', include: [isolatedTests] } },
      // The team server on the embedded database and on a real PostgreSQL 15 that the setup starts.
      {
        extends: true,
        test: {
          name: 'server',
          include: [serverTests],
          globalSetup: ['tests/server/globalSetup.ts'],
          // Loading PGlite's migrated dump takes seconds on a loaded 2-core machine.
          hookTimeout: 120_000,
          testTimeout: 60_000,
        },
      },
    ],
  },
});
