/**
 * The one fold of a session: every event goes through the statechart once, and each step says what
 * it was, the state before and after, whether it was applied (or why not) and what the record derives
 * from it. The walkthrough view, the audit ledger and verification all read these steps.
 */

import { createActor, initialTransition, type SnapshotFrom } from 'xstate';
import { consideredRows, type Recommendation, recommend, type Situation } from '../../machines/policy/policy';
import type { ThresholdValues } from '../../machines/policy/thresholds';
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
import type { ThresholdProfile } from './profile';

export type CrewReturnSnapshot = SnapshotFrom<typeof crewReturnMachine>;

/** An event as recorded: the machine's event (its actor and scenario time inside) and when it was recorded. */
export interface RecordedEvent {
  wallClockUtc: string;
  event: CrewReturnEvent;
}

/** A session is its inputs plus the ordered events; every state is derived by folding them. */
export interface Session {
  scenario: Scenario;
  profile: ThresholdProfile;
  events: readonly RecordedEvent[];
}

/** A rule evaluation as the record keeps it: enough to re-check, small enough for long sessions. */
export interface RecordedEvaluation {
  rule: string;
  tier: string;
  crew?: number;
  vehicle?: string;
  mode?: string;
  value: number | null;
  threshold: number;
  margin: number | null;
  status: string;
  /** Present only for a value the descent-thermal model estimated (no report): never mistaken for one. */
  source?: typeof estimatedSource;
}

/** What an event produced, as the record keeps it and verification re-derives it. */
export interface DerivedRecord {
  stateBefore: string;
  stateAfter: string;
  applied: boolean;
  /** Why the machine did not apply the event; null when it did. */
  refusal: string | null;
  recommendation: { outcome: string; decidingRow: string } | null;
  /** `poll`: the number of the GO/NO-GO poll the decision was taken with (absent without one). */
  decision: { outcome: string; kind: string; poll?: number } | null;
  evaluations: RecordedEvaluation[];
  /** The thresholds in force after the event (the record keeps their hash). */
  thresholds: ThresholdValues;
}

export interface FoldStep {
  seq: number;
  wallClockUtc: string;
  event: CrewReturnEvent;
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
 * Folds more events onto a fold, through one actor resumed from its last state: the machine has no
 * timers, so this is exact, and cheaper than the pure `transition` (which builds an actor per call).
 */
export function extendFold(fold: SessionFold, events: readonly RecordedEvent[]): SessionFold {
  if (events.length === 0) return fold;
  const steps = [...fold.steps];
  const actor =
    fold.snapshot.status === 'done'
      ? null
      : createActor(crewReturnMachine, { input: fold.input, snapshot: fold.snapshot }).start();
  let before = actor?.getSnapshot() ?? fold.snapshot;
  for (const { wallClockUtc, event } of events) {
    actor?.send(event);
    const after = actor?.getSnapshot() ?? before;
    const applied = after !== before || (recordOnlyEventTypes.has(event.type) && before.status !== 'done');
    steps.push({ seq: steps.length + 1, wallClockUtc, event, before, after, record: derive(before, after, applied, event) });
    before = after;
  }
  actor?.stop();
  return { ...fold, steps, snapshot: before };
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
    evaluations: recommendation ? consideredRows(recommendation).flatMap((row) => row.evaluations.map(compact)) : [],
    thresholds: { ...after.context.thresholds },
  };
}

function compact(e: RuleEvaluation): RecordedEvaluation {
  return {
    rule: e.ruleId,
    tier: e.tier,
    ...(e.crewCount === undefined ? {} : { crew: e.crewCount }),
    ...(e.vehicleId === undefined ? {} : { vehicle: e.vehicleId }),
    ...(e.descentModeId === undefined ? {} : { mode: e.descentModeId }),
    value: e.value,
    threshold: e.threshold,
    margin: e.margin,
    status: e.status,
    ...(e.valueSource === estimatedSource ? { source: estimatedSource } : {}),
  };
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

/** The scenario's scripted events, recorded at `wallClockUtc`. */
export function scriptedEvents(scenario: Scenario, wallClockUtc: string): RecordedEvent[] {
  return scenario.events.map((event) => ({ wallClockUtc, event }));
}
