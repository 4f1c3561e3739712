import { readFile } from 'node:fs/promises';
import { expect, type Page, test } from '@playwright/test';
import { emergencyLimitField, identify, openWalkthrough, passphraseOf, stepUntil } from './support';

const entriesShown = async (page: Page) => {
  await page.getByRole('button', { name: 'Audit trail' }).click();
  const summary = (await page.locator('.audit-summary').textContent()) ?? '';
  await page.getByRole('button', { name: 'Walkthrough' }).click();
  return summary.match(/(\d+) entries/)?.[1];
};

test('a second person typing Ana’s name cannot sign as Ana: only her passphrase unlocks her key', async ({ page }) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const field = emergencyLimitField(page);
  await field.fill('41');
  await field.press('Enter');
  await identify(page, 'Ana Flight', 'flight director');
  await expect(page.locator('.operator')).toContainText(/Operator: Ana Flight \(flight director\) · key [0-9a-f]{4}·/);
  const anasKey = (await page.locator('.operator').textContent())?.match(/key (\S+)/)?.[1];

  // Ana steps away; the page is reloaded, which locks her key. Someone else types her name.
  await page.reload();
  const before = await entriesShown(page);
  await emergencyLimitField(page).fill('38');
  await emergencyLimitField(page).press('Enter');
  const dialog = page.getByRole('dialog', { name: 'Who is recording this change?' });
  await dialog.getByLabel('Name').fill('Ana Flight');
  await dialog.getByLabel('Role').fill('flight director');
  await dialog.getByLabel('Passphrase').fill('a plausible guess');
  await dialog.getByRole('button', { name: 'Record as me' }).click();
  await expect(dialog.getByRole('alert')).toContainText(
    `This passphrase opens no key of Ana Flight (flight director) kept in this browser (key ${anasKey}).`,
  );
  // Making a new key is offered, as a new identity: never Ana's.
  await expect(dialog.getByRole('button', { name: 'Make a new key for Ana Flight (flight director)' })).toBeVisible();
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.locator('.operator')).toContainText('Operator: not set');
  expect(await entriesShown(page)).toBe(before);

  // Ana herself, with her passphrase: the same key as before.
  await emergencyLimitField(page).fill('38');
  await emergencyLimitField(page).press('Enter');
  await dialog.getByLabel('Name').fill('Ana Flight');
  await dialog.getByLabel('Role').fill('flight director');
  await dialog.getByLabel('Passphrase').fill(passphraseOf('Ana Flight'));
  await dialog.getByRole('button', { name: 'Record as me' }).click();
  await expect(dialog).toBeHidden();
  await expect(page.locator('.operator')).toContainText(`key ${anasKey}`);
  expect(Number(await entriesShown(page))).toBe(Number(before) + 1);
});

test('15 minutes without a key press or a click lock the key: the next change asks for the passphrase again', async ({
  page,
}) => {
  await page.clock.install();
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await emergencyLimitField(page).fill('41');
  await emergencyLimitField(page).press('Enter');
  await identify(page, 'Ana Flight', 'flight director');
  await expect(page.locator('.operator')).toContainText('Operator: Ana Flight');
  await page.clock.fastForward('14:00');
  await expect(page.locator('.operator')).toContainText('Operator: Ana Flight');
  await page.clock.fastForward('01:01');
  await expect(page.locator('.operator')).toContainText('Operator: not set');
  await emergencyLimitField(page).fill('38');
  await emergencyLimitField(page).press('Enter');
  await identify(page, 'Ana Flight', 'flight director');
  await expect(page.locator('.operator')).toContainText('Operator: Ana Flight');
});

test('a decision is signed by its signer’s passphrase each time, even within a session; a wrong one records nothing', async ({
  page,
}) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await emergencyLimitField(page).fill('41');
  await emergencyLimitField(page).press('Enter');
  await identify(page, 'Ana Flight', 'flight director');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  const dialog = page.getByRole('dialog', { name: 'Sign as Ana Flight (flight director)' });
  // One component now: the name and role are hers already, the passphrase is asked again.
  await expect(dialog.getByLabel('Name')).toHaveCount(0);
  await dialog.getByLabel('Passphrase').fill('not hers');
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(dialog.getByRole('alert')).toContainText('This passphrase opens no key of Ana Flight (flight director)');
  await expect(dialog.getByRole('button', { name: /Make a new key/ })).toHaveCount(0);
  await dialog.getByRole('button', { name: 'Cancel' }).click();
  await expect(page.getByTestId('state-now')).toHaveText('anomaly.decision');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await dialog.getByLabel('Passphrase').fill(passphraseOf('Ana Flight'));
  await dialog.getByRole('button', { name: 'Sign' }).click();
  await expect(page.getByTestId('decision')).toContainText('confirmed by Ana Flight (flight director)');

  // The export's seal is her signature too: her passphrase again, and a wrong one exports nothing.
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  const seal = page.getByRole('dialog', { name: 'Seal the export as Ana Flight (flight director)' });
  await seal.getByLabel('Passphrase').fill('not hers either');
  await seal.getByRole('button', { name: 'Seal and export' }).click();
  await expect(seal.getByRole('alert')).toContainText('This passphrase opens no key of Ana Flight (flight director)');
  const download = page.waitForEvent('download');
  await seal.getByLabel('Passphrase').fill(passphraseOf('Ana Flight'));
  await seal.getByRole('button', { name: 'Seal and export' }).click();
  const packet = JSON.parse(await readFile((await (await download).path()) ?? '', 'utf8'));
  expect(packet.seal.signature.fingerprint).toBe(packet.entries.at(-1).signature.fingerprint);
});
