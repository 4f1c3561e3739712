import AxeBuilder from '@axe-core/playwright';
import { expect, type Page, test } from '@playwright/test';
import {
  emergencyLimitField,
  keepScreenshot,
  ms22DecisionWithEmergencyLimit,
  openWalkthrough,
  outcome,
  stepUntil,
} from './support';

const diagram = (page: Page) => page.locator('.statechart svg.chart-svg');
const stateBox = (page: Page, id: string) => diagram(page).locator(`[data-state-id="crewReturn.${id}"]`);
const activeStates = (page: Page) => diagram(page).locator('[data-state-id][data-active="true"]');

/** The innermost active state is scrolled into the diagram's pane. */
async function expectInView(page: Page, id: string) {
  const pane = await page.locator('.chart-pane').boundingBox();
  const box = await stateBox(page, id).boundingBox();
  if (!pane || !box) throw new Error(`no box for the pane or ${id}`);
  expect(box.x).toBeGreaterThanOrEqual(pane.x - 1);
  expect(box.x + box.width).toBeLessThanOrEqual(pane.x + pane.width + 1);
  expect(box.y).toBeGreaterThanOrEqual(pane.y - 1);
  expect(box.y + box.height).toBeLessThanOrEqual(pane.y + pane.height + 1);
}

test('the statechart diagram follows the walkthrough: active states, event labels, outline, axe', async ({ page }, testInfo) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await expect(diagram(page)).toBeVisible();
  await expect(activeStates(page)).toHaveCount(2);
  await expect(stateBox(page, 'docked')).toHaveAttribute('data-active', 'true');
  await expectInView(page, 'docked');

  // Edges are drawn as arrows, each labelled with its event.
  expect(await diagram(page).locator('path.chart-arrow').count()).toBeGreaterThan(20);
  const detect = diagram(page).locator('[data-edge-id="crewReturn.docked:anomaly.detect:0"]');
  await expect(detect.locator('.chart-event')).toHaveText('anomaly.detect');
  await expect(detect).toHaveAttribute('data-available', 'true');
  const labels = diagram(page).locator('.chart-transition');
  expect(await labels.count()).toBeGreaterThan(40);
  for (const label of await labels.all()) {
    const event = await label.getAttribute('data-event');
    await expect(label.locator('.chart-event')).toHaveText(new RegExp(`^(↺ )?${event?.replaceAll('.', '\\.')}$`));
  }

  await page.keyboard.press('ArrowRight');
  await expect(stateBox(page, 'docked')).not.toHaveAttribute('data-active', 'true');
  await expect(stateBox(page, 'anomaly')).toHaveAttribute('data-active', 'true');
  await expect(stateBox(page, 'anomaly.safing')).toHaveAttribute('data-active', 'true');

  await stepUntil(page, 'anomaly.decision');
  await expect(stateBox(page, 'anomaly.decision')).toHaveAttribute('data-active', 'true');
  await expect(activeStates(page)).toHaveCount(3);
  await expectInView(page, 'anomaly.decision');
  // The recommended branch can be taken; the others cannot. Nothing is clickable without Explore.
  await expect(diagram(page).locator('[data-edge-id="crewReturn.anomaly.decision:decision.confirm:2"]')).toHaveAttribute(
    'data-available',
    'true',
  );
  await expect(diagram(page).locator('[data-edge-id="crewReturn.anomaly.decision:decision.confirm:0"]')).not.toHaveAttribute(
    'data-available',
  );
  await expect(stateBox(page, 'replacementCampaign')).toHaveClass(/\bnext\b/);
  await expect(diagram(page).locator('[role="button"], [tabindex]')).toHaveCount(0);

  const outline = page.locator('details.chart-outline');
  await outline.locator('summary').click();
  await expect(outline.locator('[data-outline-state-id="crewReturn.anomaly.decision"] > span')).toHaveText(
    'anomaly.decision — active now',
  );
  await expect(outline.locator('[data-outline-edge-id="crewReturn.anomaly.decision:decision.confirm:2"]')).toHaveText(
    'decision.confirm from anomaly.decision → replacementCampaign [recommends launch-replacement] — available now',
  );
  await expect(outline.locator('[data-active="true"]')).toHaveCount(3);

  const axe = await new AxeBuilder({ page }).include('.statechart').analyze();
  expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length})`)).toEqual([]);
  await keepScreenshot(page, testInfo, 'statechart-decision');

  await page.keyboard.press('End');
  await expect(page.locator('.chart-now strong')).toHaveText('crewHome');
  await expect(stateBox(page, 'crewHome')).toHaveAttribute('data-active', 'true');
  await expect(diagram(page).locator('[data-available="true"]')).toHaveCount(0);
  await expectInView(page, 'crewHome');
});

test('the statechart fits its pane on request, and zooms in and out by keyboard, the active state kept in view', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const zoom = page.getByRole('toolbar', { name: 'Zoom the statechart' });
  await expect(zoom.getByTestId('chart-zoom')).toHaveText('100 %');
  await zoom.getByRole('button', { name: 'Fit the whole diagram' }).click();
  await expect(zoom.getByTestId('chart-zoom')).not.toHaveText('100 %');
  const pane = await page.locator('.chart-pane').boundingBox();
  const svg = await diagram(page).boundingBox();
  if (!pane || !svg) throw new Error('no pane or diagram');
  expect(svg.width).toBeLessThanOrEqual(pane.width);
  expect(svg.height).toBeLessThanOrEqual(pane.height);
  const fitted = await zoom.getByTestId('chart-zoom').textContent();
  await zoom.getByRole('button', { name: 'Zoom in' }).focus();
  await page.keyboard.press('Enter');
  await expect(zoom.getByTestId('chart-zoom')).not.toHaveText(fitted ?? '');
  await expectInView(page, 'anomaly.decision');
});

/** The transitions the diagram marks available now, and those its outline says are: both drawn from one snapshot. */
async function availableNow(page: Page) {
  const diagramIds = await diagram(page)
    .locator('[data-available="true"]')
    .evaluateAll((labels) => labels.map((l) => l.getAttribute('data-edge-id')).sort());
  const outlineIds = await page
    .locator('details.chart-outline li[data-outline-edge-id]')
    .evaluateAll((items) =>
      items.filter((i) => i.textContent?.endsWith('— available now')).map((i) => i.getAttribute('data-outline-edge-id')),
    );
  return { diagramIds, outlineIds: outlineIds.sort() };
}

test('an edit that moves a guard redraws the transitions it changes, in the diagram and its outline alike', async ({ page }) => {
  await page.setViewportSize({ width: 1280, height: 800 });
  await ms22DecisionWithEmergencyLimit(page, '38');
  const shows = (expected: string) => expect(outcome(page)).toHaveAttribute('data-outcome', expected);
  const settled = page.locator('section.recommendation[aria-busy="false"]');
  await shows('undecided');
  await settled.waitFor();
  const escalating = await availableNow(page);
  expect(escalating.diagramIds).toEqual(escalating.outlineIds);
  expect(escalating.diagramIds).not.toContain('crewReturn.anomaly.decision:decision.confirm:2');

  // Over the 39 °C flip point and back: each drawing follows, the parts that did not change are kept.
  for (const [value, expected] of [
    ['40', 'launch-replacement'],
    ['38', 'undecided'],
  ] as const) {
    await emergencyLimitField(page).fill(value);
    await emergencyLimitField(page).press('Enter');
    await shows(expected);
    await settled.waitFor();
    const now = await availableNow(page);
    expect(now.diagramIds).toEqual(now.outlineIds);
    if (expected === 'launch-replacement') {
      expect(now.diagramIds).toContain('crewReturn.anomaly.decision:decision.confirm:2');
      expect(now.diagramIds).not.toEqual(escalating.diagramIds);
    } else expect(now.diagramIds).toEqual(escalating.diagramIds);
  }
});
