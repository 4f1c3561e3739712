/**
 * Cases a team writes, shared through its server (`npm start`'s process, spawned here on its own data
 * folder): one console keeps a case of its own, signed by its operator's key; another console, in its
 * own browser, finds it in its library, verified, walks it through to the outcome the case states, and
 * copies it into the editor.
 */
import { readFileSync } from 'node:fs';
import { expect, type Page, test } from '@playwright/test';
import type { ServerProcess } from '../tests/server/serverProcess';
import { expectNoAxeViolations, identify, outcome } from './support';
import { disposeServer, seat, serverOnFreshData } from './teamServerSupport';

let dataDir: string;
let server: ServerProcess;

test.beforeEach(async () => {
  ({ dataDir, server } = await serverOnFreshData());
});
test.afterEach(() => disposeServer(server, dataDir));

const teamCases = (page: Page) => page.getByRole('region', { name: 'Cases kept on this server' });

/** The team's own what-if: the small-leak case under a title, id and kind of its own. */
const builtIn = JSON.parse(readFileSync('scenarios/small-leak-nominal.json', 'utf8'));
const whatIf = { ...builtIn, id: 'team-small-leak', title: 'Small leak, the team’s what-if', kind: 'hypothetical' };

test('one console keeps a case of its own on the server; another finds it verified in its library, walks it through to its stated outcome and copies it into the editor', async ({
  browser,
}) => {
  const author = await seat(browser, server.url);
  await expect(teamCases(author)).toContainText('No case kept yet');
  await author.getByRole('button', { name: 'Identify' }).click();
  await identify(author, 'Ana Flight', 'flight director');
  await author
    .getByLabel('Choose scenario file…')
    .setInputFiles({ name: 'what-if.json', mimeType: 'application/json', buffer: Buffer.from(JSON.stringify(whatIf)) });
  await expect(author.getByRole('heading', { level: 2, name: whatIf.title })).toBeVisible();
  await author.getByRole('button', { name: 'Scenario library' }).click();
  await teamCases(author).getByLabel('Case to keep').selectOption({ label: whatIf.title });
  await teamCases(author).getByRole('button', { name: 'Keep on the server' }).click();
  await expect(author.getByTestId('team-case-kept')).toContainText(
    `“${whatIf.title}” is kept on the team server (version 1), signed by Ana Flight, flight director`,
  );
  await expect(teamCases(author).getByRole('button', { name: `Walk through ${whatIf.title}, kept by Ana Flight` })).toBeVisible();

  const reader = await seat(browser, server.url);
  const listed = teamCases(reader).getByRole('listitem').filter({ hasText: whatIf.title });
  await expect(listed).toContainText('kept by Ana Flight (flight director');
  await expect(listed).toContainText('version 1');
  await expectNoAxeViolations(reader, '.team-cases');
  await listed.getByRole('button', { name: `Walk through ${whatIf.title}, kept by Ana Flight` }).click();
  await expect(reader.getByRole('heading', { level: 2, name: whatIf.title })).toBeVisible();
  await reader.keyboard.press('End');
  await expect(reader.getByTestId('state-now')).toHaveText(whatIf.expected.finalState);
  await expect(outcome(reader)).toHaveAttribute('data-outcome', whatIf.expected.outcome);

  await reader.getByRole('button', { name: 'Scenario library' }).click();
  await teamCases(reader)
    .getByRole('button', { name: `Copy into the editor: ${whatIf.title}` })
    .click();
  const editor = reader.getByRole('main', { name: /^Scenario editor/ });
  await expect(editor).toContainText(`Copied from ${whatIf.title} (${whatIf.id})`);
  await expect(reader.getByTestId('draft-answer')).toHaveAttribute('data-outcome', whatIf.expected.outcome);

  // The copy, kept from the editor by the reader under their own key: a case of its own on the server.
  await editor.getByLabel('Title', { exact: true }).fill('Small leak, the reader’s variant');
  await reader.getByRole('button', { name: 'Identify' }).click();
  await identify(reader, 'Ben Thermal', 'thermal');
  await editor.getByRole('button', { name: 'Keep on the team server' }).click();
  await expect(reader.getByTestId('draft-on-server')).toContainText(
    '“Small leak, the reader’s variant” is kept on the team server (version 1), signed by Ben Thermal, thermal',
  );
  await author.getByRole('button', { name: 'Refresh the cases' }).click();
  await expect(teamCases(author).getByRole('listitem').filter({ hasText: 'Small leak, the reader’s variant' })).toContainText(
    'kept by Ben Thermal (thermal',
  );
});
