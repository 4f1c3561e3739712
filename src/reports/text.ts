import { flipRelation } from '../../machines/policy/flipPoints';
import { policyTable } from '../../machines/policy/policy';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import type { MissionSetup } from '../../machines/types';
import type { ScenarioRun } from '../session/runScenario';
import { evaluationSubject, inputFlipSentence, uncrewedDepartureSentence } from './describe';

/** Plain-text report of a run: steps, outcome, policy rows, rule table, seats, flip points. */
export function formatRun(run: ScenarioRun): string {
  const lines: string[] = [];
  lines.push(`${run.title} (${run.scenario})`);
  lines.push(`threshold profile ${run.profile.id} v${run.profile.version} sha256:${run.profile.contentHash.slice(0, 16)}`);
  lines.push('');
  lines.push(
    table(
      ['#', 'scenario time (UTC)', 'event', 'state after', ''],
      run.steps.map((s) => [
        String(s.seq),
        s.scenarioTimeUtc.replace('T', ' ').slice(0, 16),
        s.type,
        s.stateAfter,
        s.accepted ? '' : 'IGNORED',
      ]),
    ),
  );
  const ignored = run.steps.filter((s) => !s.accepted).length;
  if (ignored) lines.push(`warning: ${ignored} events did not apply in the state they arrived in (marked IGNORED)`);
  lines.push('');
  lines.push(`outcome: ${run.outcome}`);
  if (run.decision) {
    const how = run.decision.kind === 'overridden' ? 'OVERRIDDEN' : run.decision.kind;
    lines.push(
      `decision: ${how} by ${run.decision.by.name} (${run.decision.by.role}) at ${run.decision.atUtc}${run.decision.rationale ? ` — ${run.decision.rationale}` : ''}`,
    );
  }
  lines.push(`final state: ${run.finalState}`);
  const recommendation = run.recommendation;
  if (recommendation) {
    lines.push('');
    lines.push(`recommendation: ${recommendation.outcome} (policy row ${recommendation.decidingRow})`);
    lines.push(
      table(
        ['row', 'condition', 'matched', 'why'],
        recommendation.rows.map((row) => {
          const index = policyTable.findIndex((p) => p.id === row.id) + 1;
          return [`${index} ${row.id}`, policyTable[index - 1]?.statement ?? '', row.matched ? 'YES' : 'no', row.reason];
        }),
      ),
    );
    lines.push('');
    lines.push(
      table(
        ['rule', 'crew', 'for', 'tier', 'value', 'limit', 'margin', 'result', 'value source'],
        run.evaluations.map((e) => ruleRow(e, run.setup)),
      ),
    );
  }
  if (recommendation?.seatPlan) {
    lines.push('');
    lines.push('seats (interim or return plan):');
    for (const seat of recommendation.seatPlan) lines.push(`  ${seat.crewId} → ${seat.vehicleId} (${seat.seat})`);
    if (recommendation.damagedVehicleLeavesUncrewed) {
      lines.push(`  ${uncrewedDepartureSentence(run.setup.damagedVehicle.name, recommendation.damagedVehicleLeavesUncrewed)}`);
    }
  }
  if (recommendation?.descentModeId) lines.push(`descent mode: ${recommendation.descentModeId}`);
  if (run.inputFlipPoints.length) {
    lines.push('');
    lines.push('what would change it (one assessed value changed alone, nearest first):');
    for (const f of run.inputFlipPoints)
      lines.push(`  ${inputFlipSentence(f, (v, unit) => withUnit(round(v), unit), f.newOutcome)}`);
  }
  if (run.flipPoints.length) {
    lines.push('');
    lines.push('threshold flip points (one threshold changed alone):');
    for (const f of run.flipPoints) {
      lines.push(
        `  ${f.thresholdKey} ${f.current} → ${flipRelation(f)} ${round(f.flipAt)}: ${f.newOutcome}${f.validAlone ? '' : ' (needs the other tier changed too)'}`,
      );
    }
  }
  return lines.join('\n');
}

function ruleRow(e: RuleEvaluation, setup: MissionSetup): string[] {
  const value =
    e.value === null
      ? 'unknown'
      : e.nominalValue !== null && e.nominalValue !== e.value
        ? `${round(e.value)} (nominal ${round(e.nominalValue)})`
        : round(e.value);
  return [
    e.ruleId,
    e.crewCount === undefined ? '' : String(e.crewCount),
    evaluationSubject(e, setup),
    e.tier,
    withUnit(value, e.unit),
    withUnit(`${e.comparator} ${round(e.threshold)}`, e.unit),
    e.margin === null ? '—' : `${e.margin >= 0 ? '+' : ''}${round(e.margin)}`,
    e.status.toUpperCase(),
    e.valueSource ?? '',
  ];
}

const withUnit = (text: string, unit: string) => (unit === 'count' || unit === '' ? text : `${text} ${unit}`);

function round(x: number): string {
  return String(Math.round(x * 100) / 100);
}

function table(header: string[], rows: string[][]): string {
  const widths = header.map((h, i) => Math.max(h.length, ...rows.map((r) => (r[i] ?? '').length)));
  const line = (cells: string[]) =>
    cells
      .map((c, i) => c.padEnd(widths[i] ?? 0))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...rows.map(line)].join('\n');
}
