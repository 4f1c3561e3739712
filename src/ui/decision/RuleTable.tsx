import { memo } from 'react';
import { ruleReading } from '../../reports/ruleReading';
import { sourcedValue } from '../../reports/ruleWords';
import { evaluationSubject } from '../../session/decisionRecord';
import {
  allRules,
  evaluationKey,
  type MissionSetup,
  type PolicyRowResult,
  type Recommendation,
  type RuleEvaluation,
} from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { SourceRef } from '../shared/SourceRef';
import type { TemperatureUnit } from '../shared/units';

interface Props {
  policyRows: PolicyRowResult[];
  recommendation: Recommendation;
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

const statusText = { pass: '✔ PASS', fail: '✘ FAIL', unknown: '? UNKNOWN' } as const;
const ruleById = new Map(allRules.map((r) => [r.id, r]));
// rule, for, tier, value, limit, margin, result, source
const columnWidthsPct = [21, 17, 9, 15, 11, 9, 9, 9];
// One element for every table: React leaves an element it has already placed alone.
const columnWidths = (
  <colgroup>
    {columnWidthsPct.map((width, i) => (
      // biome-ignore lint/suspicious/noArrayIndexKey: fixed column list
      <col key={i} style={{ width: `${width}%` }} />
    ))}
  </colgroup>
);

export function RuleTable({ policyRows, recommendation, setup, temperatureUnit }: Props) {
  const considered = policyRows.findIndex((r) => r.id === recommendation.decidingRow);
  return (
    <section className="rules" aria-labelledby="rules-title">
      <h4 id="rules-title">Rules behind the recommendation</h4>
      {/* The rows below the deciding one are kept, hidden: an edit that moves the deciding row shows or
          hides groups rather than building and discarding a few hundred cells each time. */}
      {policyRows.map(
        (row, index) =>
          row.evaluations.length > 0 && (
            <div key={row.id} className="rule-group" hidden={index > considered}>
              <RuleGroup row={row} index={index + 1} setup={setup} temperatureUnit={temperatureUnit} />
            </div>
          ),
      )}
    </section>
  );
}

// Memoized: a group whose row is held back a frame renders nothing new until it catches up.
const RuleGroup = memo(function RuleGroup({
  row,
  index,
  setup,
  temperatureUnit,
}: {
  row: PolicyRowResult;
  index: number;
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}) {
  return (
    <table>
      <caption>
        Policy row {index} ({row.id}): {row.matched ? '✔ matched' : '✘ not matched'}
      </caption>
      {columnWidths}
      <ColumnHeads columns={['Rule', 'For', 'Tier', 'Value (nominal)', 'Limit', 'Margin', 'Result', 'Source']} />
      <tbody>
        {row.evaluations.map((e) => (
          <EvaluationRow
            key={evaluationKey(e)}
            evaluation={e}
            subject={evaluationSubject(e, setup)}
            temperatureUnit={temperatureUnit}
          />
        ))}
      </tbody>
    </table>
  );
});

interface RowProps {
  evaluation: RuleEvaluation;
  subject: string;
  temperatureUnit: TemperatureUnit;
}

/** What a row shows of its evaluation: a row whose shown fields are unchanged is not rendered again. */
const shownFields = [
  'ruleId',
  'crewCount',
  'tier',
  'vehicleId',
  'descentModeId',
  'value',
  'nominalValue',
  'unit',
  'comparator',
  'threshold',
  'margin',
  'status',
  'valueSource',
] as const satisfies readonly (keyof RuleEvaluation)[];

const sameRow = (a: RowProps, b: RowProps) =>
  a.subject === b.subject &&
  a.temperatureUnit === b.temperatureUnit &&
  shownFields.every((field) => a.evaluation[field] === b.evaluation[field]);

// Most rows are unchanged by an edit (new objects, same values): skipping them is most of an edit's render.
const EvaluationRow = memo(function EvaluationRow({ evaluation: e, subject, temperatureUnit }: RowProps) {
  const reading = ruleReading(e, temperatureUnit);
  return (
    <tr
      className={`status-${e.status}`}
      data-rule={e.ruleId}
      data-crew={e.crewCount}
      data-tier={e.tier}
      data-vehicle={e.vehicleId}
      data-mode={e.descentModeId}
    >
      <td title={ruleById.get(e.ruleId)?.statement}>{e.ruleId}</td>
      <td>{subject}</td>
      <td>{e.tier}</td>
      <td>
        {reading.value === null ? 'unknown' : sourcedValue(reading.value, e.valueSource)}
        {reading.nominal !== null && <span className="muted"> ({reading.nominal})</span>}
      </td>
      <td>
        {e.comparator} {reading.limit}
      </td>
      <td>{reading.margin}</td>
      <td className="result">{statusText[e.status]}</td>
      <td>{e.valueSource !== null && <SourceRef sourceKey={e.valueSource} />}</td>
    </tr>
  );
}, sameRow);
