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
            const unit = definition?.unit ?? '';
            const flip = (direction: FlipPoint['direction']) => {
              const f = flipPoints.find((p) => p.thresholdKey === key && p.direction === direction);
              if (!f) return '—';
              return thresholdFlipWords(f, (value, unit) => displayValue(value, unit, temperatureUnit));
            };
            return (
              <tr key={key} data-threshold={key}>
                <th scope="row">
                  {definition?.label ?? key}
                  {definition?.tier && <span className="muted"> ({definition.tier})</span>}
                </th>
                <td>{displayValue(threshold, unit, temperatureUnit)}</td>
                <td>{flip('lower')}</td>
                <td>{flip('raise')}</td>
                <td className="rule-ids">{[...ruleIds].join(', ')}</td>
              </tr>
            );
          })}
        </tbody>
      </table>
    </section>
  );
});

const capitalize = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
