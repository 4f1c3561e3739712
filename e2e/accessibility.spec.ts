import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, keepScreenshot, openWalkthrough, stepUntil } from './support';

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1920, height: 1080 },
]) {
  test(`each view passes axe and is kept as a screenshot at ${viewport.width}×${viewport.height}`, async ({ page }, testInfo) => {
    await page.setViewportSize(viewport);
    await page.goto('/');
    await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `library-${viewport.width}`);

    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `walkthrough-decision-${viewport.width}`);

    await page.getByRole('button', { name: 'source of Peak descent cabin temperature (nominal)' }).click();
    await page.getByRole('button', { name: /Confirm/ }).click();
    await expect(page.getByRole('dialog')).toBeVisible();
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `operator-dialog-${viewport.width}`);
    await page.keyboard.press('Escape');

    await page.keyboard.press('End');
    await expect(page.getByTestId('state-now')).toHaveText('crewHome');
    await expectNoAxeViolations(page);
    await keepScreenshot(page, testInfo, `walkthrough-end-${viewport.width}`);
  });
}
