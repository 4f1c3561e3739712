// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import fc from 'fast-check';
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { recommend } from '../machines/policy/policy';
import { peakCabinTempReading } from '../machines/rules/readings';
import { currentSituation } from '../machines/statechart/context';
import { descentCabinByCrewCount } from '../machines/thermal/byCrewCount';
import { descentCabinModels } from '../machines/thermal/descentCabinInputs';
import { descentThermalEstimate } from '../machines/thermal/estimate';
import type { AssessedValue } from '../machines/types';
import { resolveVehicle } from '../machines/vehicles/vehicles';
import { extendLedger, makePacket } from '../src/record/ledger';
import { decidingNumberSentence } from '../src/reports/answerWords';
import { type PacketReport, reportCsv, reportJson, reportMarkdown } from '../src/reports/packetReport';
import { ruleCells } from '../src/reports/ruleWords';
import { formatRun } from '../src/reports/text';
import { decisionRecord } from '../src/session/decisionRecord';
import { foldSession, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { describeRun } from '../src/session/runScenario';
import { EntryDetails } from '../src/ui/audit/EntryDetails';
import { PrintRecord } from '../src/ui/audit/PrintRecord';
import { RuleTable } from '../src/ui/decision/RuleTable';
import { builtInScenarioFiles, loadBuiltInScenario, ms22LikeValues, situation, threeCrewSetup } from './support';

afterEach(cleanup);

const soyuz = threeCrewSetup.damagedVehicle;
const soyuzModel = descentCabinModels['soyuz-ms'];
if (!soyuzModel) throw new Error('no Soyuz MS cabin model');
const without = (key: string) => Object.fromEntries(Object.entries(ms22LikeValues).filter(([k]) => k !== key));

describe('the thermal rule reads a report, else the estimate', () => {
  it('a report always wins over an estimate, whatever it says (property)', () => {
    const reported = fc
      .tuple(fc.double({ min: -50, max: 120, noNaN: true }), fc.double({ min: 0, max: 20, noNaN: true }))
      .map(([nominal, spread]): AssessedValue => ({ nominal, high: nominal + spread, source: 'TASS-0111' }));
    fc.assert(
      fc.property(reported, fc.integer({ min: 1, max: 3 }), (report, crew) => {
        const reading = peakCabinTempReading(soyuz, { [`peakCabinTempC.crew${crew}`]: report }, crew);
        expect(reading).toMatchObject({ value: report.high, nominalValue: report.nominal, valueSource: 'TASS-0111' });
      }),
    );
  });

  it('where no report exists, the rule judges the estimate at its high end, labelled `estimated`, with its inputs', () => {
    const reading = peakCabinTempReading(soyuz, without('peakCabinTempC.crew1'), 1);
    const estimate = descentThermalEstimate(soyuzModel, {}, 1);
    expect(reading).toMatchObject({ value: estimate.highC, nominalValue: estimate.nominalC, valueSource: 'estimated' });
    expect(reading.inputs.map((i) => i.key)).toEqual(estimate.inputs.map((i) => i.key));
    // A warmer input warms the reading: the terms point the way flip points search.
    for (const term of reading.inputs) expect(Math.sign(term.scale), term.key).toBe(term.key.includes('Capacity') ? -1 : 1);
  });

  it('a class with no calibrated model stays unknown', () => {
    const dragon = resolveVehicle({ id: 'd', name: 'Dragon', class: 'crew-dragon' });
    expect(peakCabinTempReading(dragon, {}, 2)).toMatchObject({ value: null, valueSource: null });
    expect(descentCabinByCrewCount(dragon, {}).map((c) => c.reading)).toEqual(['unknown', 'unknown', 'unknown', 'unknown']);
  });

  it('gives every seated crew count its report or estimate, the report winning', () => {
    const rows = descentCabinByCrewCount(soyuz, without('peakCabinTempC.crew1'));
    expect(rows.map((r) => [r.crewAboard, r.reading])).toEqual([
      [1, 'estimated'],
      [2, 'reported'],
      [3, 'reported'],
    ]);
    expect(rows[2]?.temperatureReport).toEqual(ms22LikeValues['peakCabinTempC.crew3']);
    expect(rows[2]?.estimate?.nominalC).toBeCloseTo(40, 9);
  });

  it('an estimate decides where the other crew rules are reported: the rule reads it', () => {
    const values = without('peakCabinTempC.crew2');
    const rule = (thresholds = situation().thresholds) =>
      recommend(situation({ values, thresholds }))
        .rows.flatMap((r) => r.evaluations)
        .find((e) => e.ruleId === 'thermal.peak-cabin-temp' && e.crewCount === 2 && e.tier === 'emergency');
    expect(rule()).toMatchObject({ valueSource: 'estimated', status: 'fail' });
    const high = descentThermalEstimate(soyuzModel, {}, 2).highC;
    expect(rule({ ...situation().thresholds, 'maxDescentCabinTempC.emergency': high })).toMatchObject({ status: 'pass' });
  });
});

describe('no built-in scenario is decided by the estimate', () => {
  // Humidity is not estimated, and every scenario reports temperature and humidity together: however
  // cool or hot the estimate, no step's recommendation differs from the one with the model's defaults.
  const extremes: Record<string, Record<string, AssessedValue>> = {
    cool: {
      cabinTempAtHatchCloseC: { nominal: 0, source: 'test' },
      descentCabinHeatCapacityKjPerK: { nominal: 1e6, source: 'test' },
    },
    hot: {
      cabinTempAtHatchCloseC: { nominal: 60, source: 'test' },
      descentCabinHeatCapacityKjPerK: { nominal: 1, source: 'test' },
    },
  };
  it.each(builtInScenarioFiles())('%s', async (file) => {
    const scenario = loadBuiltInScenario(file);
    const fold = foldSession({
      scenario,
      profile: await defaultProfile(),
      events: scriptedEvents(scenario, '2026-11-26T10:00:00Z'),
    });
    for (const step of fold.steps) {
      if (!step.after.context.anomalyDetected) continue;
      const s = currentSituation(step.after.context);
      const withDefaults = recommend(s).outcome;
      for (const [name, inputs] of Object.entries(extremes)) {
        expect(recommend({ ...s, values: { ...s.values, ...inputs } }).outcome, `step ${step.seq}, ${name}`).toBe(withDefaults);
      }
    }
  });
});

/** MS-22 up to the replacement lead time: no thermal report yet, so every crew count is estimated. */
async function ms22BeforeThermalReports(): Promise<{ report: PacketReport; cliText: string }> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const upTo = scenario.events.findIndex((e) => 'quantity' in e && e.quantity === 'peakCabinTempC');
  const cut = { ...scenario, events: scenario.events.slice(0, upTo) };
  const profile = await defaultProfile();
  const fold = foldSession({ scenario: cut, profile, events: scriptedEvents(cut, '2026-11-26T10:00:00Z') });
  const packet = makePacket(cut, profile, await extendLedger(cut, profile, [], fold));
  return {
    report: { packet, fold, record: decisionRecord(cut, profile, fold) },
    cliText: formatRun(describeRun(cut, profile, fold)),
  };
}

describe('an estimate is labelled as one wherever a value is shown', () => {
  // One report for every presenter below: MS-22 before its thermal reports, every crew count estimated.
  let report: PacketReport;
  let cliText: string;
  let thermal: NonNullable<PacketReport['record']['recommendation']>['decidingRules'];
  beforeAll(async () => {
    ({ report, cliText } = await ms22BeforeThermalReports());
    thermal = report.record.recommendation?.decidingRules.filter((r) => r.rule === 'thermal.peak-cabin-temp') ?? [];
  });
  const linesStarting = (text: string, start: string) => text.split('\n').filter((l) => l.startsWith(start));

  it('the decision record: every deciding thermal rule reads the estimate', () => {
    expect(thermal.length).toBeGreaterThan(0);
    expect(thermal.map((r) => r.valueSource)).toEqual(thermal.map(() => 'estimated'));
  });

  it('the CLI: each thermal line says estimated, at the value and at the source', () => {
    const cliLines = linesStarting(cliText, 'thermal.peak-cabin-temp ');
    expect(cliLines.length).toBeGreaterThan(0);
    for (const line of cliLines) expect(line).toMatch(/estimated \d+(\.\d+)? °C .*estimated$/);
  });

  it('the Markdown report: one estimated row per deciding thermal rule', () => {
    const markdownLines = linesStarting(reportMarkdown(report), '| thermal.peak-cabin-temp ');
    expect(markdownLines).toHaveLength(thermal.length);
    for (const line of markdownLines) expect(line).toContain('| estimated ');
  });

  it('the CSV report: the deciding thermal rule is estimated', () => {
    expect(reportCsv(report)).toMatch(/thermal\.peak-cabin-temp \([^)]*\): estimated \d/);
  });

  it("the JSON report: its deciding thermal rules are the record's, each estimated", () => {
    const rules: { rule: string; valueSource: string }[] = JSON.parse(reportJson(report)).record.recommendation.decidingRules;
    const thermalInJson = rules.filter((r) => r.rule === 'thermal.peak-cabin-temp');
    expect(thermalInJson).toHaveLength(thermal.length);
    expect(thermalInJson.map((r) => r.valueSource)).toEqual(thermal.map(() => 'estimated'));
  });

  it('the printed record: one estimated row per distinct deciding thermal rule (a rule two policy rows read is printed once)', () => {
    const printed = render(<PrintRecord report={report} />).container;
    const printedRows = [...printed.querySelectorAll('[data-field="deciding-rules"] tbody tr')].filter((tr) =>
      tr.textContent?.includes('thermal.peak-cabin-temp'),
    );
    const distinct = new Set(thermal.map((r) => JSON.stringify(ruleCells(r))));
    expect(printedRows).toHaveLength(distinct.size);
    expect(new Set(printedRows.map((tr) => tr.textContent)).size).toBe(printedRows.length);
    for (const tr of printedRows) expect(tr.textContent).toContain('estimated');
  });

  it('the audit entry: the recorded thermal evaluations are estimated, and no other rule has a source', () => {
    const last = report.packet.entries.at(-1);
    if (!last) throw new Error('no entries');
    const recorded = last.derived.evaluations.filter((e) => e.rule === 'thermal.peak-cabin-temp');
    expect(recorded.length).toBeGreaterThan(0);
    for (const e of recorded) expect(e.source).toBe('estimated');
    expect(last.derived.evaluations.filter((e) => e.rule !== 'thermal.peak-cabin-temp' && e.source)).toEqual([]);
    const entry = render(
      <EntryDetails
        entry={last}
        total={1}
        setup={null}
        thresholds={null}
        needsSignature={false}
        onStep={vi.fn()}
        onCopied={vi.fn()}
      />,
    ).container;
    const shownRows = [...entry.querySelectorAll('.entry-evaluations tbody tr')].filter((r) =>
      r.textContent?.includes('peak-cabin-temp'),
    );
    expect(shownRows).toHaveLength(recorded.length);
    for (const tr of shownRows) expect(tr.textContent).toContain('estimated');
  });

  it('the rule table, in °F: each thermal row says estimated, at the value and at the source', () => {
    const context = report.fold.snapshot.context;
    const recommendation = recommend(currentSituation(context));
    const table = render(
      <RuleTable policyRows={recommendation.rows} recommendation={recommendation} setup={context.setup} temperatureUnit="°F" />,
    ).container;
    const rows = [...table.querySelectorAll('tr[data-rule="thermal.peak-cabin-temp"]')];
    expect(rows.length).toBeGreaterThan(0);
    for (const tr of rows) expect(tr.textContent).toMatch(/estimated \d+(\.\d+)? °F.*estimated$/);
  });

  it("the answer's deciding-number sentence says estimated", () => {
    const recommendation = recommend(currentSituation(report.fold.snapshot.context));
    const evaluation = recommendation.rows.flatMap((r) => r.evaluations).find((e) => e.valueSource === 'estimated');
    if (!evaluation) throw new Error('no estimated evaluation');
    expect(decidingNumberSentence(evaluation, false, '°C')).toMatch(/estimated \d/);
  });

  it('a reported value is never labelled estimated', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, '2026-11-26T10:00:00Z') });
    const cliText = formatRun(describeRun(scenario, profile, fold));
    const lines = cliText.split('\n').filter((l) => /thermal\.peak-cabin-temp\s+[23] crew/.test(l));
    expect(lines.length).toBeGreaterThan(0);
    for (const line of lines) expect(line).not.toContain('estimated');
  });
});
