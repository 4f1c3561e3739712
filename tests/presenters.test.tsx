// @vitest-environment happy-dom
import { cleanup, render } from '@testing-library/react';
import { afterEach, describe, expect, it } from 'vitest';
import { extendLedger, makePacket } from '../src/record/ledger';
import { type PacketReport, reportCsv, reportJson, reportMarkdown } from '../src/reports/packetReport';
import { formatRun } from '../src/reports/text';
import { decisionRecord } from '../src/session/decisionRecord';
import { foldSession, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { describeRun } from '../src/session/runScenario';
import { foldWalkthrough, moveTo, openWalkthrough, recordEvent } from '../src/session/walkthrough';
import { PrintRecord } from '../src/ui/audit/PrintRecord';
import { builtInScenarioFiles, by, loadBuiltInScenario, readCsv } from './support';

afterEach(cleanup);

/** What every presenter must state alike, read back from what it printed. */
interface Stated {
  outcome: string;
  /** `kind|who|when` of the decision taken, or `none`. */
  decision: string;
  decidingRules: string[];
}

/** "launch-replacement, confirmed by X (role) at 2023-01-11 12:00 UTC scenario time, entry 18…" → kind|who|when. */
function decisionOf(sentence: string): string {
  if (sentence.startsWith('no decision recorded')) return 'none';
  const match = /^[a-z-]+, (confirmed|OVERRIDDEN|automatic)[^,]*? by (.+?) at (\d{4}-\d\d-\d\d \d\d:\d\d) UTC/.exec(sentence);
  return match ? `${match[1]}|${match[2]}|${match[3]}` : `unreadable: ${sentence}`;
}

function fromCliText(text: string): Stated {
  const lines = text.split('\n');
  const line = (prefix: string) => lines.find((l) => l.startsWith(prefix))?.slice(prefix.length) ?? '';
  const start = lines.indexOf('deciding rules:');
  const rules = start === -1 ? [] : lines.slice(start + 3, lines.indexOf('', start));
  return {
    outcome: line('outcome: ').split(' ')[0] ?? '',
    decision: decisionOf(line('decision: ')),
    decidingRules: rules.map((r) => r.split(/\s+/)[0] ?? ''),
  };
}

function fromMarkdown(md: string): Stated {
  const lines = md.split('\n');
  const start = lines.indexOf('## Deciding rules');
  const rows = start === -1 ? [] : lines.slice(start + 4, lines.indexOf('', start + 2));
  return {
    outcome: /^- Outcome: \*\*(.+?)\*\*/m.exec(md)?.[1] ?? '',
    decision: decisionOf((/^- Decision: (.*)$/m.exec(md)?.[1] ?? '').replace(/\\(.)/g, '$1')),
    decidingRules: rows.map((r) => r.split('|')[1]?.trim().replace(/\\(.)/g, '$1') ?? ''),
  };
}

function fromCsv(csv: string): Stated {
  const [header = [], ...rows] = readCsv(csv);
  const col = (name: string) => header.indexOf(name);
  const row = rows.find((r) => r[col('record')]) ?? [];
  const record = row[col('record')] ?? '';
  return {
    outcome: /^outcome (\S+)/.exec(record)?.[1] ?? '',
    decision: decisionOf(/; decision (.*)$/.exec(record)?.[1] ?? ''),
    decidingRules: (row[col('decidingRules')] ?? '')
      .split('; ')
      .filter(Boolean)
      .map((r) => r.split(' ')[0] ?? ''),
  };
}

function fromJson(json: string): Stated {
  const { record } = JSON.parse(json);
  return {
    outcome: record.outcome,
    decision: record.decision
      ? `${record.decision.kind === 'overridden' ? 'OVERRIDDEN' : record.decision.kind}|${record.decision.by.name} (${record.decision.by.role})|${record.decision.atUtc.slice(0, 16).replace('T', ' ')}`
      : 'none',
    decidingRules: (record.recommendation?.decidingRules ?? []).map((r: { rule: string }) => r.rule),
  };
}

function fromPrinted(report: PacketReport): Stated {
  const { container } = render(<PrintRecord report={report} />);
  const text = (field: string) => container.querySelector(`[data-field="${field}"]`)?.textContent ?? '';
  const rules = [...container.querySelectorAll('[data-field="deciding-rules"] tbody tr')].map(
    (tr) => tr.querySelector('td')?.textContent ?? '',
  );
  const stated = {
    outcome:
      text('outcome')
        .replace(/^Outcome: /, '')
        .split(' ')[0] ?? '',
    decision: decisionOf(text('decision').replace(/^Decision: /, '')),
    decidingRules: rules,
  };
  cleanup();
  return stated;
}

type Presenter = (report: PacketReport, cliText: string) => Stated;
const presenters: Record<string, Presenter> = {
  cli: (_, cliText) => fromCliText(cliText),
  markdown: (report) => fromMarkdown(reportMarkdown(report)),
  csv: (report) => fromCsv(reportCsv(report)),
  json: (report) => fromJson(reportJson(report)),
  printed: (report) => fromPrinted(report),
};

/** Every presenter's reading, and the first that disagrees with the JSON report (the record itself). */
function disagreement(report: PacketReport, cliText: string, all: Record<string, Presenter>): string | null {
  const reference = fromJson(reportJson(report));
  for (const [name, present] of Object.entries(all)) {
    const stated = present(report, cliText);
    if (JSON.stringify(stated) !== JSON.stringify(reference))
      return `${name} states ${JSON.stringify(stated)}, the record ${JSON.stringify(reference)}`;
  }
  return null;
}

async function scriptedReport(file: string): Promise<{ report: PacketReport; cliText: string }> {
  const scenario = loadBuiltInScenario(file);
  const profile = await defaultProfile();
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, '2026-11-26T10:00:00Z') });
  const packet = makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold));
  const report = { packet, fold, record: decisionRecord(scenario, profile, fold) };
  return { report, cliText: formatRun(describeRun(scenario, profile, fold)) };
}

/** MS-22 with a threshold change and an override at the decision, then stepped to the end. */
async function overriddenReport(): Promise<{ report: PacketReport; cliText: string }> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const profile = await defaultProfile();
  let w = moveTo(openWalkthrough(scenario, profile, '2026-11-26T10:00:00Z'), 17, '2026-11-26T10:01:00Z');
  for (const request of [
    { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 42, reason: 'hot-case waiver' },
    { type: 'decision.override', outcome: 'emergency-return', rationale: 'crew health first' },
  ] as const) {
    const recorded = recordEvent(w, request, by, '2026-11-26T10:02:00Z');
    if (!recorded.ok) throw new Error(recorded.reason);
    w = recorded.walkthrough;
  }
  w = moveTo(w, scenario.events.length, '2026-11-26T10:03:00Z');
  const fold = foldWalkthrough(w);
  const packet = makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold));
  return {
    report: { packet, fold, record: decisionRecord(scenario, profile, fold) },
    cliText: formatRun(describeRun(scenario, profile, fold)),
  };
}

describe('every presenter states the one record', () => {
  it.each(builtInScenarioFiles())('%s: CLI, Markdown, CSV, JSON report and printed record agree', async (file) => {
    const { report, cliText } = await scriptedReport(file);
    expect(disagreement(report, cliText, presenters)).toBeNull();
    expect(fromJson(reportJson(report)).outcome).toBe(loadBuiltInScenario(file).expected.outcome);
  });

  it('a session with a threshold change and an override: all agree, and say who overrode, when and under which thresholds', async () => {
    const { report, cliText } = await overriddenReport();
    expect(disagreement(report, cliText, presenters)).toBeNull();
    const stated = fromMarkdown(reportMarkdown(report));
    expect(stated).toMatchObject({
      outcome: 'emergency-return',
      decision: `OVERRIDDEN|${by.name} (${by.role})|2023-01-11 09:00`,
    });
    expect(report.record.thresholds).toMatchObject({
      at: 'decision',
      changed: [{ key: 'maxDescentCabinTempC.emergency', value: 42, profileValue: 40, unit: '°C' }],
    });
    expect(reportMarkdown(report)).toContain('maxDescentCabinTempC.emergency 42 °C (profile 40 °C)');
  });

  it('the station emergency: the automatic decision is the decision in every presenter', async () => {
    const { report } = await scriptedReport('station-emergency.json');
    expect(report.record.decision?.kind).toBe('automatic');
    expect(fromMarkdown(reportMarkdown(report)).decision).toMatch(/^automatic\|/);
  });

  it('a presenter that works the outcome out on its own is caught', async () => {
    const { report, cliText } = await overriddenReport();
    // As the old Markdown did: the last entry's recommendation as the outcome, the last decision.* entry as the decision.
    const divergent: Presenter = (r) => {
      const last = r.packet.entries.at(-1);
      const decided = [...r.packet.entries].reverse().find((e) => e.event.type.startsWith('decision.'));
      return {
        outcome: last?.derived.recommendation?.outcome ?? 'undecided',
        decision: decided
          ? `${decided.derived.decision?.kind}|${decided.event.by.name} (${decided.event.by.role})|${decided.event.at.slice(0, 16).replace('T', ' ')}`
          : 'none',
        decidingRules: (decided?.derived.evaluations ?? []).map((e) => e.rule),
      };
    };
    expect(disagreement(report, cliText, { ...presenters, divergent })).toMatch(/^divergent states/);
  });
});
