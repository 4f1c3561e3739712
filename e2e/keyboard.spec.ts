import { expect, test } from '@playwright/test';
import { outcome, passphraseOf } from './support';

test('a complete walkthrough with the keyboard alone', async ({ page }) => {
  await page.goto('/');
  // Tab to the first scenario's button and open it.
  const open = page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' });
  for (let i = 0; i < 20 && !(await open.evaluate((el) => el === document.activeElement)); i++) await page.keyboard.press('Tab');
  await expect(open).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByText('Step 0 of 29')).toBeVisible();

  for (let i = 0; i < 17; i++) await page.keyboard.press('ArrowRight');
  await expect(page.locator('.chart-now strong')).toHaveText('anomaly.decision');
  await page.keyboard.press('ArrowLeft');
  await expect(page.getByText('Step 16 of 29')).toBeVisible();
  await page.keyboard.press('ArrowRight');

  // Decide with the keyboard: focus the confirm button, press Enter, identify in the dialog.
  const confirm = page.getByRole('button', { name: 'Confirm: Launch replacement' });
  for (let i = 0; i < 80 && !(await confirm.evaluate((el) => el === document.activeElement)); i++)
    await page.keyboard.press('Tab');
  await expect(confirm).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeVisible();
  await page.keyboard.type('Kai Keys');
  await page.keyboard.press('Tab');
  await page.keyboard.type('mission manager');
  await page.keyboard.press('Tab');
  await page.keyboard.type(passphraseOf('Kai Keys'));
  await page.keyboard.press('Enter');
  await expect(page.getByRole('dialog')).toBeHidden();
  await expect(page.locator('.chart-now strong')).toHaveText('replacementCampaign.interimPlan');
  await expect(page.getByTestId('decision')).toContainText('confirmed by Kai Keys (mission manager)');

  // Arrow keys work again once focus leaves the form fields: review the start, then go to the landing.
  await page.locator('body').focus();
  await page.keyboard.press('Home');
  await expect(page.getByText('Step 0 of 29')).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.getByText('Step 29 of 29')).toBeVisible();
  await expect(page.locator('.chart-now strong')).toHaveText('crewHome');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  // The scripted historical confirm came after the operator's and did not apply.
  await expect(page.getByRole('button', { name: /^18\. .*decision\.confirm/ })).toContainText('not applied in this state');
});
