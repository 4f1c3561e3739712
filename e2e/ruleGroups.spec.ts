import { expect, type Page, test } from '@playwright/test';
import { emergencyLimitField, ms22DecisionWithEmergencyLimit, outcome } from './support';

const emergencyTierTable = (page: Page) => page.getByRole('table', { name: /^Policy row 7 \(emergency-tier\)/ });

async function setEmergencyLimit(page: Page, value: string) {
  await emergencyLimitField(page).fill(value);
  await emergencyLimitField(page).press('Enter');
}

test('the rule groups below the deciding row are hidden, and read the thresholds in force whenever they are shown again', async ({
  page,
}) => {
  await ms22DecisionWithEmergencyLimit(page, '41');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await expect(page.getByRole('table', { name: /^Policy row 4 \(replacement-feasible\)/ })).toBeVisible();
  await expect(emergencyTierTable(page)).toHaveCount(0);

  // Below 39 °C the replacement no longer holds: the policy reads down to its last row.
  await setEmergencyLimit(page, '38');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  const cabinTemp = emergencyTierTable(page).locator('tr[data-rule="thermal.peak-cabin-temp"]').first();
  await cabinTemp.scrollIntoViewIfNeeded();
  await expect(cabinTemp).toContainText('<= 38 °C');

  await setEmergencyLimit(page, '40');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await expect(emergencyTierTable(page)).toHaveCount(0);

  // Changed while its group was hidden, then shown again: the group reads the new limit, not the one it last showed.
  await setEmergencyLimit(page, '42');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await setEmergencyLimit(page, '37');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  await cabinTemp.scrollIntoViewIfNeeded();
  await expect(cabinTemp).toContainText('<= 37 °C');
  await expect(cabinTemp).not.toContainText('38 °C');
});
