import { expect, test } from '@playwright/test';
import { emergencyLimitField, expectNoAxeViolations, identify, openWalkthrough, outcome, stepUntil } from './support';

const emergencyTemp = (page: import('@playwright/test').Page) => emergencyLimitField(page);

/** The record as the audit view sums it up: entry count and head hash. */
async function recordSummary(page: import('@playwright/test').Page) {
  await page.getByRole('button', { name: 'Audit trail' }).click();
  const summary = page.locator('.audit-summary');
  await expect(summary).toContainText('17 entries');
  const text = await summary.textContent();
  await page.getByRole('button', { name: 'Walkthrough' }).click();
  return text;
}

test('exploring changes thresholds and assessed values freely, records nothing, and discarding restores what is in force', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const recordBefore = await recordSummary(page);
  await page.getByRole('button', { name: 'Explore (not recorded)' }).click();
  await expect(page.getByRole('heading', { name: 'Exploring: nothing here is recorded' })).toBeVisible();

  await emergencyTemp(page).fill('38');
  await emergencyTemp(page).press('Enter');
  // No operator is asked: nothing is being recorded.
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  await expect(page.getByTestId('explore-bar')).toContainText('Peak descent cabin temperature (emergency) → 38 °C');

  // An assessed value tried in place of the report: 2 crew at 41 °C fail the 38 °C limit as well.
  const tryTwoCrew = page.getByRole('textbox', { name: 'Predicted peak descent cabin temperature (2 crew)' });
  await tryTwoCrew.fill('30');
  await tryTwoCrew.press('Enter');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await expectNoAxeViolations(page, '.explore-bar, .tried-values');

  await page.getByRole('button', { name: 'Discard and leave Explore' }).click();
  await expect(page.getByTestId('explore-bar')).toHaveCount(0);
  await expect(emergencyTemp(page)).toHaveValue('40');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await expect(page.getByText('Nothing recorded yet.')).toBeVisible();
  await expect(page.getByRole('button', { name: 'Audit trail' })).toBeEnabled();
  expect(await recordSummary(page)).toBe(recordBefore);
});

test('adopting the explored thresholds records them as one change with its reason', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'Explore (not recorded)' }).click();
  await emergencyTemp(page).fill('42');
  await emergencyTemp(page).press('Enter');
  const adopt = page.getByRole('button', { name: 'Adopt thresholds as one recorded change' });
  await expect(adopt).toBeDisabled();
  await page.getByLabel('Reason for adopting the thresholds').fill('flight surgeon accepts 42 °C');
  await adopt.click();
  await identify(page);
  await expect(page.getByTestId('explore-bar')).toHaveCount(0);
  await expect(emergencyTemp(page)).toHaveValue('42');
  await expect(page.getByText('Recorded by operators (1)')).toBeVisible();
  await expect(page.locator('.session-log')).toContainText('flight surgeon accepts 42 °C');
});
