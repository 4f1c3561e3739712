import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, identify, keepScreenshot, openWalkthrough, outcome, stepUntil } from './support';

test('a reload mid-walkthrough restores the session exactly: step, thresholds, operator and trail', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const input = page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ });
  await input.fill('41');
  await input.press('Enter');
  await identify(page, 'Rhea Load', 'flight director');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('18 entries');
  const head = await page.locator('.audit-summary code').textContent();

  await page.reload();
  await expect(page.getByText('Step 17 of 29')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ })).toHaveValue('41');
  await expect(page.getByText('Operator: Rhea Load (flight director)')).toBeVisible();
  await expect(outcome(page)).toHaveAttribute('data-outcome', 'launch-replacement');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary code')).toHaveText(head ?? '');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified 18 entries' })).toBeVisible();

  // Past sessions are listed and can be reopened.
  await openWalkthrough(page, 'Nominal mission, no anomaly');
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Scenario library' }).click();
  const past = page.getByRole('region', { name: /Past sessions/ });
  await expect(past.locator('tbody tr')).toHaveCount(2);
  await past.getByRole('button', { name: /^Reopen Soyuz MS-22 coolant leak/ }).click();
  await expect(page.getByText('Step 17 of 29')).toBeVisible();
  await expect(page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ })).toHaveValue('41');
});

test('the print view reads as a decision record', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await page.keyboard.press('End');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('29 entries');
  await page.emulateMedia({ media: 'print' });
  const record = page.locator('.print-record');
  await expect(record).toBeVisible();
  await expect(record).toContainText('Decision record: Soyuz MS-22 coolant leak');
  await expect(record).toContainText('Outcome: launch-replacement (decision)');
  await expect(record).toContainText(
    'Decision: launch-replacement, confirmed by State commission (Roscosmos), NASA concurring (decision authority) at 2023-01-11 12:00 UTC',
  );
  await expect(record).toContainText('thresholds at the decision: profile default');
  await expect(
    record.locator('[data-field="deciding-rules"] tr').filter({ hasText: 'thermal.peak-cabin-temp' }).first(),
  ).toContainText('43 °C (nominal 40 °C)');
  await expect(record).toContainText(/head hash [0-9a-f]{64}/);
  // One document: nothing but the record takes space when printed, so no page is left blank.
  const { pageHeight, recordHeight } = await page.evaluate(() => ({
    pageHeight: document.documentElement.scrollHeight,
    recordHeight: document.querySelector('.print-record')?.getBoundingClientRect().height ?? 0,
  }));
  expect(recordHeight).toBeGreaterThan(0);
  expect(pageHeight).toBeLessThanOrEqual(recordHeight + 40);
  const pdf = (await page.pdf({ format: 'A4' })).toString('latin1');
  const pages = pdf.match(/\/Type\s*\/Page[^s]/g)?.length ?? 0;
  // A4 at 96 px/in with the default margins holds about 1,000 CSS px of content.
  expect(pages).toBeLessThanOrEqual(Math.ceil(recordHeight / 1000) + 1);
});

test('the audit view filters, marks overrides, and exports a packet that imports, verifies and replays', async ({
  page,
}, testInfo) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const decision = page.getByRole('region', { name: 'Decision' });
  await decision.getByLabel('Override to').selectOption('return-reduced-crew');
  await decision.getByLabel('Rationale').fill('Waiver: cooling garments for two');
  await decision.getByRole('button', { name: 'Override' }).click();
  await identify(page, 'Otto Ride', 'mission manager');
  await expect(page.locator('.chart-now strong')).toHaveText('returnReducedCrew.relocatingSeats');

  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByLabel('Add a note to the record').fill('Crew briefed on the waiver');
  await page.getByRole('button', { name: 'Add note' }).click();
  await expect(page.locator('.audit-summary')).toContainText('19 entries');
  await page.getByLabel('Event type').selectOption('decision.override');
  const rows = page.locator('.audit-table tbody tr');
  await expect(rows).toHaveCount(1);
  await expect(rows.first()).toHaveClass(/override/);
  await expect(rows.first()).toContainText('OVERRIDE to return-reduced-crew: Waiver: cooling garments for two');
  await page.getByLabel('Event type').selectOption('');
  await page.getByLabel('Actor').selectOption('Otto Ride (mission manager)');
  await expect(rows).toHaveCount(2);
  await page.getByLabel('Actor').selectOption('');
  await expectNoAxeViolations(page);
  await keepScreenshot(page, testInfo, 'audit-view');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  const packetPath = testInfo.outputPath('packet.json');
  await (await download).saveAs(packetPath);
  const packet = JSON.parse(await readFile(packetPath, 'utf8'));
  expect(packet.entryCount).toBe(19);

  // A fresh page imports the packet: verified first, then read-only, replayable entry by entry.
  await page.goto('/');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByLabel('Import packet…').setInputFiles(packetPath);
  await expect(page.getByRole('status').filter({ hasText: 'Verified 19 entries' })).toBeVisible();
  await expect(page.locator('.audit-summary')).toContainText('read-only');
  await expect(page.getByTestId('entry-state')).toHaveText('docked → anomaly.safing');
  await page.getByRole('button', { name: 'Next entry →' }).click();
  await expect(page.getByTestId('entry-state')).toHaveText('anomaly.safing → anomaly.inspection');
  await page.getByRole('button', { name: '18: show entry 18' }).click();
  await expect(page.getByTestId('entry-state')).toHaveText('anomaly.decision → returnReducedCrew.relocatingSeats');
  await expect(page.getByLabel('Add a note to the record')).toHaveCount(0);

  // A tampered copy is refused with the entry and the reason.
  packet.entries[17].event.by.name = 'Someone else';
  const tamperedPath = testInfo.outputPath('tampered.json');
  await writeFile(tamperedPath, JSON.stringify(packet));
  await page.getByLabel('Import packet…').setInputFiles(tamperedPath);
  await expect(page.getByRole('alert')).toContainText(
    'tampered.json: entry 18: contents do not match its hash (altered). Not opened.',
  );
});

test('when the browser cannot store the session, a banner says so, nothing is lost and export still works', async ({ page }) => {
  await page.addInitScript(() => {
    IDBObjectStore.prototype.put = () => {
      throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
    };
  });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await expect(page.getByRole('alert').filter({ hasText: 'could not store the session' })).toContainText(
    'quota has been exceeded',
  );
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('17 entries');
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  expect((await download).suggestedFilename()).toBe('soyuz-ms-22.packet.json');
});
