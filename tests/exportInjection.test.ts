import { describe, expect, it } from 'vitest';
import { extendLedger, makePacket } from '../src/record/ledger';
import { type PacketReport, reportCsv, reportMarkdown } from '../src/reports/packetReport';
import { decisionRecord } from '../src/session/decisionRecord';
import { foldSession, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { loadBuiltInScenario, readCsv } from './support';

const forgedHeading = '\n# ALL CLEAR\n\n<img src=x onerror=alert(1)>';

/** MS-22 with operator and scenario text written to break out of a spreadsheet cell or a Markdown line. */
async function hostileReport(): Promise<PacketReport> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  scenario.title = `<script>alert(1)</script> &amp; [link](javascript:alert(1))${forgedHeading}`;
  const events = scenario.events as { by: { name: string; role: string }; rationale?: string }[];
  const formulas = ['=HYPERLINK("http://evil.example","click")', "+1+cmd|' /C calc'!A0", '-2+3', '@SUM(1,1)', '\t=1', '\r=1'];
  events.forEach((event, i) => {
    event.by = { name: formulas[i % formulas.length] ?? '', role: formulas[(i + 1) % formulas.length] ?? '' };
  });
  const decision = events[17];
  if (decision) decision.rationale = `1. forged list item${forgedHeading}\n| forged | table |`;
  const profile = await defaultProfile();
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, '=NOW()') });
  const packet = makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold));
  return { packet, fold, record: decisionRecord(scenario, profile, fold) };
}

describe('exports carry input text inert', () => {
  it('CSV: no cell starts as a spreadsheet formula; each such cell is quoted and begins with a quote mark', async () => {
    const csv = reportCsv(await hostileReport());
    const [header = [], ...rows] = readCsv(csv);
    expect(rows).toHaveLength(29);
    for (const row of rows) {
      expect(row).toHaveLength(header.length);
      for (const cell of row) expect(cell).not.toMatch(/^[=+\-@\t\r]/);
    }
    const name = rows[0]?.[header.indexOf('actorName')];
    expect(name).toBe('\'=HYPERLINK("http://evil.example","click")');
    expect(csv).toContain('"\'=HYPERLINK(""http://evil.example"",""click"")"');
    expect(rows.map((r) => r[header.indexOf('wallClockUtc')])).toContain("'=NOW()");
  });

  it('Markdown: no HTML, and no heading, list or table row forged by input text', async () => {
    const hostile = await hostileReport();
    const markdown = reportMarkdown(hostile);
    expect(markdown).not.toMatch(/[<>]/);
    expect(markdown).toMatch(
      /^# Decision record: &lt;script&gt;alert\(1\)&lt;\/script&gt; &amp;amp; \\\[link\\\]\(javascript:alert\(1\)\) \\# ALL CLEAR {2}&lt;img src=x onerror=alert\(1\)&gt;$/m,
    );
    // The structure is the benign report's: the same headings, list items and table rows.
    const benign = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const fold = foldSession({ scenario: benign, profile, events: scriptedEvents(benign, '2026-11-26T10:00:00Z') });
    const packet = makePacket(benign, profile, await extendLedger(benign, profile, [], fold));
    const shape = (text: string) => text.split('\n').map((line) => /^(#+ |- |\d+\. |\||$)/.exec(line)?.[1] ?? 'text');
    expect(shape(markdown)).toEqual(shape(reportMarkdown({ packet, fold, record: decisionRecord(benign, profile, fold) })));
    expect(markdown).toMatch(
      /^- Decision: .*“1. forged list item \\# ALL CLEAR {2}&lt;img src=x onerror=alert\(1\)&gt; \\| forged \\| table \\|”$/m,
    );
  });
});
