import { memo } from 'react';
import { inputFlipSentence, thresholdFlipWords } from '../../reports/flipWords';
import { outcomeLabels } from '../../reports/outcomeWords';
import {
  type FlipPoint,
  type InputFlipPoint,
  type PolicyRowResult,
  type ThresholdValues,
  thresholdDefinitionByKey,
  thresholdValue,
} from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { displayValue, type TemperatureUnit } from '../shared/units';

interface Props {
  policyRows: PolicyRowResult[];
  thresholds: ThresholdValues;
  flipPoints: FlipPoint[];
  inputFlipPoints: InputFlipPoint[];
  temperatureUnit: TemperatureUnit;
}

/**
 * What would change the recommendation: one row per threshold the rules read (every policy row's,
 * so an edit changes the text, not the table's shape), with the nearest value each way that flips it.
 */
export const FlipTable = memo(function FlipTable({
  policyRows,
  thresholds,
  flipPoints,
  inputFlipPoints,
  temperatureUnit,
}: Props) {
  const readers = new Map<string, Set<string>>();
  for (const { evaluations } of policyRows) {
    for (const e of evaluations) readers.set(e.thresholdKey, (readers.get(e.thresholdKey) ?? new Set<string>()).add(e.ruleId));
  }
  if (readers.size === 0) return null;
  const shown = (value: number, unit: string) => displayValue(value, unit, temperatureUnit);

  return (
    <section className="flips" aria-labelledby="flips-title">
      <h4 id="flips-title">What would change the recommendation</h4>
      <h5 id="input-flips-title">Assessed values, nearest first</h5>
      {inputFlipPoints.length === 0 ? (
        <p className="muted">No single assessed value, moved within its possible range, changes the recommendation.</p>
      ) : (
        <ul className="input-flips" aria-labelledby="input-flips-title">
          {inputFlipPoints.map((f) => (
            <li key={`${f.quantityKey}-${f.direction}`} data-quantity={f.quantityKey} data-direction={f.direction}>
              {capitalize(inputFlipSentence(f, shown, `“${outcomeLabels[f.newOutcome]}”`))}
            </li>
          ))}
        </ul>
      )}
      <h5>Thresholds</h5>
      <table className="flip-points">
        <caption>
          Flip points: the nearest threshold value each way that changes the outcome (— : none in the plausible range)
        </caption>
        <ColumnHeads columns={['Threshold', 'Now', 'Lowered', 'Raised', 'Read by']} />
        <tbody>
          {[...readers].map(([key, ruleIds]) => {
            const definition = thresholdDefinitionByKey.get(key);
            const threshold = thresholdValue(thresholds, key) ?? Number.NaN;
            const flip = (direction: FlipPoint['direction']) => {
              const f = flipPoints.find((p) => p.thresholdKey === key && p.direction === direction);
              return f ? thresholdFlipWords(f, shown) : '—';
            };
            return (
              <FlipRow
                key={key}
                thresholdKey={key}
                label={definition?.label ?? key}
                tier={definition?.tier}
                now={shown(threshold, definition?.unit ?? '')}
                lowered={flip('lower')}
                raised={flip('raise')}
                readBy={[...ruleIds].join(', ')}
              />
            );
          })}
        </tbody>
      </table>
    </section>
  );
});

/** One threshold's row, in words: drawn again only when its words change. */
const FlipRow = memo(function FlipRow(props: {
  thresholdKey: string;
  label: string;
  tier: string | undefined;
  now: string;
  lowered: string;
  raised: string;
  readBy: string;
}) {
  return (
    <tr data-threshold={props.thresholdKey}>
      <th scope="row">
        {props.label}
        {props.tier && <span className="muted"> ({props.tier})</span>}
      </th>
      <td>{props.now}</td>
      <td>{props.lowered}</td>
      <td>{props.raised}</td>
      <td className="rule-ids">{props.readBy}</td>
    </tr>
  );
});

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
