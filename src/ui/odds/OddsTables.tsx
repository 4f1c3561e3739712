import { countText } from '../../reports/format';
import { oddsRows, percentText, rangeText, standardErrorText, swingText, tornadoCaption } from '../../reports/monteCarloWords';
import type { MonteCarloResult } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';

type Odds = Pick<MonteCarloResult, 'recommended' | 'outcomes' | 'standardErrors' | 'samples' | 'seed'>;

/** Outcome, probability and standard error; the exact numbers ride along as data for any reader that compares them. */
export function OddsTable({ odds }: { odds: Odds }) {
  return (
    <table className="odds-table" data-testid="odds-table">
      <caption>Probability of each outcome over {countText(odds.samples)} samples</caption>
      <ColumnHeads columns={['Outcome', 'Probability', 'Standard error']} />
      <tbody>
        {oddsRows({ ...odds, tornado: [] }).map((row) => (
          <tr
            key={row.outcome}
            data-outcome={row.outcome}
            data-probability={row.probability}
            data-standard-error={row.standardError}
          >
            <th scope="row">
              {row.label}
              {row.isRecommended && <strong> (the recommendation)</strong>}
            </th>
            <td>
              <span className="odds-meter" aria-hidden="true">
                <span style={{ width: `${row.probability * 100}%` }} />
              </span>
              {percentText(row.probability)}
            </td>
            <td>{standardErrorText(row.standardError)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

/** The tornado as a table: for each uncertain value, the recommended outcome's odds at its low and high end. */
export function TornadoTable({ result }: { result: MonteCarloResult }) {
  if (!result.tornado.length)
    return <p className="muted">No assessed value has a range: every sample is the recommendation's own situation.</p>;
  return (
    <table className="tornado-table" data-testid="tornado-table">
      <caption>{tornadoCaption(result)}</caption>
      <ColumnHeads columns={['Uncertain value', 'Range (low – high)', 'At low', 'At high', 'Swing']} />
      <tbody>
        {result.tornado.map((bar) => (
          <tr
            key={bar.key}
            data-key={bar.key}
            data-probability-at-low={bar.probabilityAtLow}
            data-probability-at-high={bar.probabilityAtHigh}
            data-swing={bar.swing}
          >
            <th scope="row">{bar.label}</th>
            <td>{rangeText(bar.low, bar.high, bar.unit)}</td>
            <td>{percentText(bar.probabilityAtLow)}</td>
            <td>{percentText(bar.probabilityAtHigh)}</td>
            <td>{swingText(bar.swing)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
