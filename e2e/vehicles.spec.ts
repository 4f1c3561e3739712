import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openWalkthrough, outcome, stepUntil } from './support';

test('each vehicle is a card with its class, facts, overrides and sources; the plan says the damaged vehicle leaves uncrewed at once', async ({
  page,
}) => {
  await openWalkthrough(page, 'Late-life coolant leak: the whole crew waits on Dragon, the Soyuz leaves uncrewed');
  await stepUntil(page, 'anomaly.decision');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');

  const vehicles = page.getByRole('region', { name: 'Vehicles' });
  const cards = vehicles.getByRole('article');
  await expect(cards).toHaveCount(3);
  const soyuz = cards.nth(0);
  await expect(soyuz).toContainText('Soyuz MS (crew), damaged');
  await expect(soyuz.getByRole('row', { name: /Certified docked life/ })).toContainText('210 days');
  await expect(soyuz.getByRole('row', { name: /Certified docked life/ })).toContainText('WP-SMS');
  await expect(soyuz.getByRole('row', { name: /^ballistic: peak g-load \d/ })).toContainText('8.6 g');
  await expect(vehicles.getByRole('article').filter({ hasText: 'Progress MS (cargo)' })).toContainText('not found');

  await expect(page.getByTestId('uncrewed-departure')).toContainText('leaves uncrewed at once');
  await expectNoAxeViolations(page, 'section.vehicles');
});

test('what would change it lists assessed values as well as thresholds, nearest first', async ({ page }) => {
  await openWalkthrough(page, 'Main engine failed late in life: two crew come home on the backup deorbit thrusters');
  await stepUntil(page, 'anomaly.decision');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'emergency-return');
  const flip = page.locator('.input-flips li[data-quantity="backupDeorbitDeltaVAvailableMps"]');
  await flip.scrollIntoViewIfNeeded();
  await expect(flip).toHaveText(
    'If the low estimate of Deorbit delta-v available (backup engine) were < 128 m/s (now 132 m/s), the recommendation would become “Undecided: escalate”',
  );
  await expect(page.locator('.seat-plan')).toContainText('degraded: accepted in the emergency tier only');
  await expect(page.locator('.flip-points tr[data-threshold="maxImprovisedSeatsPerVehicle"]')).toBeAttached();
});
