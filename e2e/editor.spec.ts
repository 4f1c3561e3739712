/**
 * Writing a case in the app: a library case copied (never the case it came from), one finding's status
 * changed and the answer flips live, undo restores it, the file exported is read by `decide` to the
 * same outcome as the app shows, and the draft survives a reload.
 */
import { spawnSync } from 'node:child_process';
import { expect, test } from '@playwright/test';
import { expectNoAxeViolations } from './support';

const title = 'A capsule of a class described in the file: a cracked window fails, the crew waits on Dragon';

test('a library case copied into the editor: one finding changed flips the answer live, undo restores it, and decide reads the exported file to the app’s outcome', async ({
  page,
}, testInfo) => {
  await page.goto('/');
  await page.getByRole('button', { name: 'Scenario library' }).click();
  const write = page.getByRole('region', { name: 'Write a case' });
  await write.getByLabel('or copy').selectOption({ label: title });
  await write.getByRole('button', { name: 'Copy to a new case' }).click();

  const editor = page.getByRole('main', { name: /^Scenario editor/ });
  await expect(editor).toContainText(`Copied from ${title} (inline-vehicle-class): a hypothetical case of its own`);
  await expect(editor.getByLabel('Kind', { exact: true })).toHaveValue('hypothetical');
  const answer = page.getByTestId('draft-answer');
  await expect(answer).toHaveAttribute('data-outcome', 'launch-replacement');
  await expectNoAxeViolations(page, '.editor');

  // The windows' report: failed in the library case; nominal in this copy.
  const windows = editor.getByRole('listitem', { name: 'event 7 (assessment.report)' }).getByRole('combobox', { name: 'Status' });
  await expect(windows).toHaveValue('failed');
  await windows.selectOption('nominal');
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');

  const download = page.waitForEvent('download');
  await editor.getByRole('button', { name: 'Export scenario file' }).click();
  const file = testInfo.outputPath('inline-vehicle-class-copy.json');
  await (await download).saveAs(file);
  const decided = spawnSync(process.execPath, ['--import', 'tsx', 'src/cli/decide.ts', file], { encoding: 'utf8' });
  expect(decided.stdout).toContain('outcome: return-on-damaged-vehicle');

  // Undo by keyboard restores the finding and the answer.
  await editor.getByLabel('Title', { exact: true }).focus();
  await page.keyboard.press('Control+z');
  await expect(answer).toHaveAttribute('data-outcome', 'launch-replacement');
  await page.keyboard.press('Control+y');
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');

  // A problem typed is shown beside its field, and nothing typed is lost.
  await editor.getByLabel('Title', { exact: true }).fill('');
  await expect(answer).toContainText('No answer while the case has 1 problem');
  await expect(editor.getByLabel('Title', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await editor.getByLabel('Title', { exact: true }).fill('Windows hold: a what');
  await expect(page.getByTestId('draft-kept')).toHaveAttribute('data-kept', 'kept');

  // Kept as typed: keys pressed and the page reloaded at once, before it was idle (or had drawn the
  // edit everywhere), open the editor on the draft with every key in it.
  await page.keyboard.type('-if');
  await page.reload();
  await page.getByRole('button', { name: 'Scenario editor' }).click();
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Windows hold: a what-if');
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');

  // A fact overridden for this vehicle: its source is asked for beside it, and the section stays clean under axe.
  const damaged = editor.getByRole('group', { name: 'the damaged vehicle' });
  await damaged.getByRole('button', { name: 'Override a fact of its class' }).click();
  const override = damaged.getByRole('listitem', { name: /^override of / });
  await expect(override.getByLabel('Source', { exact: true })).toHaveAttribute('aria-invalid', 'true');
  await expect(answer).toContainText('No answer while the case has 1 problem');
  await expectNoAxeViolations(page, '.editor');
  await editor.getByRole('button', { name: 'Undo', exact: true }).click();
  await expect(override).toHaveCount(0);
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');

  // At phone width the case is read, not written.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(editor.getByText('On a phone the case is shown read-only: write it on a wider screen.')).toHaveAttribute(
    'role',
    'note',
  );
  await expect(editor.getByLabel('Title', { exact: true })).toBeDisabled();
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');
});

test('a new case written from blank by keyboard alone reaches the outcome it states, every section clean under axe, and opens in the walkthrough at a chosen step', async ({
  page,
}) => {
  const press = async (locator: import('@playwright/test').Locator, key = 'Enter') => {
    await locator.focus();
    await page.keyboard.press(key);
  };
  /** Replaces a field's text as a user does: select all, type. */
  const typeInto = async (locator: import('@playwright/test').Locator, text: string) => {
    await locator.focus();
    await page.keyboard.press('ControlOrMeta+a');
    await page.keyboard.type(text);
  };
  /** Chooses in a closed list by typing the start of the option's words (Chromium's type-ahead). */
  const choose = async (locator: import('@playwright/test').Locator, words: string, value: string) => {
    await locator.focus();
    await page.keyboard.type(words);
    await expect(locator).toHaveValue(value);
  };

  await page.goto('/');
  await press(page.getByRole('button', { name: 'Scenario library' }));
  await press(page.getByRole('region', { name: 'Write a case' }).getByRole('button', { name: 'New blank case' }));
  const editor = page.getByRole('main', { name: /^Scenario editor/ });
  const answer = page.getByTestId('draft-answer');
  await expect(answer).toContainText('No answer while the case has');

  const theCase = editor.getByRole('region', { name: 'The case' });
  await typeInto(theCase.getByLabel('Title', { exact: true }), 'A cracked heat shield');
  await typeInto(theCase.getByLabel('Id', { exact: true }), 'cracked-heat-shield');
  await typeInto(theCase.getByLabel('Summary'), 'A what-if: the heat shield is found cracked after a debris strike.');
  await press(theCase.getByRole('button', { name: 'Add a source' }));
  await typeInto(theCase.getByLabel('Key', { exact: true }), 'NOTE-1');
  await page.keyboard.press('Tab');
  await typeInto(theCase.getByLabel('Citation for NOTE-1'), 'An engineering note (hypothetical)');
  await choose(theCase.getByLabel('Outcome', { exact: true }), 'Undecided', 'undecided');
  await typeInto(theCase.getByLabel('Final state'), 'anomaly.inspection');
  await expectNoAxeViolations(page, '.editor');

  const vehicles = editor.getByRole('region', { name: 'Vehicles' });
  await typeInto(vehicles.getByLabel('The case starts at'), '2030-01-01T00:00:00Z');
  const damaged = vehicles.getByRole('group', { name: 'the damaged vehicle' });
  await typeInto(damaged.getByLabel('Id', { exact: true }), 'soyuz-x');
  await typeInto(damaged.getByLabel('Name', { exact: true }), 'Soyuz X (hypothetical)');
  await choose(damaged.getByLabel('Class', { exact: true }), 'Soyuz MS', 'soyuz-ms');
  await typeInto(damaged.getByLabel('Launched'), '2029-12-01T00:00:00Z');
  await expectNoAxeViolations(page, '.editor');

  const crew = editor.getByRole('region', { name: /^Crew/ });
  await press(crew.getByRole('button', { name: 'Add a crew member' }));
  await typeInto(crew.getByRole('listitem').getByLabel('Name', { exact: true }), 'Ann (commander)');
  await expectNoAxeViolations(page, '.editor');

  const timeline = editor.getByRole('region', { name: /^Timeline/ });
  const addEvent = timeline.getByRole('button', { name: 'Add an event at the end' });
  await press(addEvent);
  const first = timeline.getByRole('listitem', { name: 'event 1 (anomaly.detect)' });
  await expect(first.getByLabel('At', { exact: true })).toHaveValue('2030-01-01T00:00:00Z');
  await typeInto(first.getByLabel('By: name'), 'Ann (commander)');
  await typeInto(first.getByLabel('By: role'), 'crew');
  await typeInto(first.getByLabel('Description'), 'A strike is heard; cabin pressure holds');
  await press(first.getByRole('checkbox', { name: 'NOTE-1' }), 'Space');

  await press(addEvent);
  const second = timeline.getByRole('listitem', { name: 'event 2 (inspection.finding)' });
  await second.getByLabel('Type').focus();
  await page.keyboard.type('safing');
  const safing = timeline.getByRole('listitem', { name: 'event 2 (safing.complete)' });
  await expect(safing.getByLabel('Type')).toHaveValue('safing.complete');
  await typeInto(safing.getByLabel('Description'), 'The vehicle is safed');

  await press(addEvent);
  const finding = timeline.getByRole('listitem', { name: 'event 3 (inspection.finding)' });
  await typeInto(finding.getByLabel('At', { exact: true }), '2030-01-01T06:00:00Z');
  await typeInto(finding.getByLabel('Description'), 'The heat shield is cracked');
  await choose(finding.getByLabel('Module'), 'descent', 'descent');
  await choose(finding.getByLabel('System'), 'Heat', 'heat-shield');
  await choose(finding.getByLabel('Status'), 'failed', 'failed');

  // Every problem is gone, and the case comes to what it states, through the walkthrough's own fold.
  await expect(editor.getByRole('alert')).toHaveCount(0);
  await expect(answer).toHaveAttribute('data-outcome', 'undecided');
  await expect(page.getByTestId('draft-comes-to')).toHaveAttribute('data-as-expected', 'yes');
  await expectNoAxeViolations(page, '.editor');

  // Walked through at step 2: the walkthrough opens on the case, there.
  await choose(editor.getByLabel('at step'), '2', '2');
  await press(editor.getByRole('button', { name: 'Walk through this case' }));
  await expect(page.getByRole('heading', { level: 2, name: 'A cracked heat shield' })).toBeVisible();
  await expect(page.getByRole('toolbar', { name: 'Step through the scenario' })).toContainText('Step 2 of 3');
});

test('a malformed file with a hostile string opens in the editor as it is: every problem at once at its field, the string as text, and a full browser storage said, not hidden', async ({
  page,
}, testInfo) => {
  const hostile = '<img src=x onerror="window.__pwned=1">\u202e';
  const file = JSON.parse(
    JSON.stringify({
      format: 2,
      id: 'Not An Id',
      title: hostile,
      kind: 'historical',
      summary: 'A file with problems in three places.',
      sources: {},
      expected: { outcome: 'undecided', finalState: 'anomaly.inspection' },
      setup: {
        startUtc: '2030-01-01T00:00:00Z',
        damagedVehicle: { id: 'soyuz-x', name: 'Soyuz X', class: 'soyuz-mss', launchedUtc: '2029-12-01T00:00:00Z' },
        otherVehicles: [],
        crew: [{ id: 'crew-1', name: 'Ann', canRelocateTo: [] }],
      },
      events: [
        {
          type: 'anomaly.detect',
          at: '2030-01-01T00:00:00Z',
          by: { name: 'Ann', role: 'crew' },
          description: 'x',
          sources: ['NOPE'],
        },
      ],
    }),
  );
  const path = testInfo.outputPath('malformed.json');
  const { writeFileSync } = await import('node:fs');
  writeFileSync(path, JSON.stringify(file, null, 2));

  await page.goto('/');
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await page.getByLabel('or open a scenario file in the editor, valid or not').setInputFiles(path);
  const editor = page.getByRole('main', { name: /^Scenario editor/ });
  await expect(editor).toContainText('Opened from the file malformed.json as it is');
  // All three problems in one round, each at its field.
  await expect(page.getByTestId('draft-answer')).toContainText('No answer while the case has 3 problems');
  await expect(editor.getByRole('region', { name: 'The case' }).getByLabel('Id', { exact: true })).toHaveAttribute(
    'aria-invalid',
    'true',
  );
  const damaged = editor.getByRole('group', { name: 'the damaged vehicle' });
  await expect(damaged.getByLabel('Class', { exact: true })).toHaveValue('soyuz-mss');
  await expect(damaged).toContainText('soyuz-ms');
  await expect(editor.getByRole('listitem', { name: 'event 1 (anomaly.detect)' })).toContainText('"NOPE"');
  // The hostile title is text in its field and in the heading, and nothing of it ran.
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue(hostile);
  await expect(editor.getByRole('heading', { level: 2 })).toContainText('<img src=x');
  expect(await page.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();

  // Mending one problem leaves the others, and loses nothing typed.
  await editor.getByRole('region', { name: 'The case' }).getByLabel('Id', { exact: true }).fill('mended-case');
  await expect(page.getByTestId('draft-answer')).toContainText('No answer while the case has 2 problems');

  // The browser's real storage quota, filled: the draft is said not kept (and stays on screen), then kept once there is room.
  await expect(page.getByTestId('draft-kept')).toHaveAttribute('data-kept', 'kept');
  await page.evaluate(() => {
    // Filled to the last character the quota allows: smaller and smaller pieces until none fits.
    let n = 0;
    for (let size = 256 * 1024; size >= 1; size = Math.floor(size / 4)) {
      for (;;) {
        try {
          localStorage.setItem(`filler-${n++}`, 'x'.repeat(size));
        } catch {
          break;
        }
      }
    }
  });
  await editor.getByLabel('Summary').fill('Storage is full now, and this is still on screen.'.repeat(400));
  await expect(page.getByTestId('draft-kept')).toHaveAttribute('data-kept', 'refused');
  await expect(page.getByTestId('draft-kept')).toContainText('Export the file to keep it');
  await expect(editor.getByLabel('Summary')).toHaveValue(/^Storage is full now/);
  await page.evaluate(() => {
    for (const key of Object.keys(localStorage)) if (key.startsWith('filler-')) localStorage.removeItem(key);
  });
  await editor.getByLabel('Summary').fill('Room again.');
  await expect(page.getByTestId('draft-kept')).toHaveAttribute('data-kept', 'kept');
});
