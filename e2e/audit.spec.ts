import { readFile, writeFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { addNote, auditAtSoyuzDecision } from './auditSupport';
import {
  emergencyLimitField,
  expectNoAxeViolations,
  identify,
  keepScreenshot,
  openWalkthrough,
  outcome,
  sealAs,
  stepUntil,
} from './support';

test('a reload mid-walkthrough restores the session exactly: step, thresholds and trail; the key is locked again', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const input = emergencyLimitField(page);
  await input.fill('41');
  await input.press('Enter');
  await identify(page, 'Rhea Load', 'flight director');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('18 entries');
  const head = await page.locator('.audit-summary code').textContent();

  await page.reload();
  await expect(page.getByText('Step 17 of 29')).toBeVisible();
  await expect(emergencyLimitField(page)).toHaveValue('41');
  // A reload forgets every unlocked key: whoever records next identifies again, with their passphrase.
  await expect(page.locator('.operator')).toContainText('Operator: not set');
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
  await expect(emergencyLimitField(page)).toHaveValue('41');
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
  await expect(page.getByTestId('state-now')).toHaveText('returnReducedCrew.relocatingSeats');

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
  await expectNoAxeViolations(page, 'main.audit');
  await keepScreenshot(page, testInfo, 'audit-view');

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  await sealAs(page, 'Otto Ride', 'mission manager');
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
  // The latest entry is selected first; entry 1 is one click away.
  await expect(page.getByRole('heading', { name: 'Entry 19 of 19' })).toBeVisible();
  await expect(page.getByTestId('entry-details')).toContainText('note: Crew briefed on the waiver');
  await page.getByRole('button', { name: '1: show entry 1', exact: true }).click();
  await expect(page.getByTestId('entry-state')).toHaveText('docked → anomaly.safing');
  await page.getByRole('button', { name: 'Next entry →' }).click();
  await expect(page.getByTestId('entry-state')).toHaveText('anomaly.safing → anomaly.inspection');
  await page.getByRole('button', { name: '18: show entry 18', exact: true }).click();
  await expect(page.getByTestId('entry-state')).toHaveText('anomaly.decision → returnReducedCrew.relocatingSeats');
  await expect(page.getByLabel('Add a note to the record')).toHaveCount(0);

  // Replayed in the walkthrough, read-only: it steps through the record; nothing that changes it can act.
  await page.getByRole('button', { name: 'Replay in walkthrough' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Replaying packet.json, read-only' })).toBeVisible();
  await expect(page.getByTestId('state-now')).toHaveText('docked');
  await page.keyboard.press('End');
  await expect(page.getByTestId('state-now')).toHaveText('returnReducedCrew.relocatingSeats');
  await expect(page.getByTestId('decision')).toContainText('Otto Ride');
  await expect(emergencyLimitField(page)).toBeDisabled();
  await expect(page.getByTestId('thresholds-read-only')).toContainText('read-only replay of packet.json');
  await page.getByRole('button', { name: 'Leave the replay' }).click();
  await page.getByRole('button', { name: 'Audit trail' }).click();

  // A tampered copy is refused with the entry and the reason.
  packet.entries[17].event.by.name = 'Someone else';
  const tamperedPath = testInfo.outputPath('tampered.json');
  await writeFile(tamperedPath, JSON.stringify(packet));
  await page.getByLabel('Import packet…').setInputFiles(tamperedPath);
  await expect(page.getByRole('alert')).toContainText(
    'tampered.json: entry 18: contents do not match its hash (altered). Not opened.',
  );
});

test('when the browser cannot store the session (a real quota), a banner says so, nothing is lost and export still works', async ({
  page,
  baseURL,
}) => {
  // Chromium's own quota for the origin, set below anything it could store: every write really fails
  // when its transaction commits, with a QuotaExceededError whose message is empty. (Set before the
  // page opens its database: Chromium keeps an open database's free space cached for a while.)
  const cdp = await page.context().newCDPSession(page);
  const origin = new URL(baseURL ?? '').origin;
  await cdp.send('Storage.overrideQuotaForOrigin', { origin, quotaSize: 1 });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await expect(page.getByRole('alert').filter({ hasText: 'could not store the session' })).toContainText(
    "the browser's storage quota for this site is used up (QuotaExceededError)",
  );
  const status = page.getByTestId('save-status');
  await expect(status).toHaveAttribute('data-kind', 'unsaved');
  await expect(status).toHaveAttribute('data-stored-entries', '0');

  // Nothing in memory is dropped: the trail has every entry, verifies, and the packet exports them all.
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('17 entries');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified 17 entries' })).toBeVisible();
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  const exported = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8'));
  expect(exported.entryCount).toBe(17);

  // Once the browser has room again, the next change stores everything kept in memory.
  await cdp.send('Storage.overrideQuotaForOrigin', { origin });
  await addNote(page, 'Storage back');
  await identify(page);
  await expect(status).toHaveAttribute('data-kind', 'saved');
  await expect(status).toHaveAttribute('data-stored-entries', '18');
  await expect(page.getByRole('alert').filter({ hasText: 'could not store the session' })).toHaveCount(0);
  await page.reload();
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('18 entries');
});

const greenVerdict = (page: Page) => page.locator('.verified');

test('free-text search narrows the entries by any of their text and clearing it restores them all', async ({ page }) => {
  await auditAtSoyuzDecision(page);
  await addNote(page, 'Crew briefed on the thermal waiver');
  await identify(page, 'Vera Review', 'flight surgeon');
  await expect(page.locator('.audit-summary')).toContainText('18 entries');
  const search = page.getByRole('searchbox', { name: 'Search' });
  const rows = page.locator('.audit-table tbody tr');
  const count = page.locator('.audit-count');
  await expect(count).toHaveText('18 of 18 entries');

  // A note's text, an actor, a state name, an event type and an outcome each find their entries.
  for (const [text, expected] of [
    ['briefed waiver', [18]],
    ['vera review', [18]],
    ['flight surgeon', [18]],
    ['Canadarm2', [6]],
    ['anomaly.decision', [17, 18]],
    ['assessment.complete', [17]],
    ['launch-replacement', [15, 16, 17, 18]],
  ] as const) {
    await search.fill(text);
    await expect(rows).toHaveCount(expected.length);
    await expect(count).toHaveText(`${expected.length} of 18 entries`);
    expect(await rows.evaluateAll((trs) => trs.map((tr) => Number((tr as HTMLElement).dataset.seq)))).toEqual(expected);
  }
  await search.fill('no entry says this');
  await expect(rows).toHaveCount(0);
  await expect(count).toHaveText('0 of 18 entries');

  // Search and filters combine; clearing restores all.
  await search.fill('waiver');
  await page.getByLabel('Event type').selectOption('assessment.complete');
  await expect(rows).toHaveCount(0);
  await page.getByLabel('Event type').selectOption('');
  await expect(rows).toHaveCount(1);
  await search.fill('');
  await expect(rows).toHaveCount(18);
  await expect(count).toHaveText('18 of 18 entries');
  await search.fill('waiver');
  await page.getByRole('button', { name: 'Show all' }).click();
  await expect(search).toHaveValue('');
  await expect(rows).toHaveCount(18);
});

test('a verdict belongs to the record it checked: a new entry or another packet takes it off the screen', async ({
  page,
}, testInfo) => {
  await auditAtSoyuzDecision(page);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified 17 entries' })).toBeVisible();

  // A new entry: the verdict on 17 entries says nothing about 18.
  await addNote(page, 'Checked the chain before the debrief');
  await identify(page, 'Vera Review', 'flight surgeon');
  await expect(page.locator('.audit-summary')).toContainText('18 entries');
  await expect(greenVerdict(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Verified' })).toHaveCount(0);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified 18 entries' })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  await sealAs(page, 'Vera Review', 'flight surgeon');
  const packetPath = testInfo.outputPath('packet.json');
  await (await download).saveAs(packetPath);
  const packet = JSON.parse(await readFile(packetPath, 'utf8'));
  packet.entries[4].event.by.name = 'Someone else';
  const tamperedPath = testInfo.outputPath('tampered.json');
  await writeFile(tamperedPath, JSON.stringify(packet));

  // Importing a tampered packet over a verified session: only the red error is on screen.
  await page.getByLabel('Import packet…').setInputFiles(tamperedPath);
  await expect(page.getByRole('alert')).toContainText(
    'tampered.json: entry 5: contents do not match its hash (altered). Not opened.',
  );
  await expect(greenVerdict(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Verified' })).toHaveCount(0);

  // A good packet is verified on import; that verdict is the packet's, not the session's.
  await page.getByLabel('Import packet…').setInputFiles(packetPath);
  await expect(page.getByRole('alert')).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Verified 18 entries' })).toBeVisible();
  await page.getByRole('radio', { name: 'This session' }).check();
  await expect(greenVerdict(page)).toHaveCount(0);
  await page.getByRole('radio', { name: /Imported packet\.json/ }).check();
  await expect(greenVerdict(page)).toHaveCount(1);

  // And a tampered packet after it takes that verdict away too.
  await page.getByLabel('Import packet…').setInputFiles(tamperedPath);
  await expect(page.getByRole('alert')).toContainText('entry 5: contents do not match its hash');
  await expect(greenVerdict(page)).toHaveCount(0);
  await expect(page.getByRole('status').filter({ hasText: 'Verified' })).toHaveCount(0);
  await expectNoAxeViolations(page, 'main.audit');
});
