import type { DecisionPacket } from '../../record/ledger';
import { describeEntry } from '../../reports/packetFormats';

/** Hidden on screen; what the browser prints (or saves as PDF) as the decision record. */
export function PrintRecord({ packet }: { packet: DecisionPacket }) {
  const last = packet.entries.at(-1);
  const decisions = packet.entries.filter(
    (e) => e.eventType.startsWith('decision.') || (e.eventType === 'station.emergency' && e.decision),
  );
  const decided = decisions.at(-1);
  return (
    <section className="print-record" aria-hidden="true">
      <h1>Decision record: {packet.scenario.title}</h1>
      <p>
        Outcome: <strong>{last?.decision?.outcome ?? last?.recommendation?.outcome ?? 'undecided'}</strong>. Final state{' '}
        {last?.stateAfter}.
      </p>
      <p>
        Threshold profile {packet.profile.id} v{packet.profile.version} ({packet.profile.contentHash}). {packet.entryCount}{' '}
        entries; head hash {packet.headHash}.
      </p>
      <h2>Decisions</h2>
      <ul>
        {decisions.map((e) => (
          <li key={e.seq}>
            Entry {e.seq}, {e.wallClockUtc} (scenario {e.scenarioTimeUtc}): {e.actor.name} ({e.actor.role}) {describeEntry(e)}
            {e.eventType === 'decision.override' && ' — OVERRIDE'}
          </li>
        ))}
      </ul>
      {decided && (
        <>
          <h2>Rules at the decision</h2>
          <table>
            <tbody>
              {decided.evaluations
                .filter((e) => e.status !== 'pass' || e.tier === 'emergency')
                .map((e, i) => (
                  // biome-ignore lint/suspicious/noArrayIndexKey: ordered record
                  <tr key={i}>
                    <td>{e.rule}</td>
                    <td>{e.crew ?? ''}</td>
                    <td>{e.tier}</td>
                    <td>{e.value ?? 'unknown'}</td>
                    <td>threshold {e.threshold}</td>
                    <td>{e.status}</td>
                  </tr>
                ))}
            </tbody>
          </table>
        </>
      )}
    </section>
  );
}
