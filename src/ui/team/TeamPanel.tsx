import type { PublicKeyRecord } from '../../record/signing';
import type { TeamView } from '../../team/console/teamConsole';

interface Props {
  view: TeamView | null;
  /** Whether the open session exists in this page only, waiting for someone to identify to open it on the server. */
  notShared: boolean;
  /** The fingerprint of the key this console signs with; null while nobody is identified here. */
  myKey: string | null;
  /** Keys registered on the server, as last listed. */
  keys: readonly PublicKeyRecord[];
  problem: string | null;
  onAdmit: (key: PublicKeyRecord) => void;
  onListKeys: () => void;
}

const who = (key: PublicKeyRecord) => `${key.name} (${key.role})`;

/**
 * The open session as the team shares it: whose authority it is under, who is admitted, what this
 * console has not sent yet and why, the last checkpoint it checked, and an alarm when the server's
 * log cannot be trusted. The authority admits operators here.
 */
export function TeamPanel({ view, notShared, myKey, keys, problem, onAdmit, onListKeys }: Props) {
  if (!view)
    return notShared ? (
      <section className="team-panel" aria-label="Team session">
        <p role="status">
          This session is on this console only: identify to open it on the team server (you become its decision authority).
        </p>
        {problem && <p role="alert">{problem}</p>}
      </section>
    ) : problem ? (
      <p role="alert" className="storage-banner">
        {problem}
      </p>
    ) : null;
  const admitted = new Set(view.admitted.map((k) => k.fingerprint));
  const isAuthority = myKey === view.authority.fingerprint;
  const waitingForAdmission = myKey !== null && !admitted.has(myKey);
  const notAdmitted = keys.filter((k) => !admitted.has(k.fingerprint));
  const unsent = view.pending.length + view.waiting;
  return (
    <section className="team-panel" aria-labelledby="team-panel-title">
      <h2 id="team-panel-title" className="team-heading">
        Team session
      </h2>
      {view.alarm && (
        <p role="alert" className="team-alarm">
          Do not trust this session's log: {view.alarm}
        </p>
      )}
      <p>
        <strong>{view.title}</strong> on the team server, under the authority of {who(view.authority)}.{' '}
        <span role="status" data-testid="team-connection" data-connection={view.connection}>
          {connectionWords[view.connection]}
        </span>{' '}
        <span data-testid="team-verified" data-entries={view.verified.length}>
          {view.verified.length} entries verified
        </span>
        {view.checkpoint && (
          <span className="muted">
            {' '}
            · server checkpoint of {view.checkpoint.treeSize} entries checked (root{' '}
            <code>{view.checkpoint.rootHash.slice(0, 12)}</code>)
          </span>
        )}
      </p>
      {unsent > 0 && (
        <p role="status" data-testid="team-unsent">
          {unsent} of your entries not yet on the server{view.heldBecause ? `: ${view.heldBecause}` : ''}. They are kept signed in
          this browser and sent when they can be.
        </p>
      )}
      {waitingForAdmission && (
        <p role="status" data-testid="team-admission">
          Waiting for {who(view.authority)} to admit your key ({myKey}) to this session: until then you follow it read-only.
        </p>
      )}
      <details>
        <summary>Admitted: {view.admitted.map(who).join(', ')}</summary>
        <ul>
          {view.admitted.map((k) => (
            <li key={k.fingerprint}>
              {who(k)} <code>{k.fingerprint}</code>
            </li>
          ))}
        </ul>
      </details>
      {isAuthority && (
        <section aria-label="Admit operators" className="team-admit">
          <h3>Operators asking to join</h3>
          <button type="button" onClick={onListKeys}>
            Refresh the list of operators
          </button>
          {notAdmitted.length === 0 ? (
            <p className="muted">Nobody else has identified on the server.</p>
          ) : (
            <ul>
              {notAdmitted.map((k) => (
                <li key={k.fingerprint}>
                  {who(k)} <code>{k.fingerprint}</code>{' '}
                  <button type="button" onClick={() => onAdmit(k)}>
                    Admit {k.name} ({k.role})
                  </button>
                </li>
              ))}
            </ul>
          )}
        </section>
      )}
      {problem && <p role="alert">{problem}</p>}
    </section>
  );
}

const connectionWords: Record<TeamView['connection'], string> = {
  connecting: 'Connecting…',
  connected: 'Live.',
  reconnecting: 'Reconnecting to the team server…',
  stopped: 'Not following the session.',
};
