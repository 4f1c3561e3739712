import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, type TestInfo } from '@playwright/test';

export async function openWalkthrough(page: Page, title: string) {
  await page.goto('/');
  // A stored session reopens where it was left: go to the library first.
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await page.getByRole('button', { name: `Walk through ${title}` }).click();
  await expect(page.getByRole('heading', { level: 2, name: title })).toBeVisible();
}

/** Steps forward with the keyboard until the statechart says we are in `stateName`. */
export async function stepUntil(page: Page, stateName: string) {
  const now = page.getByTestId('state-now');
  for (let i = 0; i < 60 && (await now.textContent()) !== stateName; i++) await page.keyboard.press('ArrowRight');
  await expect(now).toHaveText(stateName);
}

export const outcome = (page: Page) => page.getByTestId('outcome');

/** The emergency cabin-temperature limit's field: the threshold most tests edit. */
export const emergencyLimitField = (page: Page) =>
  page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ });

export async function identify(page: Page, name = 'Ana Flight', role = 'flight director') {
  const dialog = page.getByRole('dialog', { name: 'Who is recording this change?' });
  await expect(dialog).toBeVisible();
  await dialog.getByLabel('Name').fill(name);
  await dialog.getByLabel('Role').fill(role);
  await dialog.getByRole('button', { name: 'Record as me' }).click();
  await expect(dialog).toBeHidden();
}

export async function expectNoAxeViolations(page: Page) {
  const result = await new AxeBuilder({ page }).analyze();
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

export async function keepScreenshot(page: Page, testInfo: TestInfo, name: string) {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

/**
 * Waits until the page says it has finished what it started: no chart still loading, the statechart
 * laid out, nothing marked busy; then for a frame and for the page's thread to be idle.
 */
export async function settled(page: Page) {
  await expect(page.locator('.plot-pending')).toHaveCount(0);
  await expect(page.locator('.chart-pending')).toHaveCount(0);
  await expect(page.locator('[aria-busy="true"]')).toHaveCount(0);
  await page.evaluate(
    () => new Promise((resolve) => requestAnimationFrame(() => requestIdleCallback(resolve, { timeout: 2000 }))),
  );
}
