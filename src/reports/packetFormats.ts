import type { AuditEntry, DecisionPacket } from '../record/ledger';

/** Threshold change, decision or note: the part of an entry a reviewer reads first. */
export function describeEntry(entry: AuditEntry): string {
  const p = entry.payload as Record<string, unknown>;
  switch (entry.eventType) {
    case 'thresholds.change':
      return `${p.key}: ${p.previousValue ?? '—'} → ${p.value}${p.reason ? ` (${p.reason})` : ''}`;
    case 'decision.confirm':
      return `confirmed ${entry.decision?.outcome ?? ''}${p.rationale ? `: ${p.rationale}` : ''}`;
    case 'decision.override':
      return `OVERRIDE to ${p.outcome}: ${p.rationale}`;
    case 'session.note':
      return `note: ${p.text}`;
    default:
      return typeof p.description === 'string' ? p.description : '';
  }
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
  'stateBefore',
  'stateAfter',
  'recommendation',
  'decision',
  'profileId',
  'profileVersion',
  'profileHash',
  'previousHash',
  'hash',
] as const;

function csvCell(value: unknown): string {
  const text = value === null || value === undefined ? '' : String(value);
  return /[",\n\r]/.test(text) ? `"${text.replaceAll('"', '""')}"` : text;
}

export function packetCsv(packet: DecisionPacket): string {
  const rows = packet.entries.map((e) =>
    [
      e.seq,
      e.wallClockUtc,
      e.scenarioTimeUtc,
      e.actor.name,
      e.actor.role,
      e.eventType,
      describeEntry(e),
      e.applied,
      e.stateBefore,
      e.stateAfter,
      e.recommendation?.outcome,
      e.decision ? `${e.decision.kind} ${e.decision.outcome}` : '',
      e.profile.id,
      e.profile.version,
      e.profile.hash,
      e.previousHash,
      e.hash,
    ]
      .map(csvCell)
      .join(','),
  );
  return `${[csvColumns.join(','), ...rows].join('\r\n')}\r\n`;
}

/** The decision record as Markdown: outcome, who and when, deciding rules, overrides, head hash. */
export function packetMarkdown(packet: DecisionPacket): string {
  const decisions = packet.entries.filter((e) => e.eventType === 'decision.confirm' || e.eventType === 'decision.override');
  const last = packet.entries.at(-1);
  const decided = [...packet.entries]
    .reverse()
    .find((e) => e.decision && (e.eventType.startsWith('decision.') || e.eventType === 'station.emergency'));
  const lines = [
    `# Decision record: ${packet.scenario.title}`,
    '',
    `- Scenario: \`${packet.scenario.id}\` (${packet.scenario.kind})`,
    `- Threshold profile: ${packet.profile.id} v${packet.profile.version}, sha256 \`${packet.profile.contentHash}\``,
    `- Entries: ${packet.entryCount}; head hash \`${packet.headHash}\``,
    `- Final state: ${last?.stateAfter ?? '—'}`,
    `- Outcome: **${last?.decision?.outcome ?? last?.recommendation?.outcome ?? 'undecided'}**`,
    '',
    '## Decisions',
    '',
    ...(decisions.length
      ? decisions.map(
          (e) =>
            `- Entry ${e.seq}, ${e.wallClockUtc} (scenario ${e.scenarioTimeUtc}): ${e.actor.name} (${e.actor.role}) ${describeEntry(e)}` +
            `${e.eventType === 'decision.override' ? ' — **override**' : ''}; recommended ${e.recommendation?.outcome ?? '—'}`,
        )
      : ['- none recorded']),
    '',
  ];
  if (decided) {
    lines.push(
      `## Rules at the decision (entry ${decided.seq})`,
      '',
      '| rule | crew | tier | value | threshold | margin | result |',
      '|---|---|---|---|---|---|---|',
    );
    for (const e of decided.evaluations) {
      lines.push(
        `| ${e.rule} | ${e.crew ?? ''} | ${e.tier} | ${e.value ?? 'unknown'} | ${e.threshold} | ${e.margin ?? '—'} | ${e.status} |`,
      );
    }
    lines.push('');
  }
  const changes = packet.entries.filter((e) => e.eventType === 'thresholds.change');
  lines.push(
    '## Threshold changes',
    '',
    ...(changes.length ? changes.map((e) => `- Entry ${e.seq}: ${e.actor.name}: ${describeEntry(e)}`) : ['- none']),
    '',
  );
  return `${lines.join('\n')}\n`;
}
