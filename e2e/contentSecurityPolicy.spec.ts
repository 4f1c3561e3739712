import { expect, type Page, test } from '@playwright/test';
import { openWalkthrough, stepUntil } from './support';

/** Every Content-Security-Policy violation the page reports, as "directive: blocked URI at source:line:column". */
async function watchViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const seen: string[] = [];
    (window as unknown as { cspViolations: string[] }).cspViolations = seen;
    document.addEventListener('securitypolicyviolation', (e) =>
      seen.push(`${e.effectiveDirective}: ${e.blockedURI} at ${e.sourceFile}:${e.lineNumber}:${e.columnNumber}`),
    );
  });
  return () => page.evaluate(() => (window as unknown as { cspViolations: string[] }).cspViolations);
}

test('the built app is served with a strict policy, in its header and in its page', async ({ page }) => {
  const response = await page.goto('/');
  const policy = response?.headers()['content-security-policy'] ?? '';
  for (const directive of [
    "default-src 'self'",
    "script-src 'self'",
    "connect-src 'self'",
    "object-src 'none'",
    "base-uri 'none'",
    "frame-ancestors 'none'",
  ])
    expect(policy).toContain(directive);
  expect(policy).not.toMatch(/unsafe-inline|unsafe-eval|\*/);
  const meta = await page.locator('meta[http-equiv="Content-Security-Policy"]').getAttribute('content');
  expect(meta).toContain("script-src 'self'");
});

test('the page and its scripts are served as their declared type only, and send no referrer', async ({ page, request }) => {
  const response = await page.goto('/');
  const script = (await page.locator('script[src]').first().getAttribute('src')) ?? '';
  for (const headers of [response?.headers() ?? {}, (await request.get(script)).headers()]) {
    expect(headers['x-content-type-options']).toBe('nosniff');
    expect(headers['referrer-policy']).toBe('no-referrer');
  }
});

test('an inline script injected into the page does not run, nor does an inline handler or eval', async ({ page }) => {
  const violations = await watchViolations(page);
  // A script of the app's own origin (so the policy lets it run) that tries eval: as a compromised bundle would.
  await page.route('/eval-probe.js', (route) =>
    route.fulfill({
      contentType: 'text/javascript',
      body: 'try { eval("window.evalRan = true"); } catch (error) { window.evalRan = error.name; }',
    }),
  );
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  const outcome = await page.evaluate(async () => {
    const state = window as unknown as Record<string, unknown>;
    const inline = document.createElement('script');
    inline.textContent = 'window.injectedScriptRan = true';
    document.head.append(inline);
    const button = document.createElement('button');
    button.setAttribute('onclick', 'window.inlineHandlerRan = true');
    document.body.append(button);
    button.click();
    button.remove();
    const probe = document.createElement('script');
    const loaded = new Promise((resolve) => probe.addEventListener('load', resolve));
    probe.src = '/eval-probe.js';
    document.head.append(probe);
    await loaded;
    return { script: state.injectedScriptRan ?? false, handler: state.inlineHandlerRan ?? false, evalRan: state.evalRan };
  });
  expect(outcome).toEqual({ script: false, handler: false, evalRan: 'EvalError' });
  const seen = await violations();
  expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-elem: inline /)]));
  expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src-attr: inline /)]));
  expect(seen).toEqual(expect.arrayContaining([expect.stringMatching(/^script-src: eval .*eval-probe\.js/)]));
});

test('an inline script written into the served page itself does not run, and the app still starts', async ({ page }) => {
  await page.route('/', async (route) => {
    const response = await route.fetch();
    const html = (await response.text()).replace('<head>', '<head><script>window.servedInlineRan = true</script>');
    await route.fulfill({ response, body: html });
  });
  await page.goto('/');
  await expect(page.getByRole('button', { name: 'Scenario library' })).toBeVisible();
  expect(await page.evaluate(() => (window as unknown as Record<string, unknown>).servedInlineRan ?? false)).toBe(false);
});

test('the app itself needs nothing the policy forbids: the walkthrough, the diagram, the audit trail', async ({ page }) => {
  const violations = await watchViolations(page);
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await expect(page.locator('.statechart svg.chart-svg path.chart-arrow').first()).toBeAttached();
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: /Audit trail/ })).toBeVisible();
  expect(await violations()).toEqual([]);
});

test('no source maps are published', async ({ page, request }) => {
  await page.goto('/');
  const scripts = await page.locator('script[src]').evaluateAll((s) => s.map((e) => (e as HTMLScriptElement).src));
  expect(scripts.length).toBeGreaterThan(0);
  for (const src of scripts) {
    expect(await (await request.get(src)).text()).not.toContain('sourceMappingURL');
    expect((await request.get(`${src}.map`)).headers()['content-type'] ?? '').not.toContain('json');
  }
});
