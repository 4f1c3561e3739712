import { type Dispatch, useCallback, useEffect, useMemo } from 'react';
import { stateName } from '../../session/fold';
import { frontier, viewWalkthrough } from '../../session/walkthrough';
import type { AppAction, AppState, PendingChange } from '../app/appState';
import { DecisionPanel } from '../decision/DecisionPanel';
import { RecommendationPanel } from '../decision/RecommendationPanel';
import { useCaughtUpAfterFrame } from '../shared/frames';
import { ThresholdsPanel } from '../thresholds/ThresholdsPanel';
import { SessionLog } from './SessionLog';
import { StatechartDiagram } from './StatechartDiagram';
import { StepControls } from './StepControls';
import { Timeline } from './Timeline';
import { VehicleCards } from './VehicleCards';

interface Props {
  state: AppState;
  dispatch: Dispatch<AppAction>;
}

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.closest('input, textarea, select, dialog[open]') !== null || target.isContentEditable);

export function WalkthroughView({ state, dispatch }: Props) {
  const walkthrough = state.walkthrough;
  const view = useMemo(() => (walkthrough ? viewWalkthrough(walkthrough) : null), [walkthrough]);
  // Stable props let the memoized timeline skip threshold edits, which do not change it.
  const appliedKey = view?.appliedByStep.join() ?? '';
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on content, not identity
  const appliedByStep = useMemo(() => view?.appliedByStep ?? [], [appliedKey]);
  const jump = useCallback(
    (cursor: number) => dispatch({ type: 'step.to', cursor, wallClockUtc: new Date().toISOString() }),
    [dispatch],
  );

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const wallClockUtc = new Date().toISOString();
      const moves: Record<string, AppAction> = {
        ArrowRight: { type: 'step.by', delta: 1, wallClockUtc },
        ArrowLeft: { type: 'step.by', delta: -1, wallClockUtc },
        Home: { type: 'step.to', cursor: 0, wallClockUtc },
        End: { type: 'step.to', cursor: Number.MAX_SAFE_INTEGER, wallClockUtc },
      };
      const move = moves[event.key];
      if (!move) return;
      event.preventDefault();
      dispatch(move);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [dispatch]);

  // An edit is for the recommendation: the operators' log, and the statechart unless its state
  // changed (only what is available now did), follow one frame later.
  const snapshotNow = view?.fold.snapshot ?? null;
  const chartSnapshot = useCaughtUpAfterFrame(snapshotNow, {
    urgent: (shown) => !shown || !snapshotNow || stateName(shown.value) !== stateName(snapshotNow.value),
  });
  const loggedWalkthrough = useCaughtUpAfterFrame(walkthrough, { urgent: false });

  if (!walkthrough || !view) return null;
  const { snapshot } = view.fold;
  const request = (change: PendingChange) => dispatch({ type: 'change.request', change, wallClockUtc: new Date().toISOString() });

  return (
    <main className="walkthrough" aria-labelledby="walkthrough-title">
      <div className="walkthrough-bar">
        <h2 id="walkthrough-title">{walkthrough.scenario.title}</h2>
        <StepControls
          cursor={walkthrough.cursor}
          frontier={frontier(walkthrough)}
          total={walkthrough.scenario.events.length}
          onStep={jump}
        />
      </div>
      <div className="walkthrough-grid">
        <div className="column timeline-column">
          <Timeline scenario={walkthrough.scenario} cursor={walkthrough.cursor} appliedByStep={appliedByStep} onJump={jump} />
          {loggedWalkthrough && <SessionLog walkthrough={loggedWalkthrough} temperatureUnit={state.temperatureUnit} />}
        </div>
        <div className="column center-column">
          {chartSnapshot && <StatechartDiagram snapshot={chartSnapshot} />}
          {snapshot.matches({ anomaly: 'decision' }) && (
            <DecisionPanel
              recommendation={view.recommendation}
              canConfirm={view.canConfirm}
              refusal={state.refusal}
              onDecide={(action) => request({ kind: 'action', action })}
            />
          )}
          <RecommendationPanel
            recommendation={view.recommendation}
            policyRows={view.policyRows}
            decision={snapshot.context.decision}
            flipPoints={view.flipPoints}
            inputFlipPoints={view.inputFlipPoints}
            thresholds={snapshot.context.thresholds}
            setup={snapshot.context.setup}
            temperatureUnit={state.temperatureUnit}
          />
          <VehicleCards setup={snapshot.context.setup} />
        </div>
        <div className="column thresholds-column">
          <ThresholdsPanel
            thresholds={snapshot.context.thresholds}
            temperatureUnit={state.temperatureUnit}
            refusal={state.refusal}
            onChange={(key, value, reason) =>
              request({ kind: 'action', action: { type: 'thresholds.change', key, value, ...(reason ? { reason } : {}) } })
            }
            onSet={(values, reason) => request({ kind: 'thresholdSet', values, reason })}
          />
        </div>
      </div>
    </main>
  );
}
