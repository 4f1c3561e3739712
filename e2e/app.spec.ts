import AxeBuilder from '@axe-core/playwright';
import { expect, test } from '@playwright/test';

test('lists the built-in scenarios and shows the headless result of the chosen one', async ({ page }) => {
  await page.goto('/');
  const list = page.getByRole('navigation', { name: 'Scenarios' });
  await expect(list.getByRole('button')).toHaveCount(5);
  await expect(list.getByRole('button', { name: /Soyuz MS-22 coolant leak/ })).toHaveAttribute('aria-pressed', 'true');
  await expect(page.getByTestId('outcome')).toHaveText('launch-replacement');
  await expect(page.getByRole('table', { name: 'Rules behind the recommendation' })).toContainText('thermal.peak-cabin-temp');

  // Keyboard: move to another scenario and choose it.
  await list.getByRole('button', { name: /Leak late in certified life/ }).focus();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('outcome')).toHaveText('return-reduced-crew');

  const axe = await new AxeBuilder({ page }).analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help}`)).toEqual([]);
});
