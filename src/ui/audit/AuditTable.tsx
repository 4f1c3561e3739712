import type { AuditEntry } from '../../record/ledger';
import { describeEvent } from '../../reports/describe';

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
            className={`${e.event.type === 'decision.override' ? 'override' : ''}${e.seq === selectedSeq ? ' selected' : ''}`}
            data-seq={e.seq}
            aria-selected={e.seq === selectedSeq}
          >
            <td>
              <button type="button" className="link" onClick={() => onSelect(e.seq)} aria-label={`${e.seq}: show entry ${e.seq}`}>
                {e.seq}
              </button>
            </td>
            <td>{e.wallClockUtc.slice(0, 19).replace('T', ' ')}</td>
            <td>{e.event.at.slice(0, 16).replace('T', ' ')}</td>
            <td>
              {e.event.by.name} <span className="muted">({e.event.by.role})</span>
            </td>
            <td>
              <code>{e.event.type}</code>
              {e.event.type === 'decision.override' && <strong> OVERRIDE</strong>}
              {!e.derived.applied && <span className="muted"> (not applied)</span>}
            </td>
            <td>{describeEvent(e.event)}</td>
            <td>
              {e.derived.stateBefore} → {e.derived.stateAfter}
            </td>
            <td>{e.derived.recommendation?.outcome ?? '—'}</td>
            <td>
              <code title={e.hash}>{e.hash.slice(0, 10)}</code>
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
