import { describe, expect, it } from 'vitest';
import { report } from '../src/cli/report';
import { extendLedger, makePacket } from '../src/record/ledger';
import { type PacketReport, reportCsv, reportMarkdown } from '../src/reports/packetReport';
import { decisionRecord } from '../src/session/decisionRecord';
import { foldSession, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { rawControl, runInProcess, scratchFolder } from './cliHarness';
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

/** ESC sequences, a bell, a C1 CSI, DEL, every bidirectional override and isolate, and a line separator. */
const controlText = '\u001b[2J\u0007\u009b31m\u007f \u202eevil\u202c \u2066a\u2067b\u2068c\u2069 \u061c\u200e\u2028end\u0000';
const spelledOut =
  '\\u001b[2J\\u0007\\u009b31m\\u007f \\u202eevil\\u202c \\u2066a\\u2067b\\u2068c\\u2069 \\u061c\\u200e\\u2028end\\u0000';

async function controlReport(): Promise<PacketReport> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  scenario.title = `MS-22 ${controlText}`;
  const events = scenario.events as { by: { name: string; role: string }; rationale?: string }[];
  for (const event of events) event.by = { name: `=Ana${controlText}`, role: controlText };
  const profile = await defaultProfile();
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, '2026-11-26T10:00:00Z') });
  const packet = makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold));
  return { packet, fold, record: decisionRecord(scenario, profile, fold) };
}

describe('exports spell out control and bidirectional characters, as the CLI does', () => {
  it('Markdown: none raw, each spelled out as the terminal shows it', async () => {
    const markdown = reportMarkdown(await controlReport());
    expect(markdown).not.toMatch(rawControl);
    // Markdown's own `[` is escaped as ever; the spelled-out controls follow.
    expect(markdown.split('\n')[0]).toBe(`# Decision record: MS-22 ${spelledOut.replaceAll('[', '\\[')}`);
  });

  it('CSV: none raw, rows still one line each, a formula still quoted', async () => {
    const csv = reportCsv(await controlReport());
    expect(csv).not.toMatch(rawControl);
    const [header = [], ...rows] = readCsv(csv);
    expect(rows).toHaveLength(29);
    expect(rows[0]?.[header.indexOf('actorName')]).toBe(`'=Ana${spelledOut}`);
    expect(rows[0]?.[header.indexOf('actorRole')]).toBe(spelledOut);
  });

  it("the CLI's report prints what the app downloads, byte for byte (but for the signature lines only the CLI checks)", async () => {
    const exported = await controlReport();
    const { file } = scratchFolder('export-controls-');
    const packetFile = file('controls.packet.json', JSON.stringify(exported.packet));
    for (const [format, render] of [
      ['markdown', reportMarkdown],
      ['csv', reportCsv],
    ] as const) {
      const printed = await runInProcess(report, packetFile, '--format', format);
      // Intact, authorship unchecked (no --trust): the CLI states what it checked of the signatures.
      expect(printed.code).toBe(4);
      expect(withoutAuthorship(printed.stdout)).toBe(withoutAuthorship(render(exported)));
    }
  });
});

/** The Markdown report's "Signatures and identity" lines: what the CLI's verification found, which the app's download does not repeat. */
function withoutAuthorship(text: string): string {
  return text.replace(/## Signatures and identity\n\n(- .*\n)+/, '## Signatures and identity\n\n');
}
