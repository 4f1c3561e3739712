import { memo } from 'react';
import { type PolicyRowResult, policyTable } from '../../../machines/policy/policy';
import type { RuleEvaluation } from '../../../machines/rules/evaluate';
import { allRules } from '../../../machines/rules/flightRules';
import type { MissionSetup } from '../../../machines/types';
import { evaluationKey, evaluationSubject } from '../../reports/describe';
import { InView } from '../shared/InView';
import { displayValue, type TemperatureUnit } from '../shared/units';

interface Props {
  policyRows: PolicyRowResult[];
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

const statusText = { pass: '✔ PASS', fail: '✘ FAIL', unknown: '? UNKNOWN' } as const;
const ruleById = new Map(allRules.map((r) => [r.id, r]));
// rule, crew, for, tier, value, limit, margin, result, source
const columnWidthsPct = [21, 5, 12, 9, 15, 11, 9, 9, 9];

export function RuleTable({ policyRows, setup, temperatureUnit }: Props) {
  return (
    <section className="rules" aria-labelledby="rules-title">
      <h4 id="rules-title">Rules behind the recommendation</h4>
      {policyRows
        .filter((row) => row.evaluations.length > 0)
        .map((row) => (
          // One table per policy row: out of view, the browser skips it and an edit reaches it a frame later.
          <InView key={row.id} value={row} className="rule-group">
            {(shown) => <RuleGroup row={shown} setup={setup} temperatureUnit={temperatureUnit} />}
          </InView>
        ))}
    </section>
  );
}

// Memoized: a group whose row is held back a frame renders nothing new until it catches up.
const RuleGroup = memo(function RuleGroup({
  row,
  setup,
  temperatureUnit,
}: {
  row: PolicyRowResult;
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}) {
  const show = (value: number, unit: string, difference = false) => displayValue(value, unit, temperatureUnit, difference);
  return (
    <table>
      <caption>
        Policy row {policyTable.findIndex((p) => p.id === row.id) + 1} ({row.id}): {row.matched ? '✔ matched' : '✘ not matched'}
      </caption>
      <colgroup>
        {columnWidthsPct.map((width, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: fixed column list
          <col key={i} style={{ width: `${width}%` }} />
        ))}
      </colgroup>
      <thead>
        <tr>
          <th scope="col">Rule</th>
          <th scope="col">Crew</th>
          <th scope="col">For</th>
          <th scope="col">Tier</th>
          <th scope="col">Value (nominal)</th>
          <th scope="col">Limit</th>
          <th scope="col">Margin</th>
          <th scope="col">Result</th>
          <th scope="col">Source</th>
        </tr>
      </thead>
      <tbody>
        {row.evaluations.map((e) => (
          <EvaluationRow key={evaluationKey(e)} evaluation={e} subject={evaluationSubject(e, setup)} show={show} />
        ))}
      </tbody>
    </table>
  );
});

interface RowProps {
  evaluation: RuleEvaluation;
  subject: string;
  show: (value: number, unit: string, difference?: boolean) => string;
}

function EvaluationRow({ evaluation: e, subject, show }: RowProps) {
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
      <td>{e.crewCount ?? ''}</td>
      <td>{subject}</td>
      <td>{e.tier}</td>
      <td>
        {e.value === null ? 'unknown' : show(e.value, e.unit)}
        {e.nominalValue !== null && e.nominalValue !== e.value && (
          <span className="muted"> ({show(e.nominalValue, e.unit)})</span>
        )}
      </td>
      <td>
        {e.comparator} {show(e.threshold, e.unit)}
      </td>
      <td>{e.margin === null ? '—' : `${e.margin >= 0 ? '+' : '−'}${show(Math.abs(e.margin), e.unit, true)}`}</td>
      <td className="result">{statusText[e.status]}</td>
      <td>{e.valueSource}</td>
    </tr>
  );
}
