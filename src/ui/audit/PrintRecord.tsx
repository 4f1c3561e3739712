import { describeEvent, entrySignature, signatureManifestation } from '../../reports/eventWords';
import type { PacketReport } from '../../reports/packetReport';
import { decisionSentence, outcomeSentence, recommendationHeading, thresholdsSentence } from '../../reports/recordWords';
import { ruleCells } from '../../reports/ruleWords';
import { PollTable } from '../decision';
import { ColumnHeads } from '../shared/ColumnHeads';
import { usePrinting } from './usePrinting';
import { windowedFrom } from './useRowWindow';

/** Hidden on screen; what the browser prints (or saves as PDF): the decision record, then the entries. */
export function PrintRecord({ report: { packet, record } }: { report: PacketReport }) {
  const r = record.recommendation;
  // A long record's entries are rendered for printing only: on screen they are thousands of hidden nodes.
  const printing = usePrinting();
  const entries = printing || packet.entries.length < windowedFrom ? packet.entries : [];
  return (
    <section className="print-record" aria-hidden="true" data-testid="print-record">
      <h1>Decision record: {record.scenario.title}</h1>
      <p data-field="outcome">Outcome: {outcomeSentence(record)}</p>
      <p data-field="decision">Decision: {decisionSentence(record.decision)}</p>
      <p>{thresholdsSentence(record.thresholds)}</p>
      <p>
        Final state {record.finalState}. {packet.entryCount} entries; head hash {packet.headHash || '—'}.
      </p>
      <p data-field="seal">
        {packet.seal
          ? signatureManifestation(
              packet.seal.by,
              packet.seal.signature.fingerprint,
              packet.seal.sealedUtc,
              'exported this record',
            )
          : 'Not sealed: this printout is of the record as it stands, signed by nobody as a whole.'}
      </p>
      {record.polls.map((poll) => (
        <PollTable key={poll.number} poll={poll} signatureOf={(seq) => entrySignature(packet.entries[seq - 1])} />
      ))}
      {r && (
        <>
          <h2>{r.basis === 'at-decision' ? 'Recommendation at the decision' : 'Standing recommendation'}</h2>
          <p>{recommendationHeading(record)}</p>
          <table data-field="deciding-rules">
            <ColumnHeads columns={['Rule', 'For', 'Tier', 'Value', 'Limit', 'Margin', 'Result']} />
            <tbody>
              {uniqueRows(r.decidingRules.map(ruleCells)).map(([key, c]) => {
                return (
                  <tr key={key}>
                    <td>{c.rule}</td>
                    <td>{c.subject}</td>
                    <td>{c.tier}</td>
                    <td>{c.value}</td>
                    <td>{c.limit}</td>
                    <td>{c.margin}</td>
                    <td>{c.result}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </>
      )}
      <h2>Entries</h2>
      <ol>
        {entries.map((e) => (
          <li key={e.seq}>
            {e.wallClockUtc} (scenario {e.event.at}): {e.event.by.name} ({e.event.by.role}) <code>{e.event.type}</code>{' '}
            {describeEvent(e.event)}
            {!e.derived.applied && ` — not applied: ${e.derived.refusal ?? ''}`}
            {e.signature && (
              <>
                <br />
                <span data-field="signature">{entrySignature(e)}</span>
              </>
            )}
          </li>
        ))}
      </ol>
    </section>
  );
}

/**
 * A rule that decides through two policy rows is listed once per row in the record (whose JSON is
 * pinned by signed packets); printed, identical rows are one row, each keyed by all it shows.
 */
function uniqueRows<Cells extends Record<string, string>>(rows: Cells[]): [string, Cells][] {
  return [...new Map(rows.map((c) => [JSON.stringify(c), c] as [string, Cells])).entries()];
}
