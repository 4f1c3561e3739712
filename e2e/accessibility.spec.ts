import { expect, test } from '@playwright/test';
import { emergencyLimitField, expectNoAxeViolations, identify, keepScreenshot, openWalkthrough, stepUntil } from './support';

test('every view passes axe at 1280×800, contrast included, and is kept as a screenshot', async ({ page }, testInfo) => {
  test.setTimeout(90_000);
  await page.setViewportSize({ width: 1280, height: 800 });
  const check = async (name: string) => {
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, name);
  };
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await check('library');

  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await check('walkthrough-step-0');
  await stepUntil(page, 'anomaly.inspection');
  await check('walkthrough-inspection');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'source of Peak descent cabin temperature (nominal)' }).click();
  // The charts (loaded lazily) with their tables open are part of what axe checks.
  await expect(page.locator('figure.plot')).toHaveCount(4);
  for (const summary of await page.locator('.center-column details > summary').all()) await summary.click();
  await check('walkthrough-decision');

  await page.getByRole('button', { name: /^Confirm: / }).click();
  await expect(page.getByRole('dialog')).toBeVisible();
  await check('operator-dialog');
  await page.keyboard.press('Escape');

  await page.getByRole('button', { name: 'Explore (not recorded)' }).click();
  await emergencyLimitField(page).fill('38');
  await page.keyboard.press('Enter');
  await check('explore');
  await page.getByRole('button', { name: 'Discard and leave Explore' }).click();

  // Review: disabled controls say why, in contrast too.
  await page.keyboard.press('ArrowLeft');
  await check('review');
  await page.keyboard.press('ArrowRight');

  await page.getByRole('button', { name: /^Confirm: / }).click();
  await identify(page);
  await page.keyboard.press('End');
  await expect(page.getByTestId('state-now')).toHaveText('crewHome');
  await check('walkthrough-end');

  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByTestId('entry-details')).toBeVisible();
  await check('audit');
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1024, height: 768 },
  { width: 390, height: 844 },
]) {
  test(`the decision step passes axe at ${viewport.width}×${viewport.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `walkthrough-decision-${viewport.width}`);
  });
}

test('at phone width the walkthrough is a read-only summary: scenario, step, the answer with its reason, the timeline', async ({
  page,
}) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
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
