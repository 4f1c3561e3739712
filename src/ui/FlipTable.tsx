import { memo } from 'react';
import { type FlipPoint, flipRelation } from '../../machines/flipPoints';
import type { PolicyRowResult } from '../../machines/policy';
import { thresholdDefinitionByKey } from '../../machines/thresholds';
import { outcomeLabels } from './outcomeLabels';
import { displayValue, type TemperatureUnit } from './units';

interface Props {
  policyRows: PolicyRowResult[];
  flipPoints: FlipPoint[];
  temperatureUnit: TemperatureUnit;
}

/**
 * What would change the recommendation: one row per threshold the rules read (every policy row's,
 * so an edit changes the text, not the table's shape), with the nearest value each way that flips it.
 */
export const FlipTable = memo(function FlipTable({ policyRows, flipPoints, temperatureUnit }: Props) {
  const readers = new Map<string, { threshold: number; ruleIds: Set<string> }>();
  for (const { evaluations } of policyRows) {
    for (const e of evaluations) {
      const reader = readers.get(e.thresholdKey) ?? { threshold: e.threshold, ruleIds: new Set<string>() };
      reader.ruleIds.add(e.ruleId);
      readers.set(e.thresholdKey, reader);
    }
  }
  if (readers.size === 0) return null;

  return (
    <section className="flips" aria-labelledby="flips-title">
      <h4 id="flips-title">What would change the recommendation</h4>
      <table className="flip-points">
        <caption>
          Flip points: the nearest threshold value each way that changes the outcome (— : none in the plausible range)
        </caption>
        <thead>
          <tr>
            <th scope="col">Threshold</th>
            <th scope="col">Now</th>
            <th scope="col">Lowered</th>
            <th scope="col">Raised</th>
            <th scope="col">Read by</th>
          </tr>
        </thead>
        <tbody>
          {[...readers].map(([key, { threshold, ruleIds }]) => {
            const definition = thresholdDefinitionByKey.get(key);
            const unit = definition?.unit ?? '';
            const flip = (direction: FlipPoint['direction']) => {
              const f = flipPoints.find((p) => p.thresholdKey === key && p.direction === direction);
              if (!f) return '—';
              const shown = displayValue(f.flipAt, unit, temperatureUnit);
              return `${flipRelation(f)} ${shown} → ${outcomeLabels[f.newOutcome]}${f.validAlone ? '' : ' (with the other tier)'}`;
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
