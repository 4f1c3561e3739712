import { expect, type Page } from '@playwright/test';
import { openWalkthrough, stepUntil } from './support';

/** The Soyuz MS-22 case walked to its end: 29 recorded entries, shown in the audit view. */
export async function auditOfWholeSoyuzCase(page: Page) {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await page.keyboard.press('End');
  await expect(page.locator('.chart-now strong')).toHaveText('crewHome');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('29 entries');
}

/** The Soyuz MS-22 case at its decision (17 entries): notes can still be recorded, unlike after the crew is home. */
export async function auditAtSoyuzDecision(page: Page) {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  await page.getByRole('button', { name: 'Audit trail' }).click();
  await expect(page.locator('.audit-summary')).toContainText('17 entries');
}

export async function addNote(page: Page, text: string) {
  await page.getByLabel('Add a note to the record').fill(text);
  await page.getByRole('button', { name: 'Add note' }).click();
}
