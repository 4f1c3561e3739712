import type { AuditEntry } from '../../record/ledger';
import { describeEvent } from '../../reports/describe';

interface Props {
  entry: AuditEntry | null;
  total: number;
  onStep: (seq: number) => void;
}

/** One entry as recorded: replaying a packet step by step shows what each step produced. */
export function EntryDetails({ entry, total, onStep }: Props) {
  if (!entry) return <p className="muted entry-details">Select an entry to see what it recorded.</p>;
  return (
    <section className="entry-details" aria-labelledby="entry-title">
      <h3 id="entry-title">
        Entry {entry.seq} of {total}
      </h3>
      <div className="step-controls">
        <button type="button" disabled={entry.seq <= 1} onClick={() => onStep(entry.seq - 1)}>
          ← Previous entry
        </button>
        <button type="button" disabled={entry.seq >= total} onClick={() => onStep(entry.seq + 1)}>
          Next entry →
        </button>
      </div>
      <dl>
        <dt>Event</dt>
        <dd>
          <code>{entry.event.type}</code> {describeEvent(entry.event)}
        </dd>
        <dt>Who</dt>
        <dd>
          {entry.event.by.name} ({entry.event.by.role})
        </dd>
        <dt>When</dt>
        <dd>
          recorded {entry.wallClockUtc}; scenario time {entry.event.at}
        </dd>
        <dt>State</dt>
        <dd data-testid="entry-state">
          {entry.derived.stateBefore} → {entry.derived.stateAfter}
          {!entry.derived.applied && ` (not applied: ${entry.derived.refusal ?? 'refused in that state'})`}
        </dd>
        <dt>Recommendation</dt>
        <dd>
          {entry.derived.recommendation
            ? `${entry.derived.recommendation.outcome} (row ${entry.derived.recommendation.decidingRow})`
            : '—'}
        </dd>
        <dt>Decision</dt>
        <dd>{entry.derived.decision ? `${entry.derived.decision.kind} ${entry.derived.decision.outcome}` : '—'}</dd>
        <dt>Profile</dt>
        <dd>
          {entry.profile.id} v{entry.profile.version} <code>{entry.profile.hash.slice(0, 16)}</code>
        </dd>
        <dt>Hashes</dt>
        <dd>
          previous <code>{entry.previousHash.slice(0, 16)}</code>, this <code>{entry.hash.slice(0, 16)}</code>
        </dd>
      </dl>
      {entry.derived.evaluations.length > 0 && (
        <table>
          <caption>Rule evaluations at this entry</caption>
          <thead>
            <tr>
              <th scope="col">Rule</th>
              <th scope="col">Crew</th>
              <th scope="col">Tier</th>
              <th scope="col">Value</th>
              <th scope="col">Threshold</th>
              <th scope="col">Margin</th>
              <th scope="col">Result</th>
            </tr>
          </thead>
          <tbody>
            {entry.derived.evaluations.map((e, i) => (
              // biome-ignore lint/suspicious/noArrayIndexKey: evaluations are an ordered, immutable record
              <tr key={i} className={`status-${e.status}`}>
                <td>{e.rule}</td>
                <td>{e.crew ?? ''}</td>
                <td>{e.tier}</td>
                <td>{e.value ?? 'unknown'}</td>
                <td>{e.threshold}</td>
                <td>{e.margin === null ? '—' : Math.round(e.margin * 100) / 100}</td>
                <td className="result">{e.status.toUpperCase()}</td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
