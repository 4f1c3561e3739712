import type { RuleEvaluation } from '../../machines/evaluate';
import type { FlipPoint } from '../../machines/flipPoints';
import { type PolicyRowResult, policyTable, type Recommendation } from '../../machines/policy';
import { allRules } from '../../machines/rules';
import { outcomeLabels } from './outcomeLabels';
import { displayValue, type TemperatureUnit } from './units';

interface Props {
  policyRows: PolicyRowResult[];
  flipPoints: FlipPoint[];
  temperatureUnit: TemperatureUnit;
}

const statusText = { pass: '✔ PASS', fail: '✘ FAIL', unknown: '? UNKNOWN' } as const;
const ruleById = new Map(allRules.map((r) => [r.id, r]));
// rule, crew, tier, value, threshold, margin, result, source, flips at
const columnWidthsPct = [20, 5, 11, 13, 10, 9, 9, 10, 13];

export function RuleTable({ policyRows, flipPoints, temperatureUnit }: Props) {
  const show = (value: number, unit: string, difference = false) => displayValue(value, unit, temperatureUnit, difference);
  const flipText = (e: RuleEvaluation) =>
    flipPoints
      .filter((f) => f.thresholdKey === e.thresholdKey)
      .map((f) => {
        const relation = f.direction === 'raise' ? (f.inclusive ? '≥' : '>') : f.inclusive ? '≤' : '<';
        return `${relation} ${show(f.flipAt, e.unit)} → ${outcomeLabels[f.newOutcome]}${f.validAlone ? '' : ' (with the other tier)'}`;
      })
      .join('; ');

  return (
    <section className="rules" aria-labelledby="rules-title">
      <h4 id="rules-title">Rules behind the recommendation</h4>
      {policyRows
        .filter((row) => row.evaluations.length > 0)
        .map((row) => (
          // One table per policy row: the browser skips laying out the ones scrolled out of view.
          <div className="rule-group" key={row.id}>
            <table>
              <caption>
                Policy row {policyTable.findIndex((p) => p.id === row.id) + 1} ({row.id}):{' '}
                {row.matched ? '✔ matched' : '✘ not matched'}
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
                  <th scope="col">Tier</th>
                  <th scope="col">Value (nominal)</th>
                  <th scope="col">Threshold</th>
                  <th scope="col">Margin</th>
                  <th scope="col">Result</th>
                  <th scope="col">Source</th>
                  <th scope="col">Flips at</th>
                </tr>
              </thead>
              <tbody>
                {row.evaluations.map((e) => (
                  <EvaluationRow
                    key={`${e.ruleId}-${e.tier}-${e.crewCount ?? ''}`}
                    evaluation={e}
                    show={show}
                    flips={flipText(e)}
                  />
                ))}
              </tbody>
            </table>
          </div>
        ))}
    </section>
  );
}

interface RowProps {
  evaluation: RuleEvaluation;
  show: (value: number, unit: string, difference?: boolean) => string;
  flips: string;
}

function EvaluationRow({ evaluation: e, show, flips }: RowProps) {
  return (
    <tr className={`status-${e.status}`} data-rule={e.ruleId} data-crew={e.crewCount} data-tier={e.tier}>
      <td title={ruleById.get(e.ruleId)?.statement}>{e.ruleId}</td>
      <td>{e.crewCount ?? ''}</td>
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
      <td>{flips}</td>
    </tr>
  );
}

/**
 * Rows below the deciding one are shown too (the page keeps one shape whatever the outcome), marked
 * as not reached, with what they would say on their own.
 */
export function rowVerdict(row: PolicyRowResult, index: number, recommendation: Recommendation) {
  const deciding = policyTable.findIndex((p) => p.id === recommendation.decidingRow);
  if (index < deciding) return { text: '✘ not matched', className: undefined };
  if (index === deciding) return { text: '✔ matched', className: 'matched' };
  return {
    text: `not reached (row ${deciding + 1} decided); alone it ${row.matched ? 'would match' : 'would not match'}`,
    className: 'not-reached',
  };
}
