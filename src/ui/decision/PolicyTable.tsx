import { memo } from 'react';
import { type PolicyRowResult, policyTable, type Recommendation } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';

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
            <PolicyRow
              key={row.id}
              number={index + 1}
              className={className}
              statement={policyTable[index]?.statement ?? ''}
              result={result}
              ifReached={index > deciding ? (row.matched ? 'would match' : 'would not match') : ''}
              why={row.reason}
            />
          );
        })}
      </tbody>
    </table>
  );
}

/** One policy row, in words: drawn again only when its words change. */
const PolicyRow = memo(function PolicyRow(props: {
  number: number;
  className: string | undefined;
  statement: string;
  result: string;
  ifReached: string;
  why: string;
}) {
  return (
    <tr className={props.className}>
      <td>{props.number}</td>
      <td>{props.statement}</td>
      <td>{props.result}</td>
      <td>{props.ifReached}</td>
      <td>{props.why}</td>
    </tr>
  );
});
