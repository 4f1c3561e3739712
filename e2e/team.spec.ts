/**
 * The room, not one laptop: three operators, each in their own browser, on one session kept by a real
 * team server (`npm start`'s process, spawned here on its own data folder). The flight director opens
 * the session and admits the others; each position answers the poll from its own seat; every console
 * shows the tally as it fills and the decision as it is taken. Then the server is killed mid-session:
 * what a console signed meanwhile is kept, and sent once the server is back.
 */
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, type Page, test } from '@playwright/test';
import { type ServerProcess, spawnServer } from '../tests/server/serverProcess';
import { expectNoAxeViolations, identify, passphraseOf, sealAs, sign, stepUntil } from './support';
import { disposeServer, seat, serverOnFreshData } from './teamServerSupport';

const director = { name: 'Ana Flight', role: 'flight director' };
const thermal = { name: 'Tess Thermal', role: 'thermal' };
const surgeon = { name: 'Cy Surgeon', role: 'crew surgeon' };

/**
 * A ceiling for what waits on a console reconnecting to a restarted server (its next attempt, then the
 * server's database opening): on a loaded 2-core machine that is seconds, not a measure of speed.
 */
const afterARestart = { timeout: 60_000 };

let dataDir: string;
let server: ServerProcess;

test.beforeEach(async () => {
  ({ dataDir, server } = await serverOnFreshData());
});
test.afterEach(() => disposeServer(server, dataDir));

const teamPanel = (page: Page) => page.getByRole('region', { name: 'Team session' });
const verified = (page: Page) => page.getByTestId('team-verified');

/** The flight director opens MS-22 and identifies: the session goes on the server under their key. */
async function openForTheTeam(page: Page) {
  await page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' }).click();
  await expect(teamPanel(page)).toContainText('identify to open it on the team server');
  await page.getByRole('button', { name: 'Identify' }).click();
  await identify(page, director.name, director.role);
  await expect(teamPanel(page)).toContainText('on the team server, under the authority of Ana Flight (flight director)');
  await expect(page.getByTestId('team-connection')).toHaveText('Live.');
}

/** Another operator follows the session from their own console, identifies, and waits to be admitted. */
async function joinAs(page: Page, who: { name: string; role: string }) {
  await page.getByRole('button', { name: /^Join Soyuz MS-22 coolant leak/ }).click();
  await expect(page.getByTestId('team-connection')).toHaveText('Live.');
  await page.getByRole('button', { name: 'Identify' }).click();
  await identify(page, who.name, who.role);
  await expect(page.getByTestId('team-admission')).toContainText('Waiting for Ana Flight (flight director) to admit your key');
}

test('three operators on their own consoles: the director admits the others, each position answers the poll from its own seat, every console sees the tally and the decision, and the exported packet carries the team log', async ({
  browser,
}, testInfo) => {
  const directorPage = await seat(browser, server.url);
  await openForTheTeam(directorPage);
  await stepUntil(directorPage, 'anomaly.decision');

  const thermalPage = await seat(browser, server.url);
  const surgeonPage = await seat(browser, server.url);
  const consoles = [directorPage, thermalPage, surgeonPage];
  await expect(thermalPage.getByRole('button', { name: /^Join Soyuz MS-22 coolant leak/ })).toBeVisible();
  await expectNoAxeViolations(thermalPage, '.team-sessions');
  await joinAs(thermalPage, thermal);
  await joinAs(surgeonPage, surgeon);

  const admit = teamPanel(directorPage).getByRole('region', { name: 'Admit operators' });
  await admit.getByRole('button', { name: 'Refresh the list of operators' }).click();
  await expect(admit.getByRole('button', { name: `Admit ${surgeon.name} (${surgeon.role})` })).toBeVisible();
  await expectNoAxeViolations(directorPage, '.team-panel');
  for (const who of [thermal, surgeon]) await admit.getByRole('button', { name: `Admit ${who.name} (${who.role})` }).click();
  for (const page of [thermalPage, surgeonPage]) await expect(page.getByTestId('team-admission')).toHaveCount(0);
  for (const page of consoles) await expect(page.getByTestId('state-now')).toHaveText('anomaly.decision');

  // The director opens the poll on three positions; each console shows it.
  const pollOf = (page: Page) =>
    page.getByRole('region', { name: 'Decision', exact: true }).getByRole('region', { name: 'GO/NO-GO poll' });
  for (const position of ['propulsion', 'program manager', 'partner agency'])
    await pollOf(directorPage).getByRole('checkbox', { name: position }).uncheck();
  await pollOf(directorPage).getByRole('button', { name: 'Open poll' }).click();
  for (const page of consoles)
    await expect(pollOf(page).getByRole('table')).toContainText('opened by Ana Flight (flight director)');

  const answer = async (page: Page, who: { name: string; role: string }, call: string) => {
    const poll = pollOf(page);
    await poll.getByLabel('Answering for').selectOption(who.role);
    await poll.getByLabel(`Name of the ${who.role} operator`).fill(who.name);
    await poll.getByLabel(`Passphrase of the ${who.role} operator`).fill(passphraseOf(who.name));
    await poll.getByRole('radio', { name: call, exact: true }).check();
    await poll.getByRole('button', { name: `Sign and record the ${who.role} call` }).click();
  };
  await answer(thermalPage, thermal, 'GO');
  // The tally fills on every console as each seat answers.
  for (const page of consoles) await expect(pollOf(page).getByRole('table')).toContainText('1 GO');
  // An answer arriving from another seat moves nothing this console's operator is about to click.
  const directorsGo = pollOf(directorPage).getByRole('radio', { name: 'GO', exact: true });
  const before = await directorsGo.boundingBox();
  await answer(surgeonPage, surgeon, 'GO');
  await expect(pollOf(directorPage).getByRole('table')).toContainText('2 GO');
  expect(await directorsGo.boundingBox()).toEqual(before);
  await answer(directorPage, director, 'GO');
  for (const page of consoles)
    await expect(pollOf(page).getByRole('table')).toContainText('3 GO, 0 NO-GO, 0 abstain; every position answered');

  const decision = directorPage.getByRole('region', { name: 'Decision', exact: true });
  await decision.getByRole('button', { name: /^Confirm: / }).click();
  await sign(directorPage);
  for (const page of consoles) {
    await expect(page.getByTestId('decision')).toContainText('after poll 1');
    await expect(page.getByTestId('decision')).toHaveAttribute('data-outcome', 'launch-replacement');
  }
  // One log: every console verified the same entries, and none raised an alarm.
  const counts = await Promise.all(consoles.map((page) => verified(page).getAttribute('data-entries')));
  expect(new Set(counts).size).toBe(1);
  for (const page of consoles) await expect(page.locator('.team-alarm')).toHaveCount(0);

  // The packet carries the team log: verified offline by the CLI, with no server, the votes countersigned.
  await directorPage.getByRole('button', { name: 'Audit trail' }).click();
  const download = directorPage.waitForEvent('download');
  await directorPage.getByRole('button', { name: 'Export packet (JSON)' }).click();
  await sealAs(directorPage);
  const packetPath = testInfo.outputPath('team-packet.json');
  await (await download).saveAs(packetPath);
  const cli = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/verify.ts', packetPath], { encoding: 'utf8' });
  expect(cli.stdout).toContain(`intact ${counts[0]} entries`);
  expect(cli.stdout).toMatch(
    new RegExp(
      `team log: ${counts[0]} entries appended on the team server [0-9a-f·]+; its signed checkpoint of ${counts[0]} entries holds over them; \\d+ appends countersigned`,
    ),
  );
  const countersigned = Number(/(\d+) appends countersigned/.exec(cli.stdout)?.[1]);
  // At least every vote and the decision: each was cast on a checkpoint its console had checked.
  expect(countersigned).toBeGreaterThanOrEqual(4);
});

test('the server killed mid-session: what a console signed meanwhile is kept and sent when it is back, and nothing acknowledged is lost', async ({
  browser,
}) => {
  const directorPage = await seat(browser, server.url);
  await openForTheTeam(directorPage);
  await stepUntil(directorPage, 'anomaly.inspection');
  const thermalPage = await seat(browser, server.url);
  await joinAs(thermalPage, thermal);
  const before = Number(await verified(directorPage).getAttribute('data-entries'));
  await expect(verified(thermalPage)).toHaveAttribute('data-entries', String(before));

  const { port } = new URL(server.url);
  server.child.kill('SIGKILL');
  await server.exited;
  await expect(directorPage.getByTestId('team-connection')).toHaveText('Reconnecting to the team server…');

  // Recorded while the server is down: signed, kept in the browser, shown as not yet on the server.
  await directorPage.getByRole('button', { name: 'Next →' }).click();
  await expect(directorPage.getByTestId('team-unsent')).toContainText('1 of your entries not yet on the server');

  server = await spawnServer({ DATA_DIR: dataDir, PORT: port });
  await expect(directorPage.getByTestId('team-unsent')).toHaveCount(0, afterARestart);
  for (const page of [directorPage, thermalPage]) {
    await expect(page.getByTestId('team-connection')).toHaveText('Live.', afterARestart);
    await expect(verified(page)).toHaveAttribute('data-entries', String(before + 1));
  }
  const log = (await (await fetch(`${server.url}/api/sessions`)).json()) as { entryCount: number }[];
  expect(log.map((s) => s.entryCount)).toEqual([before + 1]);
});

test('a server restored from an older backup: the console, reloaded, raises the alarm at its next connection and names what it had checked', async ({
  browser,
}) => {
  const directorPage = await seat(browser, server.url);
  await openForTheTeam(directorPage);
  await directorPage.getByRole('button', { name: 'Next →' }).click();
  await expect(verified(directorPage)).toHaveAttribute('data-entries', '1');
  const { port } = new URL(server.url);

  // The backup: the data folder copied while the server is stopped, with one entry.
  server.child.kill('SIGTERM');
  await server.exited;
  const backup = mkdtempSync(join(tmpdir(), 'crew-return-e2e-backup-'));
  cpSync(dataDir, backup, { recursive: true });
  server = await spawnServer({ DATA_DIR: dataDir, PORT: port });
  await expect(directorPage.getByTestId('team-connection')).toHaveText('Live.', afterARestart);
  for (const entries of ['2', '3']) {
    await directorPage.getByRole('button', { name: 'Next →' }).click();
    await expect(verified(directorPage)).toHaveAttribute('data-entries', entries);
  }
  await expect(teamPanel(directorPage)).toContainText('server checkpoint of 3 entries checked');

  // Restored from the backup: the log the server shows is one entry long again.
  server.child.kill('SIGTERM');
  await server.exited;
  rmSync(dataDir, { recursive: true, force: true });
  cpSync(backup, dataDir, { recursive: true });
  rmSync(backup, { recursive: true, force: true });
  server = await spawnServer({ DATA_DIR: dataDir, PORT: port });
  await directorPage.reload();
  const alarm = teamPanel(directorPage).getByRole('alert');
  await expect(alarm).toContainText("Do not trust this session's log");
  await expect(alarm).toContainText('3');
  await expect(directorPage.getByTestId('team-connection')).toHaveText('Not following the session.');
});
