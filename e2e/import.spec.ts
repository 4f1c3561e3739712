import { readFileSync, writeFileSync } from 'node:fs';
import { expect, test } from '@playwright/test';
import { writeSignedLongPacket } from '../bench/audit';
import { parseScenario } from '../src/files/scenarioFile';
import { defaultProfile } from '../src/session/profile';
import { openWalkthrough, untilTheTestEnds } from './support';

/** A signed, sealed packet of about 20 MB: MS-22 to its decision, then operator changes and notes. */
async function bigPacketFile(path: string) {
  const parsed = parseScenario('soyuz-ms-22.json', readFileSync('scenarios/soyuz-ms-22.json', 'utf8'));
  if (!parsed.ok) throw new Error('soyuz-ms-22.json is invalid');
  return writeSignedLongPacket(parsed.value, await defaultProfile(), 4200, path);
}

test('a 20 MB packet is verified off the page thread with a progress bar, and its record is shown whole', async ({
  page,
}, testInfo) => {
  test.setTimeout(240_000);
  const path = testInfo.outputPath('big.packet.json');
  const { entries, megabytes, keyPath } = await bigPacketFile(path);
  expect(megabytes).toBeGreaterThan(19);
  await openWalkthrough(page, 'Nominal mission, no anomaly');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await page.getByLabel('Import a public key…').setInputFiles(keyPath);
  // How long the page's tasks are while importing is measured in `npm run bench`, not asserted here.
  await page.getByLabel('Import packet…').setInputFiles(path);
  await expect(page.getByRole('progressbar', { name: 'Importing the packet' })).toBeVisible();
  await expect(page.getByRole('status').filter({ hasText: `Verified ${entries} entries` })).toBeVisible(untilTheTestEnds);
  await expect(page.locator('.audit-summary')).toContainText(`${entries} entries`);
  await expect(page.getByRole('heading', { name: `Entry ${entries} of ${entries}` })).toBeVisible();

  // Only the rows near the view are rendered; the keys and the scroll reach every one.
  expect(await page.locator('.audit-table tbody tr[data-seq]').count()).toBeLessThan(500);
  await page.getByRole('button', { name: '1: show entry 1', exact: true }).click();
  await page.keyboard.press('End');
  await expect(page.getByRole('heading', { name: `Entry ${entries} of ${entries}` })).toBeVisible();
  await expect(page.getByRole('button', { name: `${entries}: show entry ${entries}`, exact: true })).toBeFocused();
  await page.keyboard.press('PageUp');
  await expect(page.getByRole('heading', { name: `Entry ${entries - 10} of ${entries}` })).toBeVisible();
  await page.keyboard.press('Home');
  await expect(page.getByRole('button', { name: '1: show entry 1', exact: true })).toBeFocused();
  await page.locator('.audit-scroll').evaluate((pane) => {
    pane.scrollTop = pane.scrollHeight / 2;
  });
  await expect(page.locator(`.audit-table tr[data-seq="${entries / 2}"]`)).toBeInViewport();
});

const malformed = [
  ['empty.json', '', 'well-formed JSON'],
  ['truncated.json', '{"format":"crew-return-decision-packet","entries":[', 'well-formed JSON'],
  ['binary.json', '\u0000\u0001PK\u0003\u0004', 'well-formed JSON'],
  ['array.json', '[1, 2, 3]', 'expected'],
  ['not-a-packet.json', '{"format":"something else"}', 'format'],
] as const;

// One page for all five: each refusal names its own file, so the alert checked is the one that file raised.
test('a malformed packet (empty, truncated, binary, an array, not a packet) is refused with a message', async ({
  page,
}, testInfo) => {
  await openWalkthrough(page, 'Nominal mission, no anomaly');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  for (const [name, text, expected] of malformed) {
    await test.step(name, async () => {
      const path = testInfo.outputPath(name);
      writeFileSync(path, text);
      await page.getByLabel('Import packet…').setInputFiles(path);
      await expect(page.getByRole('alert')).toContainText(name);
      await expect(page.getByRole('alert')).toContainText(expected);
      await expect(page.getByRole('progressbar')).toHaveCount(0);
    });
  }
});
