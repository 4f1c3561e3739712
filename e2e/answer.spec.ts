import { expect, type Locator, type Page, test } from '@playwright/test';
import { ms22DecisionWithEmergencyLimit, openWalkthrough, outcome, stepUntil } from './support';

/** Wholly inside the viewport, with no scrolling. */
async function expectInView(page: Page, locator: Locator) {
  const box = await locator.boundingBox();
  const viewport = page.viewportSize();
  expect(box, 'on screen').not.toBeNull();
  if (!box || !viewport) return;
  expect(box.y, 'top in view').toBeGreaterThanOrEqual(0);
  expect(box.y + box.height, 'bottom in view').toBeLessThanOrEqual(viewport.height);
}

for (const viewport of [
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test(`the answer comes first at ${viewport.width}×${viewport.height}: recommendation, deciding row, numbers, nearest flip`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
    await stepUntil(page, 'anomaly.decision');
    await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
    const answer = page.getByRole('region', { name: 'Answer' });
    await expect(answer.getByTestId('deciding-row')).toContainText('Row 4 decides: A replacement can arrive');
    const numbers = answer.getByRole('list', { name: 'The numbers that decided' });
    await expect(numbers).toContainText('(3 crew), emergency tier: 43 °C against a limit of ≤ 40 °C: fails by 3 °C');
    // 39 °C against 40 °C passes by 1 °C: within the rule's 2 °C caution band, so thin.
    await expect(numbers.locator('[data-thin="true"]')).toContainText(
      '(2 crew), emergency tier: 39 °C against a limit of ≤ 40 °C: passes by 1 °C (thin margin)',
    );
    await expect(answer.getByTestId('nearest-flip')).toContainText('to < 39 °C (now 40 °C) would make it “Undecided: escalate”');
    for (const part of [outcome(page), answer.getByTestId('deciding-row'), numbers, answer.getByTestId('nearest-flip')])
      await expectInView(page, part);
  });
}

test('while the assessment is under way the answer says what it waits for', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.inspection');
  // The first finding: the coolant loop is degraded, so the descent cabin's temperature and humidity are judged.
  await page.keyboard.press('ArrowRight');
  await expect(outcome(page)).toContainText('Assessment incomplete: waiting for');
  // The temperature is never waited for (the cabin model's estimate stands in until a report); the humidity is.
  await expect(page.getByTestId('waiting-for')).toContainText('Predicted peak descent cabin humidity (3 crew)');
  await expect(page.getByTestId('waiting-for')).not.toContainText('temperature');
  // The report that completes the values the policy needs is the step that flips the answer, and says so.
  await page.getByRole('button', { name: /^15\. / }).click();
  await expect(page.getByTestId('changed')).toContainText('Changed from “Undecided: escalate” at step 15 (');
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('changed')).toHaveCount(0);
});

test('an edit that flips the recommendation is marked with what changed it', async ({ page }) => {
  await ms22DecisionWithEmergencyLimit(page, '38');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  await expect(page.getByTestId('changed')).toContainText(
    'Changed from “Launch replacement” after the edit of the limit for peak descent cabin temperature (emergency) to 38 °C',
  );
});
