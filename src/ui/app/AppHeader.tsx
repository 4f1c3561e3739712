import { AppActor, identifying, viewOf } from './appActor';
import { SaveStatusLine } from './SaveStatusLine';
import { saveStatus, writesHere } from './saveStatus';
import { useAppSend } from './useAppSend';

/** The views, the temperature unit, what is saved, and who operates. */
export function AppHeader({ operatorKey }: { operatorKey: string | null }) {
  const { send } = useAppSend();
  const view = AppActor.useSelector(viewOf);
  const hasWalkthrough = AppActor.useSelector((s) => s.context.walkthrough !== null);
  const hasImported = AppActor.useSelector((s) => s.context.imported !== null);
  const temperatureUnit = AppActor.useSelector((s) => s.context.temperatureUnit);
  const operator = AppActor.useSelector((s) => s.context.operator);
  const canIdentify = AppActor.useSelector((s) => writesHere(s.context) && !identifying(s));
  return (
    <header className="app-header">
      <h1>Crew-return decision support</h1>
      <nav aria-label="Views" className="view-tabs">
        <button type="button" aria-pressed={view === 'library'} onClick={() => send({ type: 'view.library' })}>
          Scenario library
        </button>
        <button
          type="button"
          aria-pressed={view === 'walkthrough'}
          disabled={!hasWalkthrough}
          onClick={() => send({ type: 'view.walkthrough' })}
        >
          Walkthrough
        </button>
        <button type="button" aria-pressed={view === 'editor'} onClick={() => send({ type: 'view.editor' })}>
          Scenario editor
        </button>
        <button
          type="button"
          aria-pressed={view === 'audit'}
          disabled={!hasWalkthrough && !hasImported}
          onClick={() => send({ type: 'view.audit' })}
        >
          Audit trail
        </button>
      </nav>
      <button type="button" className="units-toggle" onClick={() => send({ type: 'units.toggle' })}>
        Temperatures in {temperatureUnit} <span className="muted">(switch)</span>
      </button>
      <ModeBadge />
      <SaveStatus />
      <span className="operator">
        {operator ? `Operator: ${operator.name} (${operator.role})` : 'Operator: not set'}
        {operator && operatorKey && <span className="muted"> · key {operatorKey}</span>}{' '}
        {canIdentify && (
          <button type="button" className="link" onClick={() => send({ type: 'operator.handover' })}>
            {operator ? 'Hand over' : 'Identify'}
          </button>
        )}
      </span>
    </header>
  );
}

/** Its own subscriber: a stored entry re-renders the status line, nothing else. */
function SaveStatus() {
  const walkthrough = AppActor.useSelector((s) => s.context.walkthrough);
  const ledger = AppActor.useSelector((s) => s.context.ledger);
  const storedCount = AppActor.useSelector((s) => s.context.storedCount);
  const storageProblem = AppActor.useSelector((s) => s.context.storageProblem);
  const writer = AppActor.useSelector((s) => s.context.writer);
  return <SaveStatusLine status={saveStatus({ walkthrough, ledger, storedCount, storageProblem, writer })} />;
}

/** Where sessions are kept: on the team server that served the page, or in this browser only. */
function ModeBadge() {
  const database = AppActor.useSelector((s) => s.context.team?.setup.server.database ?? null);
  return (
    <span className="mode-badge" data-testid="mode" data-mode={database ? 'team' : 'browser'}>
      {database === null ? 'This browser only' : `Team server (${database === 'embedded' ? 'embedded database' : 'PostgreSQL'})`}
    </span>
  );
}
