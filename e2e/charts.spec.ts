import { expect, type Page, test } from '@playwright/test';
import {
  emergencyLimitField,
  expectChartsDrawnAsComputed,
  expectNoAxeViolations,
  identify,
  openWalkthrough,
  stepUntil,
  untilTheTestEnds,
} from './support';

const charts = [
  {
    name: /^Margin to limit, every rule the recommendation rests on$/,
    units: ['Margin to the limit (caution bands of the rule)', '−3 °C'],
    table: ['thermal.peak-cabin-temp', '✘ FAIL', 'thin margin'],
  },
  {
    name: /^Predicted peak descent cabin temperature and humidity by crew count$/,
    units: [
      'Peak temperature (°C)',
      'Peak humidity (%RH)',
      'Crew aboard (persons)',
      'emergency limit 40 °C',
      'nominal limit 75 %RH',
    ],
    table: ['no report', '40 °C – 43 °C', 'report (SD-0215)'],
  },
  {
    name: /^Flip points: from each value now to where the recommendation changes$/,
    units: ['now 40 °C', '< 39 °C → Undecided: escalate', '★ nearest'],
    table: ['Threshold: Peak descent cabin temperature (emergency) (nearest flip)', 'nominal 27 °C, emergency 40 °C'],
  },
  {
    name: /^Soyuz MS-22: the mission against its certified life$/,
    units: ['Vehicle age (days since launch, 2022-09-21)', 'certified life 200 d (100 %)', 'lifeboat allowance 220 d (110 %)'],
    table: ['anomaly', 'replacement arrives (lead time + hold)', 'lifeboat allowance'],
  },
];

async function openDecisionStep(page: Page) {
  await page.setViewportSize({ width: 1280, height: 800 });
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
}

test('each chart at the decision step is a titled picture with units on its axes and limits, and its numbers as a table reached by keyboard', async ({
  page,
}) => {
  await openDecisionStep(page);
  for (const chart of charts) {
    const figure = page.getByRole('figure', { name: chart.name });
    await figure.scrollIntoViewIfNeeded();
    await expect(figure.getByRole('img', { name: chart.name })).toBeVisible();
    for (const text of chart.units) await expect(figure.getByRole('img', { name: chart.name })).toContainText(text);
    const summary = figure.locator('summary');
    await summary.focus();
    await page.keyboard.press('Enter');
    const table = figure.getByRole('table');
    await expect(table).toBeVisible();
    for (const text of chart.table) await expect(table).toContainText(text);
  }
  await expectChartsDrawnAsComputed(page);
  await expectNoAxeViolations(page, 'figure.plot');
});

test('the charts follow an edit of a threshold: its limit line and its flip line move with it', async ({ page }) => {
  await openDecisionStep(page);
  await page.getByRole('button', { name: 'Explore (not recorded)' }).click();
  await emergencyLimitField(page).fill('44');
  await page.keyboard.press('Enter');
  const cabin = page.getByRole('figure', { name: charts[1]?.name ?? '' });
  const flips = page.getByRole('figure', { name: charts[2]?.name ?? '' });
  // Scrolled away, a chart is not drawn again by the edit, and says it is behind; it catches up as it comes near.
  await expect(page.locator('.chart-slot').filter({ has: flips })).toHaveAttribute('aria-busy', 'true');
  await cabin.scrollIntoViewIfNeeded();
  await expect(cabin.getByRole('img', { name: charts[1]?.name ?? '' })).toContainText('emergency limit 44 °C');
  await flips.scrollIntoViewIfNeeded();
  await expect(page.locator('.chart-slot').filter({ has: flips })).toHaveAttribute('aria-busy', 'false');
  await expect(flips.getByRole('img', { name: charts[2]?.name ?? '' })).toContainText('now 44 °C');
});

test('the vehicle-life chart marks the decision once it is taken', async ({ page }) => {
  await openDecisionStep(page);
  await page.getByRole('button', { name: /^Confirm: / }).click();
  await identify(page);
  const life = page.getByRole('figure', { name: charts[3]?.name ?? '' });
  await life.scrollIntoViewIfNeeded();
  await expect(life.locator('g[data-mark="decision"]')).toContainText('decision');
});

/** Every chart's text as drawn on screen: its font size times the scale its SVG is drawn at, and whether it stays inside its figure. */
function chartTextOnScreen(page: Page) {
  return page.locator('figure.plot').evaluateAll((figures) =>
    figures.flatMap((figure) => {
      const svg = figure.querySelector<SVGSVGElement>('svg.plot-svg');
      const frame = figure.getBoundingClientRect();
      return [...(svg?.querySelectorAll<SVGTextElement>('text') ?? [])]
        .filter((text) => (text.textContent ?? '').trim() !== '')
        .map((text) => {
          const box = text.getBoundingClientRect();
          // A rotated label (the vertical axis's title) scales by the length of its CTM's first column.
          const ctm = text.getScreenCTM();
          return {
            chart: figure.getAttribute('data-chart')?.replace(/-.*/, '') ?? '',
            text: text.textContent ?? '',
            fontSizePx: Number.parseFloat(getComputedStyle(text).fontSize) * (ctm ? Math.hypot(ctm.a, ctm.b) : 0),
            insideFigure: box.left >= frame.left - 1 && box.right <= frame.right + 1,
          };
        });
    }),
  );
}

/** MS-22 at its decision step with a small Monte Carlo run: every kind of chart on one page. */
async function openEveryChart(page: Page) {
  await openWalkthrough(page, 'Soyuz MS-22 coolant leak');
  await stepUntil(page, 'anomaly.decision');
  const odds = page.getByRole('region', { name: 'How often the answer holds across the reported ranges' });
  await odds.getByLabel('Samples').fill('2000');
  await odds.getByLabel('Seed').fill('3');
  await odds.getByRole('button', { name: 'Run' }).click();
  await expect(odds.getByTestId('odds-result').getByRole('figure')).toHaveCount(2, untilTheTestEnds);
  await expect(page.locator('.plot-pending')).toHaveCount(0);
}

const everyChart = new Set(['margins', 'cabin', 'flips', 'life', 'odds', 'tornado']);

// 1440 is checked in the narrowing test below, on its way to 1024.
for (const viewport of [
  { width: 1024, height: 768 },
  { width: 1920, height: 1080 },
]) {
  test(`at ${viewport.width}×${viewport.height} every chart's text is drawn at 12 px or more, inside its figure`, async ({
    page,
  }) => {
    await page.setViewportSize(viewport);
    await openEveryChart(page);
    const texts = await chartTextOnScreen(page);
    expect(new Set(texts.map((t) => t.chart))).toEqual(everyChart);
    expect(texts.filter((t) => t.fontSizePx < 12)).toEqual([]);
    expect(texts.filter((t) => !t.insideFigure)).toEqual([]);
  });
}

test('at 1440×900 every chart’s text is drawn at 12 px or more, inside its figure; narrowed to 1024 px the charts are laid out again at the new width, their text still so', async ({
  page,
}) => {
  await page.setViewportSize({ width: 1440, height: 900 });
  await openEveryChart(page);
  const atWidePx = await chartTextOnScreen(page);
  expect(new Set(atWidePx.map((t) => t.chart))).toEqual(everyChart);
  expect(atWidePx.filter((t) => t.fontSizePx < 12)).toEqual([]);
  expect(atWidePx.filter((t) => !t.insideFigure)).toEqual([]);
  const svgs = page.locator('svg.plot-svg');
  const widthPx = (i: number) => svgs.nth(i).evaluate((svg) => (svg as SVGSVGElement).viewBox.baseVal.width);
  const wide = await svgs.evaluateAll((all) => all.map((svg) => (svg as SVGSVGElement).viewBox.baseVal.width));
  await page.setViewportSize({ width: 1024, height: 768 });
  // A chart in a part of the page not yet rendered (content-visibility) is measured again when it scrolls into view.
  for (const [i, widePx] of wide.entries()) {
    await svgs.nth(i).scrollIntoViewIfNeeded();
    await expect.poll(() => widthPx(i)).toBeLessThan(widePx);
  }
  const texts = await chartTextOnScreen(page);
  expect(texts.filter((t) => t.fontSizePx < 12)).toEqual([]);
  expect(texts.filter((t) => !t.insideFigure)).toEqual([]);
});
