import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, openWalkthrough, stepUntil } from './support';

/** The record as the audit view sums it up: entry count and head hash. */
async function recordSummary(page: Page) {
  await page.getByRole('button', { name: 'Audit trail' }).click();
  const text = await page.locator('.audit-summary').textContent();
  await page.getByRole('button', { name: 'Walkthrough' }).click();
  return text;
}

const estimatedHigh = (page: Page, crew: number) =>
  page.getByTestId('descent-cabin').locator(`tr[data-crew="${crew}"] td`).nth(4);

test('an estimate input edited in Explore with the keyboard updates the estimate and records nothing', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const panel = page.getByTestId('descent-cabin');
  await expect(panel.locator('tr[data-crew="1"]')).toHaveAttribute('data-reading', 'estimated');
  await expect(panel.locator('tr[data-crew="3"]')).toHaveAttribute('data-reading', 'reported');
  const before = await estimatedHigh(page, 1).textContent();
  const recordBefore = await recordSummary(page);

  await page.getByRole('button', { name: 'Explore (not recorded)' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('heading', { name: 'Exploring: nothing here is recorded' })).toBeVisible();
  const equipment = page.getByRole('textbox', { name: 'Equipment heat in the descent cabin (W)' });
  await expect(page.getByRole('row', { name: /Equipment heat in the descent cabin/ }).first()).toContainText(
    'not reported; model default 500 W (nominal 300 W)',
  );
  await equipment.focus();
  await page.keyboard.type('900');
  await page.keyboard.press('Enter');

  await expect(page.getByTestId('explore-bar')).toContainText('1 assessed value tried');
  await expect(estimatedHigh(page, 1)).not.toHaveText(before ?? '');
  const after = Number.parseFloat((await estimatedHigh(page, 1).textContent()) ?? '');
  expect(after).toBeGreaterThan(Number.parseFloat(before ?? ''));
  await expect(panel.locator('tr[data-input="descentEquipmentHeatW"]')).toContainText('tried in Explore');
  await expectNoAxeViolations(page, '.descent-cabin');

  await page.getByRole('button', { name: 'Discard and leave Explore' }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('explore-bar')).toHaveCount(0);
  await expect(estimatedHigh(page, 1)).toHaveText(before ?? '');
  expect(await recordSummary(page)).toBe(recordBefore);
});
