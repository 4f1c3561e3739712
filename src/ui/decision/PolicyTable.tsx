interface Props {
  policyRows: PolicyRowResult[];
  recommendation: Recommendation;
}

/**
 * Every policy row, first match deciding. Rows below the deciding one are shown too (the table keeps
 * one shape whatever the outcome), marked not reached, with what they would say if reached.
 */
export function PolicyTable({ policyRows, recommendation }: Props) {
  const deciding = policyTable.findIndex((p) => p.id === recommendation.decidingRow);
  return (
    <table className="policy-rows">
      <caption>Policy table (first match decides)</caption>
      <ColumnHeads columns={['#', 'Condition', 'Result', 'If reached', 'Why']} />
      <tbody>
        {policyRows.map((row, index) => {
          // Short fixed words: a flip changes text, not row heights, so nothing below moves.
          const result = index < deciding ? '✘ not matched' : index === deciding ? '✔ matched' : 'not reached';
          const className = index === deciding ? 'matched' : index > deciding ? 'not-reached' : undefined;
          return (
            <tr key={row.id} className={className}>
              <td>{index + 1}</td>
              <td>{policyTable[index]?.statement}</td>
              <td>{result}</td>
              <td>{index > deciding ? (row.matched ? 'would match' : 'would not match') : ''}</td>
              <td>{row.reason}</td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}

import { type PolicyRowResult, policyTable, type Recommendation } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
