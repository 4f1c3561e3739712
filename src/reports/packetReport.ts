/**
 * The decision record of a packet as Markdown, CSV and JSON: each reads the one record and says it its
 * way. Each comes out with its control and bidirectional characters spelled out (controlCharacters),
 * whether the CLI prints it or the app downloads it.
 */
import type { DecisionPacket } from '../record/ledger';
import type { DecisionRecord } from '../session/decisionRecord';
import type { SessionFold } from '../session/fold';
import { escapeControlsKeepingLines } from './controlCharacters';
import { describeEvent } from './eventWords';
import { pollAnswerCells, pollSentence, pollTableHeadings } from './pollWords';
import { decisionSentence, outcomeSentence, recommendationHeading, thresholdsSentence } from './recordWords';
import { ruleCells, ruleSentence } from './ruleWords';

export interface PacketReport {
  packet: DecisionPacket;
  /** The packet's events folded through the machine (the replay verification made). */
  fold: SessionFold;
  record: DecisionRecord;
  /** What the verification established: signatures, authority, sealer, profile and scenario identity (one fact a line). */
  authorship?: readonly string[];
}

const htmlEntities: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;' };

/**
 * Text from a scenario, profile or operator inside Markdown: HTML's own characters as entities (every
 * Markdown flavour shows those as text; not all honour a backslash before `<`), what would make
 * emphasis, code, links, headings or table cells backslash-escaped, and line breaks as spaces.
 */
const md = (text: string) =>
  text
    .replace(/[&<>]/g, (c) => htmlEntities[c] ?? c)
    .replace(/[\\`*_[\]|#~]/g, (c) => `\\${c}`)
    .replace(/\r\n?|\n/g, ' ');

/** The same at the start of a line, where it could also open a list, a quote, a code block or a heading's underline. */
const mdLineStart = (text: string) =>
  md(text.trimStart())
    .replace(/^[-+=]/, (c) => `\\${c}`)
    .replace(/^(\d+)([.)])/, '$1\\$2');

export function reportMarkdown({ packet, fold, record, authorship = [] }: PacketReport): string {
  const r = record.recommendation;
  const lines = [
    `# Decision record: ${md(record.scenario.title)}`,
    '',
    `- Scenario: \`${record.scenario.id}\` (${record.scenario.kind})`,
    `- Entries: ${packet.entryCount}; head hash \`${packet.headHash || '—'}\``,
    `- Final state: ${record.finalState}`,
    `- Outcome: **${record.outcome}** (${record.outcomeBasis})`,
    `- Decision: ${md(decisionSentence(record.decision))}`,
    `- ${md(thresholdsSentence(record.thresholds))}`,
    '',
    '## Signatures and identity',
    '',
    ...(authorship.length ? authorship.map((line) => `- ${md(line)}`) : ['- not verified']),
    '',
  ];
  for (const poll of record.polls) {
    lines.push(`## Poll ${poll.number}`, '', mdLineStart(pollSentence(poll)), '');
    lines.push(`| ${pollTableHeadings.join(' | ')} |`, `|${'---|'.repeat(pollTableHeadings.length)}`);
    for (const answer of poll.answers) lines.push(`| ${Object.values(pollAnswerCells(answer)).map(md).join(' | ')} |`);
    lines.push('');
  }
  if (r) {
    lines.push(`## ${r.basis === 'at-decision' ? 'Recommendation at the decision' : 'Standing recommendation'}`, '');
    lines.push(mdLineStart(recommendationHeading(record)), '');
    for (const row of r.rows)
      lines.push(`${row.index}. ${md(row.statement)}: ${row.matched ? '**matched**' : 'no'} (${md(row.reason)})`);
    lines.push(
      '',
      '## Deciding rules',
      '',
      '| rule | for | tier | value | limit | margin | result |',
      '|---|---|---|---|---|---|---|',
    );
    for (const rule of r.decidingRules) {
      const c = ruleCells(rule);
      lines.push(`| ${[c.rule, c.subject, c.tier, c.value, c.limit, c.margin, c.result].map(md).join(' | ')} |`);
    }
    lines.push('');
  }
  const changes = fold.steps.slice(0, record.entryCount).filter((s) => s.event.type === 'thresholds.change');
  lines.push('## Threshold changes', '');
  lines.push(
    ...(changes.length
      ? changes.map(
          (s) =>
            `- Entry ${s.seq}: ${md(s.event.by.name)} (${md(s.event.by.role)}): ${md(describeEvent(s.event))}${s.record.applied ? '' : ` — not applied: ${md(s.record.refusal ?? '')}`}`,
        )
      : ['- none']),
    '',
  );
  return escapeControlsKeepingLines(`${lines.join('\n')}\n`);
}

const csvColumns = [
  'seq',
  'wallClockUtc',
  'scenarioTimeUtc',
  'actorName',
  'actorRole',
  'eventType',
  'details',
  'applied',
  'refusal',
  'stateBefore',
  'stateAfter',
  'recommendation',
  'decision',
  'profileId',
  'profileVersion',
  'profileHash',
  'previousHash',
  'hash',
  'record',
  'decidingRules',
] as const;

/** What a spreadsheet would read as the start of a formula (OWASP, "CSV Injection"). */
const formulaStart = /^[=+\-@\t\r]/;

/** A cell that could be taken for a formula is quoted and starts with a `'`, which spreadsheets show as text. */
function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  if (formulaStart.test(text)) return `"'${text.replaceAll('"', '""')}"`;
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

/**
 * One row per entry. The entry that took the decision (else the last, for a standing recommendation)
 * also carries the record: outcome, decision and deciding rules.
 */
export function reportCsv({ packet, record }: PacketReport): string {
  const recordSeq = record.decision?.seq ?? packet.entries.length;
  const rows = packet.entries.map((e) => {
    const here = e.seq === recordSeq;
    return [
      e.seq,
      e.wallClockUtc,
      e.event.at,
      e.event.by.name,
      e.event.by.role,
      e.event.type,
      describeEvent(e.event),
      e.derived.applied,
      e.derived.refusal,
      e.derived.stateBefore,
      e.derived.stateAfter,
      e.derived.recommendation?.outcome,
      e.derived.decision ? `${e.derived.decision.kind} ${e.derived.decision.outcome}` : '',
      e.profile.id,
      e.profile.version,
      e.profile.hash,
      e.previousHash,
      e.hash,
      here ? `outcome ${outcomeSentence(record)}; decision ${decisionSentence(record.decision)}` : '',
      here ? (record.recommendation?.decidingRules.map(ruleSentence).join('; ') ?? '') : '',
    ]
      .map(csvCell)
      .join(',');
  });
  return escapeControlsKeepingLines(`${[csvColumns.join(','), ...rows].join('\r\n')}\r\n`);
}

export function reportJson({ packet, record, authorship = [] }: PacketReport): string {
  const { profile, entryCount, headHash } = packet;
  return escapeControlsKeepingLines(
    `${JSON.stringify({ record, authorship, packet: { entryCount, headHash, profile: { id: profile.id, version: profile.version, contentHash: profile.contentHash } } }, null, 2)}\n`,
  );
}
