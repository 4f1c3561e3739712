import { expect, test } from '@playwright/test';
import { emergencyLimitField, identify, openWalkthrough, stepUntil } from './support';

/**
 * The development build reports what the production build hides (duplicate React keys, invalid
 * nesting, state updates on unmounted components): a use of every view must print no error.
 */
test('the development build prints no console error or warning through every view', async ({ page }) => {
  const problems: string[] = [];
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning') problems.push(`${message.type()}: ${message.text()}`);
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.message}`));

  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  // The detail tables, where one table holds several crew options.
  for (const summary of await page.locator('.center-column details > summary').all()) await summary.click();
  await page.getByRole('button', { name: 'Explore (not recorded)' }).click();
  await page.getByRole('button', { name: /Discard/ }).click();
  const field = emergencyLimitField(page);
  await field.fill('41');
  await field.press('Enter');
  await identify(page);
  await page.getByRole('button', { name: 'End', exact: true }).click();
  await expect(page.getByTestId('state-now')).toHaveText('crewHome');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.getByRole('heading', { name: /Audit trail/ })).toBeVisible();
  await page.getByRole('button', { name: 'Scenario library' }).click();
  for (const title of [
    'Crew Dragon radiator damage near the end of its life: three crew return, the fourth moves to Soyuz',
    'Station emergency while the damaged vehicle is the only lifeboat',
  ]) {
    await openWalkthrough(page, title);
    await page.getByRole('button', { name: 'End', exact: true }).click();
  }
  expect(problems).toEqual([]);
});
