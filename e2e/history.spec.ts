import { expect, test } from '@playwright/test';
import { emergencyLimitField, identify, ms22DecisionWithEmergencyLimit, openWalkthrough, outcome, stepUntil } from './support';

test.describe('history vs one’s own decision', () => {
  test('stepping onto the commission’s decision says what is replayed and records it as theirs', async ({ page }) => {
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    const notice = page.getByTestId('history-notice');
    await expect(notice).toHaveText(
      /^Next, step 18 replays history: State commission \(Roscosmos\), NASA concurring \(decision authority\) confirms “Launch replacement” on 11 Jan 2023\. Decide now and the decision is yours: that step will then not apply\.$/,
    );
    await expect(notice).toBeInViewport();
    await page.keyboard.press('ArrowRight');
    await expect(notice).toContainText('Step 18 replayed history: State commission');
    const decision = page.getByTestId('decision');
    await expect(decision).toHaveAttribute('data-scripted', 'true');
    await expect(decision).toContainText('confirmed “Launch replacement”');
    await expect(decision).toContainText('on 11 Jan 2023 (entry 18): replayed from the scenario, not your decision.');
    // Nobody was asked for a name: the script's decision is not the operator's.
    await expect(page.getByRole('dialog')).toBeHidden();
    await expect(page.locator('.operator')).toContainText('Operator: not set');
  });

  test('when the recommendation has changed, the notice says the script’s confirmation cannot apply', async ({ page }) => {
    await ms22DecisionWithEmergencyLimit(page, '38');
    await expect(page.getByTestId('history-notice')).toContainText(
      'confirms the recommendation on 11 Jan 2023, which cannot apply now.',
    );
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByTestId('history-notice')).toContainText('which did not apply in this state');
    await expect(page.getByTestId('decision')).toHaveCount(0);
  });

  test('deciding before the script says the scripted decision will not apply, and it does not', async ({ page }) => {
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await page.getByRole('button', { name: /^Confirm: / }).click();
    await identify(page);
    const notice = page.getByTestId('history-notice');
    await expect(notice).toHaveText(
      /^Your decision is in force: step 18, where history: State commission .* confirms .* on 11 Jan 2023, will not apply\.$/,
    );
    await page.keyboard.press('ArrowRight');
    await expect(notice).toContainText('which did not apply: your decision was already in force.');
    await expect(page.getByTestId('decision')).toContainText('confirmed by Ana Flight (flight director)');
  });

  test('a scripted decision that takes another outcome than the file says history took is flagged', async ({ page }) => {
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    // Limits loose enough that the full crew passes every nominal rule: the script would confirm a return on MS-22.
    const edit = async (name: RegExp, value: string) => {
      const field = page.getByRole('textbox', { name });
      await field.fill(value);
      await field.press('Enter');
    };
    await edit(/Peak descent cabin temperature \(emergency\)/, '43');
    await identify(page);
    await edit(/Peak descent cabin temperature \(nominal\)/, '43');
    await edit(/Peak descent cabin relative humidity \(nominal\)/, '95');
    await expect(outcome(page)).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');
    await expect(page.getByTestId('history-notice')).toContainText(
      'confirms “Return on the damaged vehicle” on 11 Jan 2023 (not what the file says was decided: “Launch replacement”)',
    );
    await page.getByRole('button', { name: 'Next →' }).click();
    await expect(page.getByTestId('decision')).toContainText('not what the file says was decided: launch-replacement');
  });

  test('"Decide yourself" starts a new session at this step, where the operator decides', async ({ page }) => {
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.getByRole('button', { name: 'Decide yourself from step 19' }).click();
    await expect(page.getByRole('heading', { level: 2, name: 'Soyuz MS-22 coolant leak (your decision)' })).toBeVisible();
    await expect(page.getByText('Step 19 of')).toBeVisible();
    await expect(page.getByTestId('state-now')).toHaveText('anomaly.decision');
    await expect(page.getByTestId('decision')).toHaveCount(0);
    // The commission's decision stays in the timeline, as history nobody applied here.
    await expect(page.locator('.timeline-item').nth(17)).toContainText(
      'Not applied in this session, where the decision is yours',
    );
    await page.getByRole('button', { name: /^Confirm: / }).click();
    await identify(page, 'Ana Flight', 'flight director');
    await expect(page.getByTestId('decision')).toContainText('confirmed by Ana Flight (flight director)');
    await expect(page.getByTestId('decision')).not.toHaveAttribute('data-scripted', 'true');
    await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  });

  test('under review, the decision and the thresholds are disabled and say why, in view', async ({ page }) => {
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await page.keyboard.press('ArrowLeft');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowRight');
    await page.keyboard.press('ArrowLeft');
    await expect(page.getByRole('button', { name: /^Confirm: / })).toBeDisabled();
    await expect(page.getByRole('button', { name: 'Override' })).toBeDisabled();
    await expect(page.locator('.decision-confirm')).toContainText('Not available: you are viewing step 17');
    const field = emergencyLimitField(page);
    await expect(field).toBeDisabled();
    await expect(page.getByTestId('thresholds-read-only')).toBeInViewport();
    await expect(page.getByTestId('thresholds-read-only')).toContainText('Read-only: you are viewing step 17');
  });

  test('a handover is recorded: from whom, to whom, when', async ({ page }) => {
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.assessment');
    await page.getByRole('button', { name: 'Explore (not recorded)' }).waitFor();
    await page.getByRole('button', { name: 'Hand over' }).waitFor({ state: 'detached' });
    const field = emergencyLimitField(page);
    await field.fill('41');
    await field.press('Enter');
    await identify(page, 'Ana Flight', 'flight director');
    await page.getByRole('button', { name: 'Hand over' }).click();
    await identify(page, 'Ben Night', 'flight director', 'Who takes over?');
    await expect(page.locator('.operator')).toContainText('Operator: Ben Night (flight director)');
    await expect(page.locator('.session-log')).toContainText(
      'Ben Night (flight director) handover from Ana Flight (flight director) to Ben Night (flight director)',
    );
    await page.getByRole('button', { name: 'Audit trail' }).click();
    await expect(page.getByRole('row').filter({ hasText: 'operator.handover' })).toContainText(
      'handover from Ana Flight (flight director) to Ben Night (flight director)',
    );
  });
});
