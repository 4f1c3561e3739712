import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, ms22DecisionWithEmergencyLimit } from './support';

test('side by side: the thresholds in force against the default profile, the differences marked, by keyboard, nothing recorded', async ({
  page,
}) => {
  // The surgeon's 38 °C is adopted: now compare it with the default profile's 40 °C.
  await ms22DecisionWithEmergencyLimit(page, '38');
  const entries = await page.getByTestId('status-line').getByTestId('status-last-change').textContent();

  const compare = page.getByRole('region', { name: 'Side by side: the thresholds in force and another profile' });
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
