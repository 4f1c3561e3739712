import { flipRelation, thresholdDefinitionByKey } from '../session/model';
import type { ScenarioRun } from '../session/runScenario';
import { escapeControls } from './controlCharacters';
import { inputFlipSentence } from './flipWords';
import { flipBound, numberText, utcMinute, withUnit } from './format';
import { uncrewedDepartureSentence } from './outcomeWords';
import { pollAnswerCells, pollSentence, pollTableHeadings } from './pollWords';
import { decisionSentence, outcomeSentence, recommendationHeading, thresholdsSentence } from './recordWords';
import { decimalsOf } from './resolution';
import { ruleCells } from './ruleWords';

/**
 * Plain-text report of a run: steps, the decision record, policy rows, rule table, seats, flip points.
 * Each line is one line on a terminal: text from the scenario or profile has its control characters spelled out.
 */
export function formatRun(run: ScenarioRun): string {
  const { record } = run;
  const lines: string[] = [];
  lines.push(`${record.scenario.title} (${record.scenario.id})`);
  lines.push(`threshold profile ${run.profile.id} v${run.profile.version} sha256:${run.profile.contentHash.slice(0, 16)}`);
  lines.push('');
  lines.push(
    ...table(
      ['#', 'scenario time (UTC)', 'event', 'state after', ''],
      run.steps.map((s) => [String(s.seq), utcMinute(s.scenarioTimeUtc), s.type, s.stateAfter, s.applied ? '' : 'IGNORED']),
    ),
  );
  const ignored = run.steps.filter((s) => !s.applied);
  if (ignored.length) {
    lines.push(`warning: ${ignored.length} events did not apply in the state they arrived in (marked IGNORED):`);
    for (const s of ignored) lines.push(`  #${s.seq} ${s.type}: ${s.refusal ?? ''}`);
  }
  lines.push('');
  lines.push(`outcome: ${outcomeSentence(record)}`);
  lines.push(`decision: ${decisionSentence(record.decision)}`);
  for (const poll of record.polls) {
    lines.push(pollSentence(poll));
    lines.push(
      ...table(
        [...pollTableHeadings],
        poll.answers.map((a) => Object.values(pollAnswerCells(a))),
      ),
    );
  }
  lines.push(`final state: ${record.finalState}`);
  lines.push(thresholdsSentence(record.thresholds));
  const recommendation = record.recommendation;
  if (recommendation) {
    lines.push('');
    lines.push(recommendationHeading(record));
    lines.push(
      ...table(
        ['row', 'condition', 'matched', 'why'],
        recommendation.rows.map((row) => [`${row.index} ${row.id}`, row.statement, row.matched ? 'YES' : 'no', row.reason]),
      ),
    );
    lines.push('');
    lines.push('deciding rules:');
    lines.push(...ruleTable(recommendation.decidingRules));
    lines.push('');
    lines.push('every rule evaluated:');
    lines.push(...ruleTable(run.evaluations));
  }
  if (recommendation?.seatPlan) {
    lines.push('');
    lines.push('seats (interim or return plan):');
    for (const seat of recommendation.seatPlan) lines.push(`  ${seat.crewId} → ${seat.vehicleId} (${seat.seat})`);
    const departure = record.recommendation?.damagedVehicleLeavesUncrewed;
    if (departure) lines.push(`  ${uncrewedDepartureSentence(run.setup.damagedVehicle.name, departure)}`);
  }
  if (recommendation?.descentModeId) lines.push(`descent mode: ${recommendation.descentModeId}`);
  if (run.inputFlipPoints.length) {
    lines.push('');
    lines.push('what would change it (one assessed value changed alone, nearest first):');
    for (const f of run.inputFlipPoints) lines.push(`  ${inputFlipSentence(f, withUnit, f.newOutcome)}`);
  }
  if (run.flipPoints.length) {
    lines.push('');
    lines.push('threshold flip points (one threshold changed alone):');
    for (const f of run.flipPoints) {
      const unit = thresholdDefinitionByKey.get(f.thresholdKey)?.unit ?? '';
      const decimals = decimalsOf(unit);
      lines.push(
        `  ${f.thresholdKey} ${numberText(f.current, decimals)} → ${flipRelation(f)} ${numberText(flipBound(f.flipAt, unit, f.direction), decimals)}: ${f.newOutcome}${f.validAlone ? '' : ' (needs the other tier changed too)'}`,
      );
    }
  }
  return lines.map(escapeControls).join('\n');
}

function ruleTable(rules: ScenarioRun['evaluations']): string[] {
  return table(
    ['rule', 'for', 'tier', 'value', 'limit', 'margin', 'result', 'value source'],
    rules.map((rule) => {
      const c = ruleCells(rule);
      return [c.rule, c.subject, c.tier, c.value, c.limit, c.margin, c.result, rule.valueSource ?? ''];
    }),
  );
}

/** Cells are escaped before they are measured, so that the columns line up as printed. */
export function table(header: string[], cellRows: string[][]): string[] {
  const rows = cellRows.map((row) => row.map(escapeControls));
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)];
}
