import { pollAnswerCells, pollSentence, pollTableHeadings } from '../../reports/pollWords';
import type { RecordPoll } from '../../session/decisionRecord';
import { ColumnHeads } from '../shared/ColumnHeads';

interface Props {
  poll: RecordPoll;
  /** The signature manifestation of the entry at `seq`, where the record has one (the printed record). */
  signatureOf?: (seq: number) => string | null;
}

/** A poll as the record holds it: its sentence, then a row per position (those not answered say so). */
export function PollTable({ poll, signatureOf }: Props) {
  return (
    <table className="poll-table" data-field="poll">
      <caption>{pollSentence(poll)}</caption>
      <ColumnHeads columns={signatureOf ? [...pollTableHeadings, 'signature'] : pollTableHeadings} />
      <tbody>
        {poll.answers.map((answer) => {
          const cells = pollAnswerCells(answer);
          return (
            <tr key={answer.position} className={answer.dissent === 'formal' ? 'formal-dissent' : undefined}>
              {Object.entries(cells).map(([column, text]) => (
                <td key={column}>{column === 'vote' ? <strong>{text}</strong> : text}</td>
              ))}
              {signatureOf && <td>{signatureOf(answer.seq) ?? 'unsigned'}</td>}
            </tr>
          );
        })}
        {poll.tally.unanswered.map((position) => (
          <tr key={position}>
            <td>{position}</td>
            <td colSpan={pollTableHeadings.length - 1 + (signatureOf ? 1 : 0)}>
              {poll.closed ? 'did not answer' : 'waiting for an answer'}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
