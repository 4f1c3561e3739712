import { expect, test } from '@playwright/test';
import { defaultProfileRef } from '../src/session/profile';
import { emergencyLimitField, identify, openWalkthrough, outcome, stepUntil } from './support';

const nominalTemp = /Peak descent cabin temperature \(nominal\)/;
const emergencyTemp = /Peak descent cabin temperature \(emergency\)/;

test('raising the cabin-temperature limit above the assessed value changes the recommendation at once and is recorded', async ({
  page,
}) => {
  await openWalkthrough(page, 'Leak late in certified life: return with fewer crew');
  await stepUntil(page, 'anomaly.decision');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'return-reduced-crew');
  // The three-crew prediction is 33 °C at worst; the flip point says so before anything changes.
  await expect(page.locator('.flip-points tr[data-threshold="maxDescentCabinTempC.nominal"]')).toContainText(
    '≥ 33 °C → Return on the damaged vehicle',
  );

  await page.getByLabel('Reason for changes (optional)').fill('what-if: cooled suits');
  const input = page.getByRole('textbox', { name: nominalTemp });
  await input.fill('34');
  await input.press('Enter');
  await identify(page);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');
  const log = page.getByRole('region', { name: /Recorded by operators/ });
  await expect(log).toContainText('maxDescentCabinTempC.nominal 27 °C → 34 °C — what-if: cooled suits');
  await expect(log).toContainText('Ana Flight (flight director)');
  await expect(page.getByRole('textbox', { name: nominalTemp })).toHaveValue('34');
  // The rule tables below the fold follow a frame later: scrolled into view, they read the new limit.
  const fullCrewTemp = page.getByRole('table', { name: /^Policy row 2/ }).locator('tr[data-rule="thermal.peak-cabin-temp"]');
  await fullCrewTemp.scrollIntoViewIfNeeded();
  await expect(fullCrewTemp).toContainText('<= 34 °C');
  await expect(fullCrewTemp).toContainText('PASS');

  // A second change needs no second identification; reset records the way back.
  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'return-reduced-crew');
  await expect(log).toContainText('34 °C → 27 °C');
});

test('an invalid threshold (empty, not a number, out of range) or an emergency limit stricter than the nominal one is refused and changes nothing', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const input = page.getByRole('textbox', { name: nominalTemp });
  for (const [typed, message] of [
    ['', 'Enter a value.'],
    ['warm', '“warm” is not a number.'],
    ['95', 'a number of °C from 0 to 80'],
  ] as const) {
    await test.step(`${typed || 'empty'}: its message, and nothing changes`, async () => {
      await input.fill(typed);
      await input.press('Enter');
      await expect(page.getByRole('alert').filter({ hasText: message })).toBeVisible();
      await expect(input).toHaveAttribute('aria-invalid', 'true');
      await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
      await expect(page.getByRole('dialog')).toBeHidden();
      await expect(page.getByRole('region', { name: /Recorded by operators/ })).toContainText('Nothing recorded yet.');
      // Escape takes the edit back, so the next value's message and mark are its own.
      await input.press('Escape');
      await expect(input).toHaveAttribute('aria-invalid', 'false');
      await expect(page.getByRole('alert').filter({ hasText: message })).toHaveCount(0);
    });
  }

  await test.step('an emergency limit stricter than the nominal one', async () => {
    const emergency = page.getByRole('textbox', { name: emergencyTemp });
    await emergency.fill('20');
    await emergency.press('Enter');
    const refused = page.getByRole('alert').filter({ hasText: 'no stricter than the nominal one' });
    await expect(refused).toBeVisible();
    await expect(refused).toBeInViewport();
    await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  });
});

test('profiles: save, load and export as a CLI-usable file; the source is shown on demand', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'source of Peak descent cabin temperature (nominal)' }).click();
  await expect(page.getByText('NASA-STD-3001 cabin operating limit 18–27 °C')).toBeVisible();

  const input = page.getByRole('textbox', { name: emergencyTemp });
  await input.fill('38');
  await input.press('Enter');
  await identify(page);
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  await page.getByLabel('Profile name').fill('cool-cabin');
  await page.getByRole('button', { name: 'Save profile' }).click();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export JSON' }).click();
  const file = await download;
  expect(file.suggestedFilename()).toBe('cool-cabin.thresholds.json');
  const exported = JSON.parse(await (await import('node:fs/promises')).readFile((await file.path()) as string, 'utf8'));
  expect(exported).toMatchObject({ id: 'cool-cabin', version: '1', thresholds: { 'maxDescentCabinTempC.emergency': 38 } });

  await page.getByRole('button', { name: 'Reset to defaults' }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await page.getByLabel('Saved profiles').selectOption('cool-cabin');
  await page.getByRole('button', { name: 'Load', exact: true }).click();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  await expect(page.getByRole('region', { name: /Recorded by operators/ })).toContainText('profile cool-cabin v1 loaded');
});

test('the screen never shows what is not in force: a cancelled or refused edit puts the field back, says why beside it, and a reason is used once', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const field = emergencyLimitField(page);
  await field.fill('35');
  await field.press('Enter');
  await page.getByRole('dialog').getByRole('button', { name: 'Cancel' }).click();
  await expect(field).toHaveValue('40');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');

  // A reason goes with the one change it was typed for.
  await page.getByLabel('Reason for changes (optional)').fill('surgeon review');
  await field.fill('41');
  await field.press('Enter');
  await identify(page);
  await expect(field).toHaveValue('41');
  await expect(page.locator('.session-log')).toContainText('surgeon review');
  await expect(page.getByLabel('Reason for changes (optional)')).toHaveValue('');
  await expect(page.getByTestId('profile-in-force')).toHaveText(
    `Profile default v${defaultProfileRef.version}, 1 value changed from it`,
  );

  // Viewing an earlier step is review: the fields cannot act, and say why in view.
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(field).toBeDisabled();
  await expect(field).toHaveValue('40');
  await expect(page.getByTestId('thresholds-read-only')).toContainText('you are viewing step 16');
  await expect(page.getByTestId('thresholds-read-only')).toBeInViewport();
});
