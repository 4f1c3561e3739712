import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, identify, openWalkthrough, outcome, sign, stepUntil } from './support';

const title = 'Cracked window: this crew goes home in the newer ship, its crew waits without a lifeboat';

test('a crew swap that leaves a crew without a lifeboat is decided only with its acceptance, given by the operator', async ({
  page,
}) => {
  await openWalkthrough(page, title);
  await stepUntil(page, 'anomaly.decision');
  // The default profile allows no day without a lifeboat: escalate, and the crew-swap row says what it would need.
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'undecided');
  await page.keyboard.press('ArrowRight');
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await page.getByRole('button', { name: /^Decide yourself from step \d+/ }).click();
  await expect(page.getByTestId('state-now')).toHaveText('anomaly.decision');

  const acceptance = page.getByRole('group', { name: 'A period without a lifeboat' });
  await expect(acceptance).toContainText('wait up to 16 days without a lifeboat');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await identify(page, 'Ana Flight', 'flight director');
  await expect(
    page
      .getByRole('region', { name: 'Decision', exact: true })
      .getByText(/Not recorded: the plan leaves .* without a lifeboat for up to 16 days/),
  ).toBeVisible();
  await expect(page.getByTestId('decision')).toHaveCount(0);

  await acceptance.getByRole('checkbox').check();
  await acceptance.getByLabel('Why it is accepted').fill('a standby ship can launch within 16 days');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await sign(page);
  await expect(page.getByTestId('decision')).toContainText('confirmed by Ana Flight (flight director)');
  await expect(page.getByTestId('state-now')).toHaveText('replacementCampaign.interimPlan');
  await expectNoAxeViolations(page, '.center-column');
});
