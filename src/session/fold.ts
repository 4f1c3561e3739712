/**
 * The one fold of a session: every event goes through the statechart once, and each step says what
 * it was, the state before and after, whether it was applied (or why not) and what the record derives
 * from it. The walkthrough view, the audit ledger and verification all read these steps.
 */

import { type Actor, createActor, initialTransition, type SnapshotFrom } from 'xstate';
import { consideredRows, type Recommendation, recommend, type Situation } from '../../machines/policy/policy';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import { type CrewReturnInput, currentRecommendation, currentSituation } from '../../machines/statechart/context';
import { crewReturnMachine } from '../../machines/statechart/crewReturnMachine';
import { type CrewReturnEvent, recordOnlyEventTypes } from '../../machines/statechart/events';
import { refusalOf } from '../../machines/statechart/refusal';
import { stateName } from '../../machines/statechart/stateName';
import { estimatedSource } from '../../machines/thermal/estimate';
import type { MissionSetup } from '../../machines/types';
import { resolveVehicle } from '../../machines/vehicles/vehicles';
import type { Scenario } from '../../scenarios/schema';
import type { DerivedRecord, RecordedEvaluation } from './derivedRecord';
import type { ThresholdProfile } from './profile';

export type CrewReturnSnapshot = SnapshotFrom<typeof crewReturnMachine>;

/**
 * An event as recorded: the machine's event (its actor and scenario time inside), when it was recorded,
 * and whose it is: the scenario's step `scriptedStep` (its index in the scenario's events), or, without
 * one, an operator's. The ledger writes that fact into the entry's hashed content.
 */
export interface RecordedEvent {
  wallClockUtc: string;
  event: CrewReturnEvent;
  scriptedStep?: number;
}

/** A session is its inputs plus the ordered events; every state is derived by folding them. */
export interface Session {
  scenario: Scenario;
  profile: ThresholdProfile;
  events: readonly RecordedEvent[];
}

export interface FoldStep {
  seq: number;
  wallClockUtc: string;
  event: CrewReturnEvent;
  /** The scenario step this event is (absent: an operator's). */
  scriptedStep?: number;
  before: CrewReturnSnapshot;
  after: CrewReturnSnapshot;
  record: DerivedRecord;
}

export interface SessionFold {
  input: CrewReturnInput;
  initial: CrewReturnSnapshot;
  steps: readonly FoldStep[];
  /** The state after the last step. */
  snapshot: CrewReturnSnapshot;
}

export function machineInput(scenario: Scenario, profile: ThresholdProfile): CrewReturnInput {
  const { startUtc, crew, damagedVehicle, otherVehicles } = scenario.setup;
  const setup: MissionSetup = {
    crew,
    damagedVehicle: { ...resolveVehicle(damagedVehicle), launchedUtc: damagedVehicle.launchedUtc },
    otherVehicles: otherVehicles.map(resolveVehicle),
  };
  return { setup, thresholds: profile.values, startUtc };
}

export function startFold(input: CrewReturnInput): SessionFold {
  const [initial] = initialTransition(crewReturnMachine, input);
  return { input, initial, steps: [], snapshot: initial };
}

export function foldSession(session: Session): SessionFold {
  return extendFold(startFold(machineInput(session.scenario, session.profile)), session.events);
}

/**
 * The actor left at each fold's last state, still running, so that the next event on that fold goes on
 * through it: resuming an actor from a snapshot walks the whole context (restoring the machine's own
 * references in it), which took most of an edit's fold. Taken on use, so two extensions of one fold (a
 * branch) never share one; the machine has no timers, so a running actor holds nothing else.
 */
const actorAt = new WeakMap<CrewReturnSnapshot, Actor<typeof crewReturnMachine>>();

/**
 * Folds more events onto a fold, through one actor resumed from its last state: the machine has no
 * timers, so this is exact, and cheaper than the pure `transition` (which builds an actor per call).
 */
export function extendFold(fold: SessionFold, events: readonly RecordedEvent[]): SessionFold {
  if (events.length === 0) return fold;
  const steps = [...fold.steps];
  const actor = fold.snapshot.status === 'done' ? null : resumeAt(fold);
  let before = actor?.getSnapshot() ?? fold.snapshot;
  for (const { wallClockUtc, event, scriptedStep } of events) {
    actor?.send(event);
    const after = actor?.getSnapshot() ?? before;
    const applied = after !== before || (recordOnlyEventTypes.has(event.type) && before.status !== 'done');
    const record = derive(before, after, applied, event);
    steps.push({
      seq: steps.length + 1,
      wallClockUtc,
      event,
      ...(scriptedStep === undefined ? {} : { scriptedStep }),
      before,
      after,
      record,
    });
    before = after;
  }
  if (actor && before.status === 'active') actorAt.set(before, actor);
  else actor?.stop();
  return { ...fold, steps, snapshot: before };
}

function resumeAt(fold: SessionFold): Actor<typeof crewReturnMachine> {
  const kept = actorAt.get(fold.snapshot);
  actorAt.delete(fold.snapshot);
  return kept ?? createActor(crewReturnMachine, { input: fold.input, snapshot: fold.snapshot }).start();
}

/** The state after the first `count` steps (0: the initial state). */
export function snapshotAfter(fold: SessionFold, count: number): CrewReturnSnapshot {
  return count === 0 ? fold.initial : (fold.steps[count - 1]?.after ?? fold.snapshot);
}

function derive(before: CrewReturnSnapshot, after: CrewReturnSnapshot, applied: boolean, event: CrewReturnEvent): DerivedRecord {
  const { recommendation } = standingRecommendation(after.context);
  const decision = after.context.decision;
  return {
    stateBefore: stateName(before.value),
    stateAfter: stateName(after.value),
    applied,
    refusal: applied ? null : refusalOf(before, event),
    recommendation: recommendation ? { outcome: recommendation.outcome, decidingRow: recommendation.decidingRow } : null,
    decision: decision
      ? { outcome: decision.outcome, kind: decision.kind, ...(decision.poll === null ? {} : { poll: decision.poll }) }
      : null,
    evaluations: recommendation ? recordedEvaluations(recommendation) : [],
    thresholds: recordedThresholds(after.context.thresholds),
  };
}

function compact(e: RuleEvaluation): RecordedEvaluation {
  // Assigned field by field (no spreads): the fold compacts every evaluation of every step.
  const recorded: RecordedEvaluation = { rule: e.ruleId, tier: e.tier } as RecordedEvaluation;
  if (e.crewCount !== undefined) recorded.crew = e.crewCount;
  if (e.vehicleId !== undefined) recorded.vehicle = e.vehicleId;
  if (e.descentModeId !== undefined) recorded.mode = e.descentModeId;
  recorded.value = e.value;
  recorded.threshold = e.threshold;
  recorded.margin = e.margin;
  recorded.status = e.status;
  if (e.valueSource === estimatedSource) recorded.source = estimatedSource;
  return recorded;
}

/**
 * A step that changes neither the recommendation nor the thresholds (a note, a handover) records the
 * same evaluations and thresholds as the step before: the same objects, made once. Records are never mutated.
 */
const evaluationsByRecommendation = new WeakMap<Recommendation, RecordedEvaluation[]>();
const thresholdsByContext = new WeakMap<Context['thresholds'], Context['thresholds']>();

function recordedEvaluations(recommendation: Recommendation): RecordedEvaluation[] {
  let evaluations = evaluationsByRecommendation.get(recommendation);
  if (!evaluations) {
    evaluations = consideredRows(recommendation).flatMap((row) => row.evaluations.map(compact));
    evaluationsByRecommendation.set(recommendation, evaluations);
  }
  return evaluations;
}

function recordedThresholds(thresholds: Context['thresholds']): Context['thresholds'] {
  let copy = thresholdsByContext.get(thresholds);
  if (!copy) {
    // In canonical key order, so hashing it serializes natively.
    copy = Object.fromEntries(Object.entries(thresholds).sort(([a], [b]) => (a < b ? -1 : 1))) as Context['thresholds'];
    thresholdsByContext.set(thresholds, copy);
  }
  return copy;
}

type Context = CrewReturnSnapshot['context'];
const standingByContext = new WeakMap<Context, { situation: Situation; recommendation: Recommendation | null }>();

/**
 * The recommendation to show for a state: before the decision, the standing one; after it, the
 * decision's own situation re-evaluated under the thresholds in force now.
 */
export function standingRecommendation(context: Context): { situation: Situation; recommendation: Recommendation | null } {
  let standing = standingByContext.get(context);
  if (!standing) {
    const situation: Situation = context.decision
      ? { setup: context.setup, ...context.decision.basis, thresholds: context.thresholds }
      : currentSituation(context);
    standing = { situation, recommendation: context.decision ? recommend(situation) : currentRecommendation(context) };
    standingByContext.set(context, standing);
  }
  return standing;
}

/** The scenario's scripted events, each as its step, recorded at `wallClockUtc`. */
export function scriptedEvents(scenario: Scenario, wallClockUtc: string): RecordedEvent[] {
  return scenario.events.map((event, scriptedStep) => ({ wallClockUtc, event, scriptedStep }));
}
