// @vitest-environment happy-dom
import { cleanup, render, screen, within } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { recommend } from '../../machines/policy/policy';
import type { AssessedValues } from '../../machines/rules/evaluate';
import { estimatedSource } from '../../machines/thermal/estimate';
import { descentCabinSeries } from '../../src/session/charts/descentCabin';
import { marginBars } from '../../src/session/charts/marginBars';
import type { MonteCarloResult } from '../../src/session/model';
import { CabinChart, MarginChart, OutcomeOddsChart, TornadoChart } from '../../src/ui/charts';
import { ms22LikeValues, situation, threeCrewSetup } from '../support';

afterEach(cleanup);

/** A Monte Carlo result of the shape the uncertainty helper produces: made up for the drawing, not for its numbers. */
const result: MonteCarloResult = {
  samples: 100_000,
  seed: 42,
  recommended: 'launch-replacement',
  outcomes: { 'launch-replacement': 0.62, undecided: 0.3, 'emergency-return': 0.08 },
  standardErrors: { 'launch-replacement': 0.0015, undecided: 0.0014, 'emergency-return': 0.0009 },
  tornado: [
    {
      key: 'replacementLeadTimeDays',
      label: 'Replacement lead time',
      unit: 'days',
      low: 40,
      high: 60,
      probabilityAtLow: 0.7,
      probabilityAtHigh: 0.55,
      swing: 0.15,
    },
    {
      key: 'peakCabinTempC.crew2',
      label: 'Peak cabin temperature (2 crew)',
      unit: '°C',
      low: 37,
      high: 39,
      probabilityAtLow: 0.9,
      probabilityAtHigh: 0.2,
      swing: 0.7,
    },
  ],
};

// The charts' chunk is imported on first use: on a busy machine, with another test file importing
// beside it, that can take longer than findBy's default second.
const figure = async (name: RegExp) => screen.findByRole('figure', { name }, { timeout: 15_000 });

describe('Monte Carlo charts (loaded lazily, as the app would)', () => {
  it('odds: a bar and a ± standard-error whisker per outcome, the recommended one said in words, the numbers as a table', async () => {
    render(<OutcomeOddsChart result={result} />);
    const odds = await figure(/Odds of each outcome over 100,000 samples \(seed 42\)/);
    expect(within(odds).getByRole('img', { name: /Odds of each outcome/ })).toBeTruthy();
    expect(odds.querySelectorAll('.odds-bar')).toHaveLength(3);
    // A whisker and its two caps per outcome.
    expect(odds.querySelectorAll('.error-bar')).toHaveLength(9);
    expect(odds.querySelector('.recommended')?.textContent).toContain('◆ Launch replacement');
    const rows = within(within(odds).getByRole('table')).getAllByRole('row').slice(1);
    expect(rows.map((r) => r.textContent)).toEqual([
      'Launch replacement62.0 %± 0.15 %yes (conservative end)',
      'Undecided: escalate30.0 %± 0.14 %',
      'Emergency return8.0 %± 0.09 %',
    ]);
    expect(odds.textContent).toContain('Probability (%)');
  });

  it('beside the odds panel’s own tables, a Monte Carlo chart points to them instead of repeating them', async () => {
    render(<OutcomeOddsChart result={result} tableBeside />);
    const odds = await figure(/Odds of each outcome/);
    expect(within(odds).queryByRole('table')).toBeNull();
    expect(odds.textContent).toContain('Its numbers are in the table below.');
  });

  it('tornado: widest swing on top, each end labelled with its value and unit, the overall probability as a labelled line', async () => {
    render(<TornadoChart result={result} />);
    const tornado = await figure(/Tornado: what moves the odds of “Launch replacement”/);
    const labels = [...tornado.querySelectorAll('.tornado-row .plot-row-label')].map((t) => t.textContent);
    expect(labels).toEqual(['Peak cabin temperature (2 crew)', 'Replacement lead time']);
    expect(tornado.textContent).toContain('37 °C');
    expect(tornado.textContent).toContain('60 days');
    expect(tornado.querySelector('[data-limit="base"]')?.textContent).toBe('all sampled: 62.0 %');
    const cells = within(tornado).getAllByRole('row')[1]?.textContent;
    expect(cells).toBe('Peak cabin temperature (2 crew)37 °C → 90.0 %39 °C → 20.0 %70.0 points');
  });
});

describe('live charts', () => {
  it('cabin: an estimate is drawn hollow and labelled "estimated", a missing value says "no report", limits are labelled lines with units', async () => {
    const values: AssessedValues = {
      ...ms22LikeValues,
      'peakCabinTempC.crew1': { nominal: 33, low: 30, high: 36, source: estimatedSource },
    };
    const { 'peakCabinHumidityPct.crew1': _, ...withoutHumidity1 } = values;
    render(<CabinChart series={descentCabinSeries(situation({ values: withoutHumidity1 }))} temperatureUnit="°C" />);
    const cabin = await figure(/Predicted peak descent cabin temperature and humidity by crew count/);
    const estimated = cabin.querySelectorAll('[data-estimated="true"]');
    expect(estimated).toHaveLength(1);
    expect(estimated[0]?.textContent).toContain('estimated');
    expect(cabin.querySelector('[data-quantity="peakCabinHumidityPct"]')?.textContent).toContain('no report');
    const limits = [...cabin.querySelectorAll('[data-quantity="peakCabinTempC"] .limit')].map((l) => l.textContent);
    expect(limits).toEqual(['nominal limit 27 °C', 'emergency limit 40 °C']);
    expect(cabin.textContent).toContain('Peak temperature (°C)');
    expect(cabin.textContent).toContain('Crew aboard (persons)');
    expect(within(cabin).getAllByRole('row')[1]?.textContent).toContain('estimated (not a report)');
  });

  it('cabin in °F: axis, limits and table follow the display unit', async () => {
    render(<CabinChart series={descentCabinSeries(situation())} temperatureUnit="°F" />);
    const cabin = await figure(/by crew count/);
    expect(cabin.textContent).toContain('Peak temperature (°F)');
    expect(cabin.textContent).toContain('emergency limit 104 °F');
  });

  it('margins: a failing bar is hatched and marked ✘, a thin one says so, the limit and thin-margin lines are labelled', async () => {
    const s = situation();
    const bars = marginBars(recommend(s));
    render(<MarginChart bars={bars} setup={threeCrewSetup} temperatureUnit="°C" />);
    const margins = await figure(/Margin to limit/);
    const failing = margins.querySelectorAll('.margin-row.status-fail');
    expect(failing.length).toBe(bars.filter((b) => b.evaluation.status === 'fail').length);
    for (const row of failing) {
      expect(row.querySelector('rect')?.getAttribute('fill')).toMatch(/^url\(#/);
      expect(row.textContent).toContain('✘');
    }
    expect(margins.querySelectorAll('.bar-thin')).toHaveLength(bars.filter((b) => b.thin).length);
    expect([...margins.querySelectorAll('.limit-label')].map((l) => l.textContent)).toEqual(['limit', 'thin (1 band)']);
    expect(margins.textContent).toContain('Margin to the limit (caution bands of the rule)');
    // The rated load met exactly is said as such, not drawn as a thin pass.
    expect(margins.textContent).toContain('at limit by design');
  });
});
