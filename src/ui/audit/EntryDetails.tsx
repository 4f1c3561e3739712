import { Fragment } from 'react';
import type { AuditEntry } from '../../record/ledger';
import { describeEvent, entrySignature } from '../../reports/eventWords';
import { ruleReading } from '../../reports/ruleReading';
import { sourcedValue } from '../../reports/ruleWords';
import { type MissionSetup, ruleOfId, type ThresholdValues, unitOf } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { actorLabel } from './entryFilter';
import { breakableId, payloadFields, recordedSubject, thresholdChanges } from './entryText';
import { HashButton } from './HashButton';

interface Props {
  entry: AuditEntry | null;
  total: number;
  /** The mission the record is of: its vehicles are named as the rule tables name them. */
  setup: MissionSetup | null;
  /** The thresholds in force after the entry (the entry itself keeps only their hash), and the session's base values. */
  thresholds: { inForce: ThresholdValues; base: ThresholdValues } | null;
  /** Whether the entry is an operator's, which must be signed. */
  needsSignature: boolean;
  onStep: (seq: number) => void;
  onCopied: (notice: string) => void;
}

/** One entry whole, as recorded: stepping through a packet shows what each step produced. */
export function EntryDetails({ entry, total, setup, thresholds, needsSignature, onStep, onCopied }: Props) {
  if (!entry) return <p className="muted entry-details">No entries recorded yet.</p>;
  const changes = thresholds ? thresholdChanges(thresholds.base, thresholds.inForce) : [];
  return (
    <section className="entry-details" aria-labelledby="entry-title" data-testid="entry-details">
      <div className="entry-details-bar">
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
      </div>
      <dl>
        <dt>Event</dt>
        <dd>
          <code>{entry.event.type}</code> {describeEvent(entry.event)}
        </dd>
        {payloadFields(entry).map(([field, text]) => (
          <Fragment key={field}>
            <dt>{field}</dt>
            <dd>{text}</dd>
          </Fragment>
        ))}
        <dt>Who</dt>
        <dd>{actorLabel(entry)}</dd>
        <dt>Signature</dt>
        <dd data-testid="entry-signature">
          {entrySignature(entry) ??
            (needsSignature
              ? 'Not signed: anyone could have written this entry'
              : 'None needed: a scripted step of the scenario, bound by the chain')}
        </dd>
        <dt>Recorded</dt>
        <dd>{entry.wallClockUtc}</dd>
        <dt>Scenario time</dt>
        <dd>{entry.event.at}</dd>
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
        <dt>Thresholds</dt>
        <dd>
          profile {entry.profile.id} v{entry.profile.version};{' '}
          {changes.length ? `changed from it: ${changes.join(', ')}` : 'none changed from it'}
          <br />
          hash <HashButton full hash={entry.profile.hash} of={`the thresholds at entry ${entry.seq}`} onCopied={onCopied} />
        </dd>
        <dt>Decision logic</dt>
        <dd>version {entry.logicVersion}</dd>
        <dt>Previous hash</dt>
        <dd>
          <HashButton full hash={entry.previousHash} of={`the entry before entry ${entry.seq}`} onCopied={onCopied} />
        </dd>
        <dt>Hash</dt>
        <dd data-testid="entry-hash">
          <HashButton full hash={entry.hash} of={`entry ${entry.seq}`} onCopied={onCopied} />
        </dd>
      </dl>
      {entry.derived.evaluations.length > 0 && (
        <table className="entry-evaluations">
          <caption>Rule evaluations at this entry</caption>
          <ColumnHeads columns={['Rule', 'For, tier', 'Value', 'Limit', 'Margin', 'Result']} />
          <tbody>
            {entry.derived.evaluations.map((e, i) => {
              const reading = ruleReading({ ...e, unit: recordedUnit(e.rule) });
              return (
                // biome-ignore lint/suspicious/noArrayIndexKey: evaluations are an ordered, immutable record
                <tr key={i} className={`status-${e.status}`}>
                  <td>{breakableId(e.rule)}</td>
                  <td>{[setup ? recordedSubject(e, setup) : '', e.tier].filter(Boolean).join(', ')}</td>
                  <td>{reading.value === null ? 'unknown' : sourcedValue(reading.value, e.source)}</td>
                  <td>{reading.limit}</td>
                  <td>{reading.margin}</td>
                  <td className="result">{e.status.toUpperCase()}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      )}
    </section>
  );
}

/** A record keeps no unit: its rule states it (a rule of other logic has none, and reads unitless). */
const recordedUnit = (ruleId: string): string => {
  const rule = ruleOfId(ruleId);
  return rule ? unitOf(rule) : '';
};
