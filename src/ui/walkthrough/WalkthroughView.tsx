import { memo, useCallback, useEffect, useMemo } from 'react';
import type { Scenario } from '../../../scenarios/schema';
import { situationWords } from '../../reports/monteCarloWords';
import { explorableQuantities, standIns } from '../../session/exploration';
import { scriptedDecisionNear, statedOutcomeOf } from '../../session/history';
import {
  type Actor,
  type AssessedValue,
  type OperatorRequest,
  type PartialThresholdValues,
  stateName,
  type ThresholdKey,
} from '../../session/model';
import { positionsToPoll } from '../../session/profile';
import { replayRefusal } from '../../session/replayWalkthrough';
import { type Change, frontier, reviewReason, type Walkthrough } from '../../session/walkthrough';
import { viewWalkthrough, type WalkthroughView as WalkthroughViewModel } from '../../session/walkthroughView';
import { AnswerPanel, DecisionPanel, DescentCabinPanel, RecommendationPanel, SideBySide } from '../decision';

import { OddsPanel } from '../odds';
import type { TemperatureUnit } from '../shared/units';
import { useAfterPaint } from '../shared/useAfterPaint';
import { ThresholdsPanel } from '../thresholds';
import { ExploreBar, type ExploreControls } from './ExploreBar';
import { HistoryNotice } from './HistoryNotice';
import { SessionLog } from './SessionLog';
import { StatechartDiagram } from './StatechartDiagram';
import { StatusLine } from './StatusLine';
import { StepControls } from './StepControls';
import { Timeline } from './Timeline';
import { TriedValues } from './TriedValues';
import { VehicleCards } from './VehicleCards';
import { VehicleLife } from './VehicleLife';

interface Props {
  walkthrough: Walkthrough;
  /** The scenarios of the library: each can be compared side by side at this step. */
  library: readonly Scenario[];
  temperatureUnit: TemperatureUnit;
  refusal: string | null;
  onStep: (cursor: number, wallClockUtc: string) => void;
  onStepBy: (delta: number, wallClockUtc: string) => void;
  onChange: (change: Change) => void;
  /** Explore mode's controls while exploring (the walkthrough is then the unrecorded copy); null while recording. */
  exploring: (ExploreControls & { tried: Readonly<Record<string, AssessedValue>>; onTry: TryValue }) | null;
  onStartExplore: () => void;
  /** The file of an imported packet being replayed (read-only), or null. */
  replayOf: string | null;
  /** Why nothing can be recorded here whatever the step (another tab records the session), or null. */
  readOnlyBecause?: string | null;
  onLeaveReplay: () => void;
  /** Opens a new session at this step in which the operator, not the script, decides. */
  onDecideYourself: () => void;
  /** Unlocks (or makes) a person's own key with their passphrase, for a call they sign: null once unlocked, else why not. */
  onUnlock: (actor: Actor, passphrase: string) => Promise<string | null>;
}

type TryValue = (key: string, value: AssessedValue | null) => void;

const typing = (target: EventTarget | null) =>
  target instanceof HTMLElement && (target.closest('input, textarea, select, dialog[open]') !== null || target.isContentEditable);

/** The flip search the detail shows (kept by the view once asked), worked out ahead of its render. */
const workOutNearestFlip = ({ view }: { view: WalkthroughViewModel }) => {
  view.nearestFlip;
};

export const WalkthroughView = memo(function WalkthroughView({
  walkthrough,
  library,
  temperatureUnit,
  refusal,
  onStep,
  onStepBy,
  onChange,
  exploring,
  onStartExplore,
  replayOf,
  readOnlyBecause = null,
  onLeaveReplay,
  onDecideYourself,
  onUnlock,
}: Props) {
  const tried = exploring?.tried;
  const view = useMemo(() => viewWalkthrough(walkthrough, tried), [walkthrough, tried]);
  // What is beside the point of an edit (the statechart, the operators' log, the detail tables)
  // follows in the frame after, so the recommendation is on screen first.
  // One deferral for both, so the detail and the log follow in one render, not two.
  const current = useMemo(() => ({ view, walkthrough }), [view, walkthrough]);
  const { view: deferredView, walkthrough: deferredWalkthrough } = useAfterPaint(current, workOutNearestFlip);
  const chartSnapshot =
    stateName(deferredView.snapshot.value) === stateName(view.snapshot.value) ? deferredView.snapshot : view.snapshot;
  // Stable props let the memoized timeline skip threshold edits, which do not change it.
  const appliedKey = view.appliedByStep.join();
  // biome-ignore lint/correctness/useExhaustiveDependencies: keyed on content, not identity
  const appliedByStep = useMemo(() => view.appliedByStep, [appliedKey]);
  // Explore mode's statechart simulator: an available transition taken by its event type.
  const takeTransition = useCallback((eventType: string) => onChange({ kind: 'transition', eventType }), [onChange]);
  const jump = useCallback((cursor: number) => onStep(cursor, new Date().toISOString()), [onStep]);
  const attachOdds = useCallback(
    (request: Extract<OperatorRequest, { type: 'odds.attach' }>) => onChange({ kind: 'event', request }),
    [onChange],
  );
  // Stable handlers and props for the memoized panels: the detail's render after an edit skips them.
  const decide = useCallback((request: OperatorRequest) => onChange({ kind: 'event', request }), [onChange]);
  const vote = useCallback(
    (request: Extract<OperatorRequest, { type: 'poll.vote' }>, voter: Actor) => onChange({ kind: 'vote', request, voter }),
    [onChange],
  );
  const changeThreshold = useCallback(
    (key: ThresholdKey, value: number, reason: string) =>
      onChange({ kind: 'event', request: { type: 'thresholds.change', key, value, ...(reason ? { reason } : {}) } }),
    [onChange],
  );
  const setThresholds = useCallback(
    (values: PartialThresholdValues, reason: string) => onChange({ kind: 'thresholdSet', values, reason }),
    [onChange],
  );
  const thresholdRefusal = useCallback(
    (key: ThresholdKey, value: number) => view.refusalOf({ type: 'thresholds.change', key, value }),
    [view],
  );
  const positions = useMemo(() => positionsToPoll(walkthrough.profile), [walkthrough.profile]);

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (typing(event.target) || event.altKey || event.ctrlKey || event.metaKey) return;
      const wallClockUtc = new Date().toISOString();
      const by = { ArrowRight: 1, ArrowLeft: -1 }[event.key];
      const to = { Home: 0, End: Number.MAX_SAFE_INTEGER }[event.key];
      if (by === undefined && to === undefined) return;
      event.preventDefault();
      if (by !== undefined) onStepBy(by, wallClockUtc);
      else onStep(to ?? 0, wallClockUtc);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [onStep, onStepBy]);

  const { snapshot } = view;
  const scriptedNear = scriptedDecisionNear(walkthrough.scenario, walkthrough.cursor);
  // Where the session stands: the status line, the answer and the confirm line keep their room while it stays there.
  const place = `${walkthrough.scenario.id} ${walkthrough.cursor}`;
  // Review and replay disable what cannot act, and say why beside it.
  const readOnly = replayOf ? replayRefusal(replayOf) : (readOnlyBecause ?? reviewReason(walkthrough));
  return (
    <main className="walkthrough" aria-labelledby="walkthrough-title">
      <StatusLine
        status={view.status}
        scenarioTitle={walkthrough.scenario.title}
        step={walkthrough.cursor}
        exploring={exploring !== undefined && exploring !== null}
        temperatureUnit={temperatureUnit}
        place={place}
      />
      <div className="walkthrough-bar">
        <h2 id="walkthrough-title">{walkthrough.scenario.title}</h2>
        <StepControls
          cursor={walkthrough.cursor}
          frontier={frontier(walkthrough)}
          total={walkthrough.scenario.events.length}
          onStep={jump}
        />
        {replayOf ? (
          <p className="replay-bar" role="status">
            Replaying <strong>{replayOf}</strong>, read-only: the record as it was made, step by step.{' '}
            <button type="button" onClick={onLeaveReplay}>
              Leave the replay
            </button>
          </p>
        ) : (
          <>
            <ExploreBar exploring={exploring} temperatureUnit={temperatureUnit} onStart={onStartExplore} />
            {!exploring && (
              <button
                type="button"
                className="decide-yourself"
                onClick={onDecideYourself}
                title="A new session of this scenario at this step, in which no scripted decision is applied"
              >
                Decide yourself from step {walkthrough.cursor}
              </button>
            )}
          </>
        )}
        {scriptedNear && !replayOf && (
          <HistoryNotice
            scenarioKind={walkthrough.scenario.kind}
            near={scriptedNear}
            recommended={view.recommendation?.outcome ?? null}
            confirmRefusal={view.confirmRefusal}
            applied={view.appliedByStep[scriptedNear.step - 1]}
            ownDecisionInForce={view.record.decision !== null && !view.record.decision.scripted}
            statedOutcome={statedOutcomeOf(walkthrough.scenario, scriptedNear.step - 1)}
          />
        )}
        <p className="phone-note muted">
          A read-only summary at this width: changing thresholds, exploring and deciding need a wider screen.
        </p>
        <span className="state-now">
          State: <strong data-testid="state-now">{stateName(snapshot.value)}</strong>
        </span>
      </div>
      <div className="walkthrough-grid">
        <div className="column timeline-column">
          <Timeline scenario={walkthrough.scenario} cursor={walkthrough.cursor} appliedByStep={appliedByStep} onJump={jump} />
          <SessionLog walkthrough={deferredWalkthrough} temperatureUnit={temperatureUnit} />
        </div>
        <div className="column center-column">
          <AnswerPanel
            answer={view.answer}
            decision={view.record.decision}
            scenarioKind={walkthrough.scenario.kind}
            // One frame behind at most: the flip search runs with the detail, off the edit's urgent render.
            nearestFlip={deferredView.nearestFlip}
            nearestFlipPending={deferredView !== view}
            temperatureUnit={temperatureUnit}
            place={place}
          />
          {exploring && view.recommendation && (
            <TriedValues
              reported={Object.fromEntries(
                explorableQuantities(view.recommendation, snapshot.context.setup.damagedVehicle, snapshot.context.values).map(
                  (key) => [key, snapshot.context.values[key]],
                ),
              )}
              unreported={standIns(snapshot.context.setup.damagedVehicle, view.values)}
              tried={exploring.tried}
              temperatureUnit={temperatureUnit}
              onTry={exploring.onTry}
            />
          )}
          {!exploring && !replayOf && snapshot.hasTag('deciding') && (
            <DecisionPanel
              recommendation={view.recommendation}
              confirmRefusal={view.confirmRefusal}
              refusal={refusal}
              readOnly={readOnly}
              polls={view.record.polls}
              defaultPositions={positions}
              pollRefusal={view.pollRefusal}
              overrideOutcomes={view.overrideOutcomes}
              overrideRefusal={view.overrideRefusal}
              closedOverrides={view.closedOverrides}
              onDecide={decide}
              onVote={vote}
              unlock={onUnlock}
              place={place}
            />
          )}
          <OddsPanel
            situation={view.situation}
            situationLabel={
              view.situation
                ? situationWords(
                    walkthrough.scenario.title,
                    walkthrough.cursor,
                    view.situation,
                    walkthrough.profile,
                    Object.keys(tried ?? {}).length,
                  )
                : ''
            }
            recommended={view.recommendation?.outcome ?? null}
            // Odds enter the record from the session itself, never from a review, a replay or Explore's tried values.
            onAttach={readOnly === null && !exploring ? attachOdds : null}
          />
          <RecommendationPanel view={deferredView} pending={deferredView !== view} temperatureUnit={temperatureUnit} />
          {deferredView.recommendation && (
            <SideBySide
              situation={deferredView.situation}
              scenario={walkthrough.scenario}
              step={deferredWalkthrough.cursor}
              library={library}
              profile={walkthrough.profile}
              setup={deferredView.snapshot.context.setup}
              temperatureUnit={temperatureUnit}
            />
          )}
          {deferredView.recommendation && (
            <DescentCabinPanel
              vehicle={deferredView.snapshot.context.setup.damagedVehicle}
              values={deferredView.values}
              temperatureUnit={temperatureUnit}
            />
          )}
          <StatechartDiagram snapshot={chartSnapshot} onTake={exploring ? takeTransition : undefined} />
          <VehicleLife view={deferredView} />
          <VehicleCards setup={snapshot.context.setup} />
        </div>
        <div className="column thresholds-column">
          <ThresholdsPanel
            profile={walkthrough.profile}
            thresholds={snapshot.context.thresholds}
            temperatureUnit={temperatureUnit}
            refusal={refusal}
            readOnly={readOnly}
            refusalOf={thresholdRefusal}
            onChange={changeThreshold}
            onSet={setThresholds}
          />
        </div>
      </div>
    </main>
  );
});
