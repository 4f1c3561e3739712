import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';
import { parseScenario } from '../src/files/scenarioFile';
import { foldSession, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';

export async function openWalkthrough(page: Page, title: string) {
  await page.goto('/');
  // A stored session reopens where it was left: go to the library first.
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await page.getByRole('button', { name: `Walk through ${title}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/**
 * Reaches the first step after which the statechart is in `stateName`: a built-in scenario's step is
 * worked out by folding its file as the app does, and reached with the timeline's "Jump to step" (one
 * render, not one per step); anything else is stepped with the keyboard. Either way the page must say so.
 */
export async function stepUntil(page: Page, stateName: string) {
  const now = page.getByTestId('state-now');
  const title = await page.getByRole('heading', { level: 2 }).first().textContent();
  const step = (await stepsOfBuiltIn()).get(title ?? '')?.indexOf(stateName) ?? -1;
  if (step >= 0 && (await now.textContent()) !== stateName) {
    await page
      .getByRole('listitem')
      .getByTitle(`Jump to step ${step + 1}`, { exact: true })
      .click();
  }
  for (let i = 0; i < 60 && (await now.textContent()) !== stateName; i++) await page.keyboard.press('ArrowRight');
  await expect(now).toHaveText(stateName);
}

let builtInSteps: Promise<Map<string, string[]>> | undefined;

/** Each built-in scenario's title → the state after each of its scripted steps, under the default profile. */
function stepsOfBuiltIn(): Promise<Map<string, string[]>> {
  builtInSteps ??= (async () => {
    const profile = await defaultProfile();
    const byTitle = new Map<string, string[]>();
    for (const file of readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json')) {
      const parsed = parseScenario(file, readFileSync(join('scenarios', file), 'utf8'));
      if (!parsed.ok) continue;
      const events = scriptedEvents(parsed.value, new Date().toISOString());
      const fold = foldSession({ scenario: parsed.value, profile, events });
      byTitle.set(
        parsed.value.title,
        fold.steps.map((s) => s.record.stateAfter),
      );
    }
    return byTitle;
  })();
  return builtInSteps;
}

/**
 * For a wait on work whose length is the machine's (a Monte Carlo run, a 20 MB packet verified): no
 * limit of its own, only the test's, so a slower machine waits longer instead of failing.
 */
export const untilTheTestEnds = { timeout: 0 };

export const outcome = (page: Page) => page.getByTestId('outcome');

/** The emergency cabin-temperature limit's field: the threshold most tests edit. */
export const emergencyLimitField = (page: Page) =>
  page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ });

/**
 * MS-22 at its decision step, its emergency cabin-temperature limit set to `value` by the session's first
 * recorded change (Ana Flight, flight director, identifies): where many tests start.
 */
export async function ms22DecisionWithEmergencyLimit(page: Page, value: string) {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const field = emergencyLimitField(page);
  await field.fill(value);
  await field.press('Enter');
  await identify(page);
}

/** Each test person's own passphrase: theirs alone unlocks (or, the first time, makes) their key. */
export const passphraseOf = (name: string) => `${name}, own passphrase`;

export async function identify(
  page: Page,
  name = 'Ana Flight',
  role = 'flight director',
  dialogName = 'Who is recording this change?',
) {
  const dialog = page.getByRole('dialog', { name: dialogName });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Role').fill(role);
  await dialog.getByLabel('Passphrase').fill(passphraseOf(name));
  await dialog.getByRole('button', { name: 'Record as me' }).click();
  await expect(dialog).toBeHidden();
}

/** A decision by someone already identified: their passphrase alone signs it (21 CFR 11.200). */
export async function sign(page: Page, name = 'Ana Flight', role = 'flight director') {
  const dialog = page.getByRole('dialog', { name: `Sign as ${name} (${role})` });
  await dialog.getByLabel('Passphrase').fill(passphraseOf(name));
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog).toBeHidden();
}

/** An export by someone identified: their passphrase seals it. */
export async function sealAs(page: Page, name = 'Ana Flight', role = 'flight director') {
  const dialog = page.getByRole('dialog', { name: `Seal the export as ${name} (${role})` });
  await dialog.getByLabel('Passphrase').fill(passphraseOf(name));
  await dialog.getByRole('button', { name: 'Seal and export' }).click();
  await expect(dialog).toBeHidden();
}

/**
 * Axe over the page, or over the part a test is about (`within`, a CSS selector): every view is
 * scanned whole in the accessibility suite, and a scan of 3,000 elements takes seconds on 2 cores.
 */
export async function expectNoAxeViolations(page: Page, within?: string) {
  // Only violations are read: axe then keeps one node per passing rule instead of every node (the same checks, far less to return).
  // Legacy mode runs axe once in the page itself; the default runs it per frame and then again in a new blank
  // page to merge, which doubles the time (measured 7.3 s → 3.2 s at the decision step). The app has no frames.
  const builder = new AxeBuilder({ page }).setLegacyMode().options({ resultTypes: ['violations'] });
  const result = await (within ? builder.include(within) : builder).analyze();
  expect(result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
}

/**
 * Every shape of every chart on the page is drawn at the size its attributes say: a page style that
 * matches a chart's class (CSS beats SVG geometry attributes) would redraw the numbers wrongly.
 */
export async function expectChartsDrawnAsComputed(page: Page) {
  const mismatches = await page.locator('figure.plot svg').evaluateAll((svgs) =>
    svgs.flatMap((svg) =>
      [...svg.querySelectorAll('rect[width], rect[height]')].flatMap((shape) => {
        const box = (shape as SVGRectElement).getBBox();
        const width = Number(shape.getAttribute('width') ?? box.width);
        const height = Number(shape.getAttribute('height') ?? box.height);
        return Math.abs(box.width - width) > 0.5 || Math.abs(box.height - height) > 0.5
          ? [`${shape.getAttribute('class')}: drawn ${box.width}×${box.height}, computed ${width}×${height}`]
          : [];
      }),
    ),
  );
  expect(mismatches).toEqual([]);
}

/**
 * A full-page picture of a view for a person to look at, when E2E_SCREENSHOTS is set: it asserts
 * nothing, and capturing the whole page resizes it, so every chart is laid out again (seconds on 2 cores).
 */
export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  if (!process.env.E2E_SCREENSHOTS) return;
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}
