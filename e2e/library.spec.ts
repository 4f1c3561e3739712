import { readdirSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { identify, openWalkthrough, stepUntil } from './support';

const invalidScenario = JSON.stringify({ id: 'Bad Id', title: 'x', kind: 'fictional', events: [{ type: 'anomaly.panic' }] });

test('lists the built-in scenarios with kind, summary and number of sources', async ({ page }) => {
  await page.goto('/');
  const cards = page.locator('.scenario-card');
  const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');
  await expect(cards).toHaveCount(files.length);
  expect(files.length).toBeGreaterThanOrEqual(10);
  await expect(cards.filter({ hasText: 'Soyuz MS-22 coolant leak' })).toContainText('historical · 27 sources');
  await expect(cards.filter({ hasText: 'Station emergency' })).toContainText('hypothetical');
});

test('an invalid scenario file shows its problems and leaves the open session intact', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const input = page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ });
  await input.fill('41');
  await input.press('Enter');
  await identify(page);

  await page.getByRole('button', { name: 'Scenario library' }).click();
  await page
    .getByLabel('Choose scenario file…')
    .setInputFiles({ name: 'broken.json', mimeType: 'application/json', buffer: Buffer.from(invalidScenario) });
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('The file was not opened; the open session is unchanged.');
  await expect(problems).toContainText('problems in broken.json');
  await expect(problems).toContainText('id: expected a lower-case id');
  await expect(problems).toContainText('kind: expected');
  await expect(problems).toContainText('events[0].type: expected a known event type');

  // Malformed JSON dropped onto the page: same treatment.
  await page.locator('.drop-zone').evaluate((zone) => {
    const data = new DataTransfer();
    data.items.add(new File(['{"id": '], 'truncated.json', { type: 'application/json' }));
    zone.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
  });
  await expect(problems).toContainText('truncated.json');
  await expect(problems).toContainText('well-formed JSON');

  await page.getByRole('button', { name: 'Walkthrough' }).click();
  await expect(page.getByText('Step 17 of 29')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ })).toHaveValue('41');
  await expect(page.getByRole('region', { name: /Recorded by operators \(1\)/ })).toBeVisible();
});

test('a valid scenario file opens as a walkthrough', async ({ page }) => {
  await page.goto('/');
  const scenario = await (await import('node:fs/promises')).readFile('scenarios/nominal-mission.json', 'utf8');
  const custom = scenario
    .replace('"id": "nominal-mission"', '"id": "my-nominal"')
    .replace('Nominal mission, no anomaly', 'My own nominal mission');
  await page
    .getByLabel('Choose scenario file…')
    .setInputFiles({ name: 'mine.json', mimeType: 'application/json', buffer: Buffer.from(custom) });
  await expect(page.getByRole('heading', { level: 2, name: 'My own nominal mission' })).toBeVisible();
  await page.keyboard.press('End');
  await expect(page.locator('.chart-now strong')).toHaveText('crewHome');
});
