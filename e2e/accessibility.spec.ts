import { expect, type Page, type TestInfo, test } from '@playwright/test';
import { emergencyLimitField, expectNoAxeViolations, identify, keepScreenshot, openWalkthrough, stepUntil } from './support';

/** Every view at 1280×800, contrast included, each kept as a screenshot: four tests, so they can run side by side. */
async function checked(page: Page, testInfo: TestInfo, name: string) {
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, name);
}

test.beforeEach(async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
});

test('the library and the walkthrough before the decision pass axe', async ({ page }, testInfo) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await checked(page, testInfo, 'library');
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await checked(page, testInfo, 'walkthrough-step-0');
  await stepUntil(page, 'anomaly.inspection');
  await checked(page, testInfo, 'walkthrough-inspection');
});

test('the decision step, its chart tables and sources open, and the operator dialog pass axe', async ({ page }, testInfo) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'source of Peak descent cabin temperature (nominal)' }).click();
  // The charts (loaded lazily) with their tables open are part of what axe checks.
  await expect(page.locator('figure.plot')).toHaveCount(4);
  for (const summary of await page.locator('.center-column details > summary').all()) await summary.click();
  await checked(page, testInfo, 'walkthrough-decision');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await checked(page, testInfo, 'operator-dialog');
});

test('Explore and the review of an earlier step pass axe', async ({ page }, testInfo) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'Explore (not recorded)' }).click();
  await emergencyLimitField(page).fill('38');
  await page.keyboard.press('Enter');
  await checked(page, testInfo, 'explore');
  await page.getByRole('button', { name: 'Discard and leave Explore' }).click();
  // Review: disabled controls say why, in contrast too.
  await page.keyboard.press('ArrowLeft');
  await checked(page, testInfo, 'review');
});

test('the end of a decided walkthrough and its audit trail pass axe', async ({ page }, testInfo) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await identify(page);
  await page.keyboard.press('End');
  await expect(page.getByTestId('state-now')).toHaveText('crewHome');
  await checked(page, testInfo, 'walkthrough-end');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('entry-details')).toBeVisible();
  await checked(page, testInfo, 'audit');
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
]) {
  test(`the decision step passes axe at ${viewport.width}×${viewport.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `walkthrough-decision-${viewport.width}`);
  });
}

test('at phone width (390×844) the walkthrough is a read-only summary that passes axe: scenario, step, the answer with its reason, the timeline', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'walkthrough-decision-390');
  await expect(page.getByText('Step 17 of 29')).toBeVisible();
  for (const shown of [page.getByTestId('outcome'), page.getByTestId('deciding-row'), page.getByTestId('nearest-flip')]) {
    await expect(shown).toBeVisible();
    const box = await shown.boundingBox();
    expect(box?.width, 'readable width').toBeGreaterThan(300);
  }
  await expect(page.getByTestId('outcome')).toBeInViewport();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeVisible();
  await expect(page.getByText('A read-only summary at this width')).toBeVisible();
  // Nothing that changes the record, and nothing wider than the phone.
  await expect(page.getByRole('button', { name: /^Confirm: / })).toBeHidden();
  await expect(page.getByRole('region', { name: 'Acceptance thresholds' })).toBeHidden();
  await expect(page.getByRole('button', { name: 'Explore (not recorded)' })).toBeHidden();
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  // Stepping stays: it changes what is viewed, not what is recorded.
  await page.getByRole('button', { name: 'Next →' }).click();
  await expect(page.getByText('Step 18 of 29')).toBeVisible();
  await expect(page.getByTestId('history-notice')).toContainText('Step 18 replayed history');
});
