import { expect, test } from '@playwright/test';
import { emergencyLimitField, expectNoAxeViolations, identify, openWalkthrough, sign, stepUntil } from './support';

test('the status line says what is in force wherever the page is scrolled, and a flip out of sight is shown and announced there', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const status = page.getByTestId('status-line');
  await expect(status.getByTestId('in-force')).toHaveText('No decision yet');
  await expect(status.getByTestId('status-recommended')).toContainText('Recommended: ▲ Launch replacement');
  await expect(status).toContainText('Phase: anomaly.decision');
  // The real thinnest margin: 1 °C of cabin temperature, not the rated load met by design.
  await expect(status.getByTestId('status-thinnest')).toHaveText('Thinnest margin: thermal.peak-cabin-temp 1 °C ⚠ thin');
  await expect(page).toHaveTitle(/^Launch replacement \(recommended\) · step 17 · Soyuz MS-22 coolant leak/);

  // The edit that flips the recommendation is typed while the page shows its foot, far from the answer.
  const field = emergencyLimitField(page);
  await field.focus();
  await page.keyboard.press('ControlOrMeta+a');
  // The centre column scrolled to its foot (the flip charts), where the answer is out of sight.
  await page.locator('.center-column').evaluate((column) => column.scrollTo(0, column.scrollHeight));
  await expect(page.getByTestId('outcome')).not.toBeInViewport();
  await page.keyboard.type('38');
  await page.keyboard.press('Enter');
  await identify(page);
  await expect(status).toBeInViewport();
  await expect(status.getByTestId('status-recommended')).toContainText('? Undecided: escalate');
  await expect(status.getByTestId('status-changed')).toHaveText('⟳ Recommendation changed');
  await expect(status.getByRole('status')).toContainText(
    'Recommendation now Undecided: escalate. Changed from “Launch replacement” after the edit of the limit',
  );
  await expect(status.getByTestId('status-last-change')).toContainText(
    'changed the threshold maxDescentCabinTempC.emergency, Ana Flight',
  );
  await expect(page).toHaveTitle(/^Undecided: escalate \(recommended\)/);
  await expectNoAxeViolations(page, '.status-line');

  // An override puts the decision in force at the head of the line, the recommendation beside it.
  await field.fill('40');
  await field.press('Enter');
  const decision = page.getByRole('region', { name: 'Decision', exact: true });
  await decision.getByLabel('Override to').selectOption('emergency-return');
  await decision.getByLabel('Rationale', { exact: true }).fill('the crew surgeon will not accept the wait');
  await decision.getByRole('button', { name: 'Override' }).click();
  await sign(page);
  await expect(status.getByTestId('in-force')).toContainText('Decision in force: ◆ Emergency return (overridden by Ana Flight)');
  await expect(status.getByTestId('status-recommended')).toContainText('Recommended: ▲ Launch replacement');
  await expect(page).toHaveTitle(/^Emergency return · step 17/);
});

for (const viewport of [
  { width: 1920, height: 1080 },
  { width: 1280, height: 800 },
  { width: 1024, height: 768 },
]) {
  test.describe(`at ${viewport.width}×${viewport.height}`, () => {
    test.use({ viewport });

    test('a flip of the recommendation, back and forth, moves nothing an operator acts on', async ({ page }) => {
      await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
      await stepUntil(page, 'anomaly.decision');
      const field = emergencyLimitField(page);
      const decision = page.getByRole('region', { name: 'Decision', exact: true });
      const targets = {
        'status line': page.getByTestId('status-line'),
        'confirm button': decision.getByRole('button', { name: /^Confirm/ }),
        'override list': decision.getByLabel('Override to'),
        'limit field': field,
        'odds panel': page.getByRole('region', { name: /How often the answer holds/i }),
      };
      // Where each starts (a button's width follows its label), and how tall the status line is.
      const boxes = async () => {
        const out: Record<string, unknown> = {};
        for (const [name, target] of Object.entries(targets)) {
          const box = await target.boundingBox();
          out[name] = box && { x: box.x, y: box.y, ...(name === 'status line' ? { height: box.height } : {}) };
        }
        return out;
      };
      // Each edit is drawn in full: the answer, then its detail (no longer busy).
      const edit = async (value: string, outcome: string) => {
        await field.fill(value);
        await field.press('Enter');
        await expect(page.getByTestId('outcome')).toHaveAttribute('data-outcome', outcome);
        await expect(page.locator('section.recommendation')).toHaveAttribute('aria-busy', 'false');
      };
      await field.fill('38');
      await field.press('Enter');
      await identify(page);
      await expect(page.getByTestId('status-changed')).toBeVisible();
      await expect(page.locator('section.recommendation')).toHaveAttribute('aria-busy', 'false');
      const statusHeight = (await targets['status line'].boundingBox())?.height;
      await edit('40', 'launch-replacement');
      await expect(page.getByTestId('status-thinnest')).toBeVisible();
      // The answer has needed its room for both outcomes: from here on it keeps it.
      const settled = await boxes();
      expect((settled['status line'] as { height: number }).height).toBe(statusHeight);
      for (const [value, outcome] of [
        ['38', 'undecided'],
        ['40', 'launch-replacement'],
      ] as const) {
        await edit(value, outcome);
        expect(await boxes(), `after the edit to ${value}`).toEqual(settled);
      }
    });
  });
}
