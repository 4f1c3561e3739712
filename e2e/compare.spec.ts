import { expect, type Page, test } from '@playwright/test';
import { expectNoAxeViolations, ms22DecisionWithEmergencyLimit, openWalkthrough, stepUntil } from './support';

const sideBySide = (page: Page) =>
  page.getByRole('region', { name: 'Side by side: the answer in force and another profile or scenario' });

test('side by side: the thresholds in force against the default profile, the differences marked, by keyboard, nothing recorded', async ({
  page,
}) => {
  // The surgeon's 38 °C is adopted: now compare it with the default profile's 40 °C.
  await ms22DecisionWithEmergencyLimit(page, '38');
  const entries = await page.getByTestId('status-line').getByTestId('status-last-change').textContent();

  const compare = sideBySide(page);
  const select = compare.getByLabel('Compare with');
  await select.focus();
  await select.selectOption({ label: 'the default profile' });
  const table = compare.getByTestId('comparison');
  await expect(table.locator('caption')).toHaveText('In force now vs the default profile: the recommendation differs');
  const outcomeRow = table.locator('tr[data-row="outcome"]');
  await expect(outcomeRow).toContainText('Undecided: escalate');
  await expect(outcomeRow).toContainText('Launch replacement');
  await expect(outcomeRow).toContainText('≠ differs');
  await expect(table.locator('tr[data-row="threshold"]')).toContainText('38 °C');
  await expect(table.locator('tr[data-row="threshold"]')).toContainText('40 °C');
  const differing = table.locator('tr.differs[data-rule="thermal.peak-cabin-temp"]');
  await expect(differing.first()).toContainText('≤ 38 °C: ✘ FAIL');
  await expect(table.locator('tr[data-row="rule"]:not(.differs)').first()).toContainText('same');
  // Nothing was recorded by comparing.
  await expect(page.getByTestId('status-line').getByTestId('status-last-change')).toHaveText(entries ?? '');
  await expectNoAxeViolations(page, 'section.compare');
});

test('side by side: another scenario at the same step, its facts and answers marked where they differ, printed alone', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const compare = sideBySide(page);
  await compare
    .getByLabel('Compare with')
    .selectOption({ label: 'Marginal descent heat: the call waits on a refined thermal analysis' });
  const table = compare.getByTestId('comparison');
  await expect(table.locator('caption')).toHaveText(
    'In force now vs Marginal descent heat: the call waits on a refined thermal analysis, step 17: the recommendation differs',
  );
  await expect(table.locator('tr[data-row="outcome"]')).toContainText('Launch replacement');
  await expect(table.locator('tr[data-row="outcome"]')).toContainText('Return on the damaged vehicle');
  const peak = table.locator('tr[data-row="value"][data-key="peakCabinTempC.crew3"]');
  await expect(peak).toContainText('40 °C');
  await expect(peak).toContainText('26.2 °C');
  await expect(peak).toContainText('≠ differs');
  // The same thresholds on both sides: only the facts differ.
  await expect(table.locator('tr[data-row="threshold"]')).toHaveCount(0);
  await expect(table.locator('tr.differs[data-rule="thermal.peak-cabin-temp"]').first()).toContainText('FAIL');

  // Printed, the comparison is the whole page.
  await page.emulateMedia({ media: 'print' });
  await expect(table).toBeVisible();
  await expect(page.getByRole('region', { name: 'Timeline' })).toBeHidden();
  await expect(compare.getByLabel('Compare with')).toBeHidden();
  const { pageHeight, tableHeight } = await page.evaluate(() => ({
    pageHeight: document.documentElement.scrollHeight,
    tableHeight: document.querySelector('.compare')?.getBoundingClientRect().height ?? 0,
  }));
  expect(pageHeight).toBeLessThanOrEqual(tableHeight + 40);
  await page.emulateMedia({ media: 'screen' });
  await expectNoAxeViolations(page, 'section.compare');
});
