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
  await editor.getByLabel('Title', { exact: true }).fill('Windows hold: a what-if');

  // Kept as typed: a reload opens the editor on the same draft.
  await expect(page.getByTestId('draft-kept')).toHaveAttribute('data-kept', 'true');
  await page.reload();
  await page.getByRole('button', { name: 'Scenario editor' }).click();
  await expect(editor.getByLabel('Title', { exact: true })).toHaveValue('Windows hold: a what-if');
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');

  // At phone width the case is read, not written.
  await page.setViewportSize({ width: 390, height: 844 });
  await expect(editor.getByRole('note')).toHaveText('On a phone the case is shown read-only: write it on a wider screen.');
  await expect(editor.getByLabel('Title', { exact: true })).toBeDisabled();
  await expect(answer).toHaveAttribute('data-outcome', 'return-on-damaged-vehicle');
});
