import { useReducer } from 'react';
import type { ThresholdProfile } from '../session/profile';
import { appReducer, initialAppState } from './appState';
import { builtInProblems, builtInScenarios } from './builtInScenarios';
import { LibraryView } from './LibraryView';
import { OperatorDialog } from './OperatorDialog';
import { WalkthroughView } from './WalkthroughView';

export function Workspace({ defaultProfile }: { defaultProfile: ThresholdProfile }) {
  const [state, dispatch] = useReducer(appReducer, undefined, () => initialAppState(builtInScenarios, defaultProfile));
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
      {state.view === 'library' || !state.walkthrough ? (
        <LibraryView
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
