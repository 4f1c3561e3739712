import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, openWalkthrough, stepUntil } from './support';

test('a source key in the timeline opens its citation in place; a web address is a link; Escape closes it', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  // At the end every step is applied (upcoming steps are drawn faded, which axe judges on their own).
  await page.keyboard.press('End');
  await expect(page.getByTestId('state-now')).toHaveText('crewHome');
  const landing = page.locator('.timeline-item').last();
  const key = landing.getByRole('button', { name: 'TASS-0927' });
  await key.click();
  await expect(key).toHaveAttribute('aria-expanded', 'true');
  const link = landing.getByRole('link', { name: /tass\.com\/science\/1681263/ });
  await expect(link).toHaveAttribute('href', 'https://tass.com/science/1681263');
  await expect(link).toHaveAttribute('target', '_blank');
  await expect(link).toHaveAttribute('rel', 'noopener noreferrer');
  await expectNoAxeViolations(page, '.timeline');

  await link.focus();
  await page.keyboard.press('Escape');
  await expect(link).toBeHidden();
  await expect(key).toBeFocused();
  await expect(key).toHaveAttribute('aria-expanded', 'false');

  // Keyboard only: the key opens with Enter; "assumed" is a word, not a key.
  await key.press('Enter');
  await expect(link).toBeVisible();
  await expect(page.locator('.timeline-item').nth(-2).locator('.timeline-sources')).toHaveText('Sources: NASA-LT, assumed');
});

test('a citation that is not an address is text; rule, vehicle and threshold sources open theirs too', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const timeline = page.getByRole('region', { name: 'Timeline' });
  const briefing = timeline.getByRole('button', { name: 'TEL-0111' }).first();
  await briefing.click();
  await expect(timeline.getByText('live report of the 11 Jan 2023 briefing (secondary)').first()).toBeVisible();
  await expect(timeline.locator('.source-citation').getByRole('link')).toHaveCount(0);

  const soyuz = page.locator('.vehicle-card').first();
  await soyuz.getByRole('button', { name: 'WP-SMS' }).first().click();
  await expect(soyuz.getByText("WP-SMS: cited in FACTS.md (not in this scenario's sources)")).toBeVisible();

  await page.getByRole('button', { name: 'source of Peak descent cabin temperature (nominal)' }).click();
  const thresholds = page.getByRole('region', { name: 'Acceptance thresholds' });
  await thresholds.getByRole('button', { name: '3001-SEC' }).click();
  await expect(thresholds.getByText("3001-SEC: cited in FACTS.md (not in this scenario's sources)")).toBeVisible();

  const ruleSource = page.locator('.rules td .source-key').first();
  await ruleSource.click();
  await expect(page.locator('.rules .source-citation').first()).not.toBeEmpty();
  await expectNoAxeViolations(page, '.rules');
});
