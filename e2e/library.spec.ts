import { readdirSync } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { emergencyLimitField, expectNoAxeViolations, ms22DecisionWithEmergencyLimit } from './support';

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
  await ms22DecisionWithEmergencyLimit(page, '41');

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
  await expect(emergencyLimitField(page)).toHaveValue('41');
  await expect(page.getByRole('region', { name: /Recorded by operators \(1\)/ })).toBeVisible();
});

test('a scenario file that is not UTF-8, or has a field no event knows, is refused with where', async ({ page }) => {
  await page.goto('/');
  const ms22 = await readFile('scenarios/soyuz-ms-22.json');
  const chooser = page.getByLabel('Choose scenario file…');
  const latin1 = Buffer.concat([ms22.subarray(0, 1234), Buffer.from([0xe9]), ms22.subarray(1234)]);
  await chooser.setInputFiles({ name: 'latin1.json', mimeType: 'application/json', buffer: latin1 });
  const problems = page.getByRole('alert');
  await expect(problems).toContainText('problem in latin1.json');
  await expect(problems).toContainText('not UTF-8 at byte 1,234');

  const scenario = JSON.parse(ms22.toString('utf8'));
  const i = scenario.events.findIndex((e: { holdDays?: unknown }) => e.holdDays);
  scenario.events[i].holdDay = scenario.events[i].holdDays;
  delete scenario.events[i].holdDays;
  const misspelt = Buffer.from(JSON.stringify(scenario));
  await chooser.setInputFiles({ name: 'hold-day.json', mimeType: 'application/json', buffer: misspelt });
  await expect(problems).toContainText(`events[${i}].holdDay: unknown field; expected one of`);
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
  await expect(page.getByTestId('state-now')).toHaveText('crewHome');
});

/** Ids in the browser's store of opened scenarios, read the way the app keeps them. */
const storedScenarioIds = (page: Page) =>
  page.evaluate(
    () =>
      new Promise<string[]>((resolve, reject) => {
        const request = indexedDB.open('crew-return-decision-support');
        request.onerror = () => reject(request.error);
        request.onsuccess = () => {
          const db = request.result;
          const keys = db.transaction('openedScenarios').objectStore('openedScenarios').getAllKeys();
          keys.onsuccess = () => {
            resolve(keys.result.map(String));
            db.close();
          };
        };
      }),
  );

test('a file with a built-in id opens as an imported copy beside it, and stays across reloads until removed', async ({
  page,
}) => {
  await page.goto('/');
  const ms22 = JSON.parse(await readFile('scenarios/soyuz-ms-22.json', 'utf8'));
  const claim = { ...ms22, expected: { ...ms22.expected, outcome: 'emergency-return' } };
  const builtIn = page.locator('.scenario-card:not(.imported)').filter({ hasText: 'Soyuz MS-22 coolant leak' });
  const copy = page.locator('.scenario-card.imported');
  const builtInText = await builtIn.textContent();
  expect(builtInText).toContain('expected launch-replacement');

  await page
    .getByLabel('Choose scenario file…')
    .setInputFiles({ name: 'ms22-edited.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(claim)) });
  await expect(page.getByRole('heading', { level: 2, name: 'Soyuz MS-22 coolant leak' })).toBeVisible();
  await expect(page.getByRole('complementary', { name: 'Where this scenario comes from' })).toContainText(
    'opened from the file ms22-edited.json (kept as soyuz-ms-22-imported-2)',
  );
  // At the end no step is drawn faded as upcoming (those fail axe's contrast on their own).
  await page.keyboard.press('End');
  await expect(page.getByTestId('state-now')).toHaveText('crewHome');
  await expectNoAxeViolations(page, '.timeline');
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await expect(builtIn).toHaveCount(1);
  await expect(builtIn).toHaveText(builtInText ?? '');
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText('imported from file ms22-edited.json');
  await expect(copy).toContainText("the file's id soyuz-ms-22 was taken: kept as soyuz-ms-22-imported-2");
  await expect(copy).toContainText('expected emergency-return');
  await expect(copy).toContainText('open now');
  await expectNoAxeViolations(page);

  await expect.poll(() => storedScenarioIds(page)).toEqual(['soyuz-ms-22-imported-2']);
  await page.reload();
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await expect(copy).toHaveCount(1);
  await expect(copy).toContainText('ms22-edited.json');
  await expect(builtIn).toContainText('expected launch-replacement');

  await page.getByRole('button', { name: 'Remove imported Soyuz MS-22 coolant leak (ms22-edited.json)' }).click();
  await expect(copy).toHaveCount(0);
  await expect.poll(() => storedScenarioIds(page)).toEqual([]);
  await page.reload();
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await expect(builtIn).toHaveCount(1);
  await expect(copy).toHaveCount(0);
});

test("a card's sources list each key with its citation, a web address as a link", async ({ page }) => {
  await page.goto('/');
  const card = page.locator('.scenario-card').filter({ hasText: 'Soyuz MS-22 coolant leak' });
  await card.getByRole('button', { name: '27 sources' }).click();
  const list = card.getByRole('list', { name: 'Sources of Soyuz MS-22 coolant leak' });
  await expect(list).toContainText('TEL-0111');
  await expect(list).toContainText('live report of the 11 Jan 2023 briefing (secondary)');
  await expect(list.getByRole('link', { name: /tass\.com\/science\/1561113/ })).toHaveAttribute(
    'href',
    'https://tass.com/science/1561113',
  );
  await expectNoAxeViolations(page);
});

test('a stored scenario that no longer validates is reported by file, field and expectation, and not offered', async ({
  page,
}) => {
  await page.goto('/');
  await expect(page.getByRole('heading', { name: 'Scenario library' })).toBeVisible();
  await expect.poll(() => storedScenarioIds(page)).toEqual([]);
  const ms22 = JSON.parse(await readFile('scenarios/soyuz-ms-22.json', 'utf8'));
  const { title: _, ...untitled } = { ...ms22, id: 'old-copy' };
  await page.evaluate(
    (record) =>
      new Promise<void>((resolve, reject) => {
        const request = indexedDB.open('crew-return-decision-support');
        request.onsuccess = () => {
          const tx = request.result.transaction('openedScenarios', 'readwrite');
          tx.objectStore('openedScenarios').put(record);
          tx.oncomplete = () => {
            request.result.close();
            resolve();
          };
          tx.onerror = () => reject(tx.error);
        };
      }),
    { id: 'old-copy', scenario: untitled, fileName: 'old-copy.json', idInFile: 'old-copy', addedUtc: '2026-11-27T08:00:00Z' },
  );
  await page.reload();
  const report = page.getByRole('alert').filter({ hasText: 'no longer validates' });
  await expect(report).toContainText('1 problem in old-copy.json');
  await expect(report).toContainText('title: missing; expected the title');
  await expect(page.locator('.scenario-card.imported')).toHaveCount(0);
  await expectNoAxeViolations(page);

  await page.getByRole('button', { name: 'Remove unreadable old-copy.json' }).click();
  await expect(report).toHaveCount(0);
  await expect.poll(() => storedScenarioIds(page)).toEqual([]);
});
