import { readFile } from 'node:fs/promises';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations, identify, openWalkthrough, passphraseOf, sealAs, sign, stepUntil } from './support';

test('a GO/NO-GO poll: positions answer in turn under their own names, a formal dissent holds Confirm and Override until its disposition, the decision names both, and every vote is signed', async ({
  page,
}, testInfo) => {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const decision = page.getByRole('region', { name: 'Decision', exact: true });
  const poll = decision.getByRole('region', { name: 'GO/NO-GO poll' });

  // The profile's positions, edited by keyboard: three left out, one added.
  for (const position of ['propulsion', 'program manager', 'partner agency']) {
    await poll.getByRole('checkbox', { name: position }).focus();
    await page.keyboard.press('Space');
  }
  await poll.getByLabel('Add a position').fill('range safety');
  await page.keyboard.press('Enter');
  await expect(poll.getByRole('checkbox', { name: 'range safety' })).toBeChecked();
  await poll.getByRole('button', { name: 'Open poll' }).click();
  await identify(page, 'Ana Flight', 'flight director');

  const table = poll.getByRole('table');
  await expect(table).toContainText(/Poll 1 on launch-replacement, opened by Ana Flight \(flight director\)/);
  await expect(decision.getByRole('button', { name: /^Confirm: / })).toBeDisabled();
  await expect(decision).toContainText(
    'Not available: poll 1 is open and flight director, thermal, crew surgeon, range safety have not answered',
  );
  await expectNoAxeViolations(page, '.decision-panel');

  const answer = async (position: string, name: string, call: string, rationale = '') => {
    await expect(poll.getByLabel('Answering for')).toHaveValue(position);
    await poll.getByLabel(`Name of the ${position} operator`).fill(name);
    await poll.getByLabel(`Passphrase of the ${position} operator`).fill(passphraseOf(name));
    await poll.getByRole('radio', { name: call, exact: true }).check();
    await poll.getByLabel(/^Rationale/).fill(rationale);
    await poll.getByRole('button', { name: `Sign and record the ${position} call` }).click();
  };
  await answer('flight director', 'Ana Flight', 'GO');
  await answer('thermal', 'Tess Thermal', 'GO, disagrees but supports', 'margin is thin at 3 crew');
  await answer('crew surgeon', 'Cy Surgeon', 'NO-GO, FORMAL DISSENT: escalate');
  await expect(poll.getByRole('alert')).toHaveText('Not recorded: a formal dissent needs a rationale (it is escalated).');
  await poll.getByLabel(/^Rationale/).fill('humidity in the descent cabin is not assessed');
  await poll.getByRole('button', { name: 'Sign and record the crew surgeon call' }).click();
  // Another position picked out of turn: the select chooses who answers.
  await answer('range safety', 'Ray Range', 'abstain');
  await expect(table).toContainText(
    '2 GO (1 disagrees but supports), 1 NO-GO, 1 abstain; 1 formal dissent (crew surgeon), awaiting its disposition; every position answered; closed to answers',
  );

  // The formal dissent holds the decision: neither Confirm nor Override goes through until its disposition.
  await expect(decision.getByRole('button', { name: /^Confirm: / })).toBeDisabled();
  await expect(decision).toContainText('Not available: poll 1 has a formal dissent (crew surgeon)');
  await expect(decision.getByRole('button', { name: 'Override' })).toBeDisabled();
  await expect(page.getByTestId('decision')).toHaveCount(0);
  const disposition = poll.getByRole('group', { name: /the formal dissent of crew surgeon holds the decision/ });
  await disposition.getByRole('radio', { name: 'Escalated' }).check();
  await disposition.getByRole('button', { name: 'Sign and record the disposition' }).click();
  await expect(poll.getByRole('alert')).toHaveText('Name whom the dissent is escalated to.');
  await disposition.getByLabel('Escalated to').fill('the program manager');
  await disposition.getByLabel('Rationale').fill('humidity to be assessed before undocking');
  await disposition.getByRole('button', { name: 'Sign and record the disposition' }).click();
  await sign(page);
  await expect(table).toContainText('1 formal dissent (crew surgeon), escalated to the program manager by Ana Flight');

  await decision.getByRole('button', { name: /^Confirm: / }).click();
  await sign(page);
  await expect(page.getByTestId('decision')).toContainText(
    'after poll 1 (its formal dissent escalated to the program manager by Ana Flight (flight director)',
  );

  await page.getByRole('button', { name: 'Audit trail' }).click();
  const polls = page.getByRole('region', { name: 'GO/NO-GO polls' });
  await expect(polls).toContainText('the decision was taken with it');
  const surgeonRow = polls.getByRole('row', { name: /crew surgeon Cy Surgeon/ });
  await expect(surgeonRow).toContainText('FORMAL DISSENT: escalate');
  await expect(surgeonRow).toContainText(
    /Signed by Cy Surgeon, crew surgeon \([0-9a-f·]{19}\) on .* UTC: voted NO-GO for crew surgeon, dissented formally \(escalate\)/,
  );
  await expect(page.getByTestId('print-record').locator('[data-field="poll"]')).toHaveCount(1);
  await page.getByRole('button', { name: 'Verify' }).click();
  await expect(page.getByRole('status').filter({ hasText: /Verified \d+ entries/ })).toBeVisible();

  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Export packet (JSON)' }).click();
  await sealAs(page);
  const path = testInfo.outputPath('poll.packet.json');
  await (await download).saveAs(path);
  const packet = JSON.parse(await readFile(path, 'utf8'));
  const votes = packet.entries.filter((e: { event: { type: string } }) => e.event.type === 'poll.vote');
  expect(votes.map((e: { event: { by: { name: string } } }) => e.event.by.name)).toEqual([
    'Ana Flight',
    'Tess Thermal',
    'Cy Surgeon',
    'Ray Range',
  ]);
  // Each operator signs with their own key.
  const fingerprints = votes.map((e: { signature: { fingerprint: string } }) => e.signature.fingerprint);
  expect(new Set(fingerprints).size).toBe(4);
  const confirm = packet.entries.find((e: { event: { type: string } }) => e.event.type === 'decision.confirm');
  expect(confirm.derived.decision).toEqual({ outcome: 'launch-replacement', kind: 'confirmed', poll: 1 });
});
