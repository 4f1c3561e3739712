import type { AuditEntry } from '../../record/ledger';
import { describeEntry } from '../../reports/packetFormats';

interface Props {
  entries: AuditEntry[];
  selectedSeq: number | null;
  onSelect: (seq: number) => void;
}

export function AuditTable({ entries, selectedSeq, onSelect }: Props) {
  return (
    <table className="audit-table">
      <caption>Entries</caption>
      <thead>
        <tr>
          <th scope="col">#</th>
          <th scope="col">Recorded (UTC)</th>
          <th scope="col">Scenario time</th>
          <th scope="col">Who</th>
          <th scope="col">Event</th>
          <th scope="col">Details</th>
          <th scope="col">State before → after</th>
          <th scope="col">Recommendation</th>
          <th scope="col">Hash</th>
        </tr>
      </thead>
      <tbody>
        {entries.map((e) => (
          <tr
            key={e.seq}
            className={`${e.eventType === 'decision.override' ? 'override' : ''}${e.seq === selectedSeq ? ' selected' : ''}`}
            data-seq={e.seq}
            aria-selected={e.seq === selectedSeq}
          >
            <td>
              <button type="button" className="link" onClick={() => onSelect(e.seq)} aria-label={`${e.seq}: show entry ${e.seq}`}>
                {e.seq}
              </button>
            </td>
            <td>{e.wallClockUtc.slice(0, 19).replace('T', ' ')}</td>
            <td>{e.scenarioTimeUtc.slice(0, 16).replace('T', ' ')}</td>
            <td>
              {e.actor.name} <span className="muted">({e.actor.role})</span>
            </td>
            <td>
              <code>{e.eventType}</code>
              {e.eventType === 'decision.override' && <strong> OVERRIDE</strong>}
              {!e.applied && <span className="muted"> (not applied)</span>}
            </td>
            <td>{describeEntry(e)}</td>
            <td>
              {e.stateBefore} → {e.stateAfter}
            </td>
            <td>{e.recommendation?.outcome ?? '—'}</td>
            <td>
              <code title={e.hash}>{e.hash.slice(0, 10)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
