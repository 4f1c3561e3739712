import { expect, test } from '@playwright/test';
import { auditOfWholeSoyuzCase } from './auditSupport';
import { expectNoAxeViolations, keepScreenshot } from './support';

test('at 1440×900 the audit view shows 20+ entries, cuts off no column and shows the selected entry whole', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await auditOfWholeSoyuzCase(page);
  const head = (await page.locator('.audit-summary code').textContent()) ?? '';
  expect(head).toMatch(/^[0-9a-f]{64}$/);

  const layout = await page.evaluate(() => {
    const pane = document.querySelector('.audit-scroll') as HTMLElement;
    const table = pane.querySelector('table') as HTMLTableElement;
    const box = pane.getBoundingClientRect();
    const head = table.tHead as HTMLTableSectionElement;
    const bodyRows = [...(table.tBodies[0] as HTMLTableSectionElement).rows];
    const headerBottom = head.getBoundingClientRect().bottom;
    const rows = bodyRows.filter((row) => {
      const r = row.getBoundingClientRect();
      return r.top >= headerBottom - 0.5 && r.bottom <= Math.min(box.bottom, window.innerHeight) + 0.5;
    });
    const cut = (cell: HTMLElement) => cell.scrollWidth > cell.clientWidth;
    const columnOf = (i: number) => bodyRows.map((row) => row.cells[i] as HTMLElement);
    return {
      pageScrolls: document.documentElement.scrollHeight > window.innerHeight,
      rowsInView: rows.length,
      tableWiderThanPane: table.scrollWidth > pane.clientWidth,
      cutHeaders: [...head.querySelectorAll('th')].filter(cut).map((c) => c.textContent),
      // Number, times, recommendation and hash are never shortened; the free text ends in an ellipsis, whole in the details pane.
      cutCells: [0, 1, 2, 7, 8].flatMap((i) =>
        columnOf(i)
          .filter(cut)
          .map((c) => c.textContent),
      ),
    };
  });
  testInfo.annotations.push({ type: 'rows in view at 1440×900', description: String(layout.rowsInView) });
  expect(layout.pageScrolls).toBe(false);
  expect(layout.rowsInView).toBeGreaterThanOrEqual(20);
  expect(layout.tableWiderThanPane).toBe(false);
  expect(layout.cutHeaders).toEqual([]);
  expect(layout.cutCells).toEqual([]);

  // The latest entry is selected; its hash is short in the table and whole in the details pane.
  const details = page.getByTestId('entry-details');
  await expect(details.getByRole('heading', { name: 'Entry 29 of 29' })).toBeVisible();
  const latest = page.locator('.audit-table tr[data-seq="29"]');
  await expect(latest).toHaveAttribute('aria-selected', 'true');
  await expect(latest.locator('.hash code')).toHaveText(`${head.slice(0, 8)}…${head.slice(-4)}`);
  await expect(page.getByTestId('entry-hash').locator('code')).toHaveText(head);
  await expect(details).toContainText('return.land');
  await expect(details).toContainText('replacementCampaign.descending → crewHome');
  const overflowing = await details.evaluate((pane) =>
    [pane, ...pane.querySelectorAll(':not(.visually-hidden)')]
      .filter((el) => el.scrollWidth > el.clientWidth + 1)
      .map((el) => `${el.outerHTML.slice(0, 60)}: ${el.scrollWidth} > ${el.clientWidth}`),
  );
  expect(overflowing).toEqual([]);

  // The arrow keys move the selection; a click on a row selects it.
  await latest.getByRole('button', { name: '29: show entry 29' }).focus();
  await page.keyboard.press('ArrowUp');
  await expect(details.getByRole('heading', { name: 'Entry 28 of 29' })).toBeVisible();
  await expect(page.getByRole('button', { name: '28: show entry 28' })).toBeFocused();
  await page.keyboard.press('Home');
  await expect(details.getByRole('heading', { name: 'Entry 1 of 29' })).toBeVisible();
  await expect(page.getByTestId('entry-state')).toHaveText('docked → anomaly.safing');
  await page.keyboard.press('ArrowDown');
  await expect(details.getByRole('heading', { name: 'Entry 2 of 29' })).toBeVisible();
  await page.locator('.audit-table tr[data-seq="18"] td').nth(5).click();
  await expect(details.getByRole('heading', { name: 'Entry 18 of 29' })).toBeVisible();
  await expect(details).toContainText('confirmed the recommendation');
  await expect(details.locator('.entry-evaluations')).toContainText('thermal.peak-cabin-temp');

  // The short hash is a control: it copies the full value.
  await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
  const entry18Hash = (await page.getByTestId('entry-hash').locator('code').textContent()) ?? '';
  await page.locator('.audit-table tr[data-seq="18"] .hash').focus();
  await page.keyboard.press('Enter');
  await expect(page.getByRole('status').filter({ hasText: 'Hash of entry 18 copied' })).toHaveCount(1);
  expect(await page.evaluate(() => navigator.clipboard.readText())).toBe(entry18Hash);

  await expectNoAxeViolations(page, 'main.audit');
  await keepScreenshot(page, testInfo, 'audit-1440x900');
});

test('at 390×844 each entry is a card of labelled lines the width of the phone, and a tapped card shows its entry whole', async ({
  page,
}, testInfo) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await auditOfWholeSoyuzCase(page);
  const cards = await page.evaluate(() =>
    [...document.querySelectorAll<HTMLElement>('.audit-table tbody tr[data-seq]')].map((card) => ({
      width: card.getBoundingClientRect().width,
      height: card.offsetHeight,
    })),
  );
  expect(cards).toHaveLength(29);
  // Readable, and of one height: the windowing of a long record counts on it.
  expect(Math.min(...cards.map((c) => c.width))).toBeGreaterThan(300);
  expect(new Set(cards.map((c) => c.height)).size).toBe(1);
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);

  const card18 = page.locator('.audit-table tr[data-seq="18"]');
  await expect(card18.locator('td[data-label="Event"]')).toHaveText('decision.confirm');
  const label = (cell: string) =>
    card18.locator(`td[data-label="${cell}"]`).evaluate((td) => getComputedStyle(td, '::before').content);
  expect(await label('Who')).toBe('"Who: "');
  expect(await label('Recommendation')).toBe('"Recommendation: "');

  await card18.locator('td[data-label="Details"]').click();
  const details = page.getByTestId('entry-details');
  await expect(details.getByRole('heading', { name: 'Entry 18 of 29' })).toBeInViewport();
  await expect(details).toContainText('confirmed the recommendation');
  // The keys still move the selection from card to card.
  await card18.getByRole('button', { name: '18: show entry 18' }).focus();
  await page.keyboard.press('ArrowDown');
  await expect(details.getByRole('heading', { name: 'Entry 19 of 29' })).toBeAttached();
  await expect(page.getByRole('button', { name: '19: show entry 19' })).toBeFocused();
  await expectNoAxeViolations(page, 'main.audit');
  await keepScreenshot(page, testInfo, 'audit-390x844');
});
