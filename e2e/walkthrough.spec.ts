import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, identify, openWalkthrough, outcome, stepUntil } from './support';

test('walks MS-22 to the decision: launch replacement, with the deciding rules, values and thresholds', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await expect(page.getByText('Step 0 of 29')).toBeVisible();
  await expect(page.getByText('No anomaly yet')).toBeVisible();
  await stepUntil(page, 'anomaly.decision');
  await expect(page.getByText('Step 17 of 29')).toBeVisible();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await expect(outcome(page)).toContainText('Launch replacement');

  const fullCrewTemp = page.getByRole('table', { name: /^Policy row 2/ }).locator('tr[data-rule="thermal.peak-cabin-temp"]');
  await expect(fullCrewTemp).toContainText('43 °C');
  await expect(fullCrewTemp).toContainText('<= 27 °C');
  await expect(fullCrewTemp).toContainText('FAIL');
  const matched = page.getByRole('table', { name: 'Policy row 4 (replacement-feasible): ✔ matched' });
  const twoCrewTemp = matched.locator('tr[data-rule="thermal.peak-cabin-temp"][data-crew="2"]');
  await expect(twoCrewTemp).toContainText('39 °C');
  await expect(twoCrewTemp).toContainText('<= 40 °C');
  const emergencyTempFlip = page
    .getByRole('table', { name: /^Flip points/ })
    .locator('tr[data-threshold="maxDescentCabinTempC.emergency"]');
  await expect(emergencyTempFlip).toContainText('< 39 °C → Undecided');
  await expect(emergencyTempFlip).toContainText('thermal.peak-cabin-temp');
  await expect(page.getByText('Frank Rubio → Crew Dragon Endurance (Crew-5) (improvised seat)')).toBeVisible();

  // °F is display only: the same row reads in °F, the model keeps °C.
  await page.getByRole('button', { name: /Temperatures in °C/ }).click();
  await expect(fullCrewTemp).toContainText('109.4 °F');
  await expect(page.getByRole('textbox', { name: /Peak descent cabin temperature \(nominal\)/ })).toHaveValue('80.6');
});

test('previous, jump and restart move through the timeline; the statechart follows', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await page.getByRole('button', { name: /^21\. .*commonCause\.raise/ }).click();
  await expect(page.getByTestId('state-now')).toHaveText('replacementCampaign.launchHeld');
  await expect(page.locator('.chart-svg [data-state-id="crewReturn.replacementCampaign.launchHeld"]')).toHaveAttribute(
    'data-active',
    'true',
  );
  await page.getByRole('button', { name: '← Previous' }).click();
  await expect(page.getByTestId('state-now')).toHaveText('replacementCampaign.preparingReplacement');
  await page.getByRole('button', { name: 'Restart' }).click();
  await expect(page.getByTestId('state-now')).toHaveText('docked');
  await expect(page.getByText('Step 0 of 29')).toBeVisible();
});

test('an override needs a rationale and is recorded as an override', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const decision = page.getByRole('region', { name: 'Decision' });
  await decision.getByLabel('Override to').selectOption('return-on-damaged-vehicle');
  await decision.getByRole('button', { name: 'Override' }).click();
  await expect(decision.getByRole('alert')).toContainText('An override needs a rationale');
  await expect(page.getByTestId('state-now')).toHaveText('anomaly.decision');
  await decision.getByLabel('Rationale').fill('Crew health waiver: cabin cooling fix verified');
  await decision.getByRole('button', { name: 'Override' }).click();
  await identify(page);
  await expect(page.getByTestId('state-now')).toHaveText('returnOnDamagedVehicle.awaitingUndock');
  await expect(page.getByTestId('decision')).toContainText('OVERRIDDEN by Ana Flight (flight director)');
  await expect(page.getByRole('region', { name: /Recorded by operators/ })).toContainText(
    'OVERRIDE to return-on-damaged-vehicle',
  );
});

test('an override to what an edit has since made the recommendation is refused in the machine’s words: the choice is not swapped, nothing is recorded', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const decision = page.getByRole('region', { name: 'Decision', exact: true });
  const list = decision.getByLabel('Override to');
  await expect(page.getByTestId('outcome')).toContainText('Launch replacement');
  // The list offers the other outcomes only.
  await expect(list.locator('option[value="launch-replacement"]')).toHaveCount(0);
  await expect(list.locator('option[value="emergency-return"]')).toHaveCount(1);
  await list.selectOption('emergency-return');
  const rationale = decision.getByRole('textbox', { name: 'Rationale', exact: true });
  await rationale.fill('the crew surgeon will not accept the wait');

  // Before the override is sent, a stricter limit on a lifeboat's life makes an emergency return the recommendation.
  const lifeboatLimit = page.getByRole('textbox', {
    name: /Share of certified life a vehicle kept only as a lifeboat may reach/,
  });
  await lifeboatLimit.fill('75');
  await lifeboatLimit.press('Enter');
  await identify(page);
  await expect(page.getByTestId('outcome')).toContainText('Emergency return');
  await expect(list).toHaveValue('');
  await expect(list.locator('option[value="emergency-return"]')).toHaveCount(0);
  await expect(decision.getByRole('alert')).toHaveText(
    'Your choice, Emergency return, is no longer open to an override: emergency-return is the recommendation: confirm it instead (an override decides another outcome). Choose again, or confirm.',
  );
  await decision.getByRole('button', { name: 'Override' }).click();
  await expect(list).toBeFocused();
  await expect(page.getByRole('dialog')).toHaveCount(0);
  await expect(page.getByTestId('state-now')).toHaveText('anomaly.decision');
  await expect(rationale).toHaveValue('the crew surgeon will not accept the wait');
  await expect(decision.getByRole('button', { name: /^Confirm: .*Emergency return/ })).toBeEnabled();
  await expectNoAxeViolations(page, '.decision-panel');
});
