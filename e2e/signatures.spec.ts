import { readFile, writeFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { decide } from '../src/cli/decide';
import { keygen } from '../src/cli/keygen';
import { verify } from '../src/cli/verify';
import { runInProcess } from '../tests/cliHarness';
import { identify, openWalkthrough, sealAs, stepUntil } from './support';

// The CLI's commands run in this process, as the unit suite runs them (its smoke tests start the real programs).
const cli = { decide, keygen, verify };

test('decisions are signed in the browser, the export is sealed, and the CLI verifies it against the exported key', async ({
  page,
}, testInfo) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await identify(page, 'Ana Flight', 'flight director');
  await expect(page.getByTestId('decision')).toContainText('confirmed by Ana Flight');

  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByRole('button', { name: '18: show entry 18', exact: true }).click();
  const signature = page.getByTestId('entry-signature');
  await expect(signature).toHaveText(
    /^Signed by Ana Flight, flight director \([0-9a-f]{4}(·[0-9a-f]{4}){3}\) on .* UTC: approved the recommendation$/,
  );
  await page.getByRole('button', { name: '17: show entry 17', exact: true }).click();
  await expect(signature).toHaveText('None needed: a scripted step of the scenario, bound by the chain');
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: 'Verified 18 entries' })).toBeVisible();

  const packetDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  await sealAs(page);
  const packetPath = testInfo.outputPath('packet.json');
  await (await packetDownload).saveAs(packetPath);
  await page.getByText(/^Trusted keys/).click();
  const keyDownload = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export my public key' }).click();
  const keyPath = testInfo.outputPath('ana.pub.json');
  await (await keyDownload).saveAs(keyPath);

  const packet = JSON.parse(await readFile(packetPath, 'utf8'));
  expect(packet.seal).toMatchObject({ entryCount: 18, by: { name: 'Ana Flight', role: 'flight director' }, meaning: 'exported' });
  const verified = await runInProcess(cli.verify, packetPath, '--trust', keyPath);
  expect(verified.stdout).toContain('verified 18 entries');
  expect(verified.stdout).toContain('signatures: 1 entry signed, sealed, by Ana Flight, flight director');
  expect(verified.code).toBe(0);

  // The same record with the decision's actor rewritten: the signature no longer holds.
  packet.entries[17].event.by.name = 'Someone else';
  const forgedPath = testInfo.outputPath('forged.json');
  await writeFile(forgedPath, JSON.stringify(packet));
  expect((await runInProcess(cli.verify, forgedPath, '--trust', keyPath)).code).toBe(1);
});

test('a packet sealed by a key this browser does not trust is not opened until the key is imported', async ({
  page,
}, testInfo) => {
  const key = testInfo.outputPath('rita.key.json');
  expect((await runInProcess(cli.keygen, '--name', 'Rita Remote', '--role', 'flight director', '--out', key)).code).toBe(0);
  const packetPath = testInfo.outputPath('remote.packet.json');
  expect((await runInProcess(cli.decide, 'scenarios/soyuz-ms-22.json', '--out', packetPath, '--sign', key)).code).toBe(0);

  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByLabel('Import packet…').setInputFiles(packetPath);
  await expect(page.getByRole('alert')).toContainText('entry 29: sealed by');
  await expect(page.getByRole('alert')).toContainText('not a key trusted for Rita Remote (flight director). Not opened.');

  await page.getByText(/^Trusted keys/).click();
  await page.getByLabel('Import a public key…').setInputFiles(`${key}.pub.json`);
  await expect(page.getByRole('list', { name: 'Trusted keys' })).toContainText('Rita Remote, flight director');
  await page.getByLabel('Import packet…').setInputFiles(packetPath);
  await expect(page.getByRole('status').filter({ hasText: 'Verified 29 entries' })).toBeVisible();
});
