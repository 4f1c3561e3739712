import { useEffect } from 'react';
import type { SessionSummary } from '../../team/protocol';

interface Props {
  sessions: readonly SessionSummary[];
  openSessionId: string | null;
  onJoin: (sessionId: string) => void;
  onList: () => void;
}

/** The sessions on the team server, each to follow from this console; listed when shown and on request. */
export function TeamSessions({ sessions, openSessionId, onJoin, onList }: Props) {
  useEffect(() => onList(), [onList]);
  return (
    <section aria-labelledby="team-sessions-title" className="team-sessions">
      <h2 id="team-sessions-title">Team sessions on this server</h2>
      <button type="button" onClick={onList}>
        Refresh the list
      </button>
      {sessions.length === 0 ? (
        <p className="muted">No session yet: open a scenario below and identify to open it for the team.</p>
      ) : (
        <ul>
          {sessions.map((s) => (
            <li key={s.id}>
              <strong>{s.title}</strong>, opened {s.openedUtc} by {s.authority.name} ({s.authority.role}), {s.entryCount} entries{' '}
              {s.id === openSessionId ? (
                <span className="muted">(open here)</span>
              ) : (
                <button
                  type="button"
                  onClick={() => onJoin(s.id)}
                  aria-label={`Join ${s.title}, opened ${s.openedUtc} by ${s.authority.name}`}
                >
                  Join
                </button>
              )}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
