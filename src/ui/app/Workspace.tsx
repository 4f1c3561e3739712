import { useReducer } from 'react';
import type { SessionStore, StoredSession } from '../../files/sessionStore';
import type { ThresholdProfile } from '../../session/profile';
import { AuditView } from '../audit/AuditView';
import { builtInProblems, builtInScenarios } from '../library/builtInScenarios';
import { LibraryView } from '../library/LibraryView';
import { WalkthroughView } from '../walkthrough/WalkthroughView';
import { appReducer, initialAppState } from './appState';
import { OperatorDialog } from './OperatorDialog';
import { useSessionPersistence } from './useSessionPersistence';

interface Props {
  profile: ThresholdProfile;
  store: SessionStore | null;
  storeProblem: string | null;
  restored: StoredSession | undefined;
}

export function Workspace({ profile, store, storeProblem, restored }: Props) {
  const [state, dispatch] = useReducer(appReducer, undefined, () =>
    initialAppState(builtInScenarios, profile, restored, storeProblem),
  );
  useSessionPersistence(state, dispatch, store, storeProblem);
  const now = () => new Date().toISOString();
  return (
    <div className="app">
      <header className="app-header">
        <h1>Crew-return decision support</h1>
        <nav aria-label="Views" className="view-tabs">
          <button type="button" aria-pressed={state.view === 'library'} onClick={() => dispatch({ type: 'view.library' })}>
            Scenario library
          </button>
          <button
            type="button"
            aria-pressed={state.view === 'walkthrough'}
            disabled={!state.walkthrough}
            onClick={() => dispatch({ type: 'view.walkthrough' })}
          >
            Walkthrough
          </button>
          <button
            type="button"
            aria-pressed={state.view === 'audit'}
            disabled={!state.walkthrough && !state.imported}
            onClick={() => dispatch({ type: 'view.audit' })}
          >
            Audit trail
          </button>
        </nav>
        <button type="button" className="units-toggle" onClick={() => dispatch({ type: 'units.toggle' })}>
          Temperatures in {state.temperatureUnit} <span className="muted">(switch)</span>
        </button>
        <span className="operator">
          {state.operator ? `Operator: ${state.operator.name} (${state.operator.role})` : 'Operator: not set'}
        </span>
      </header>
      {builtInProblems.length > 0 && (
        <ul role="alert" className="problems">
          {builtInProblems.map((p) => (
            <li key={`${p.file}:${p.path}`}>{`${p.file}: ${p.path}: ${p.expected}`}</li>
          ))}
        </ul>
      )}
      {state.storageProblem && (
        <p role="alert" className="storage-banner">
          This browser could not store the session ({state.storageProblem}). It is kept in memory only and nothing recorded is
          lost while this page stays open: export the decision packet from the audit trail to keep it.
        </p>
      )}
      {state.view === 'audit' ? (
        <AuditView state={state} dispatch={dispatch} />
      ) : state.view === 'library' || !state.walkthrough ? (
        <LibraryView
          store={store}
          onRestore={(session) => dispatch({ type: 'session.restore', session })}
          scenarios={state.library}
          problems={state.openProblems}
          openScenarioId={state.walkthrough?.scenario.id}
          onOpen={(scenario) => dispatch({ type: 'scenario.open', scenario, openedUtc: now() })}
          onOpenedFile={(scenario) => dispatch({ type: 'scenario.add', scenario, openedUtc: now() })}
          onRejectedFile={(problems) => dispatch({ type: 'scenario.rejected', problems })}
        />
      ) : (
        <WalkthroughView state={state} dispatch={dispatch} />
      )}
      <OperatorDialog
        open={state.pending !== null}
        onIdentify={(operator) => dispatch({ type: 'operator.identify', operator, wallClockUtc: now() })}
        onCancel={() => dispatch({ type: 'change.cancel' })}
      />
    </div>
  );
}
