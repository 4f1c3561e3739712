import { createActor, initialTransition, type SnapshotFrom, type StateValue, transition } from 'xstate';
import { type Recommendation, recommend, type Situation } from '../../machines/policy/policy';
import {
  type CrewReturnEvent,
  type CrewReturnInput,
  currentRecommendation,
  currentSituation,
} from '../../machines/statechart/context';
import { crewReturnMachine } from '../../machines/statechart/crewReturnMachine';
import type { MissionSetup, OutcomeId } from '../../machines/types';
import { resolveVehicle } from '../../machines/vehicles/vehicles';
import type { Scenario } from '../../scenarios/schema';
import type { ThresholdProfile } from './profile';

export type CrewReturnSnapshot = SnapshotFrom<typeof crewReturnMachine>;

/** One recorded event: the machine event (with scenario time and actor) and when it was recorded. */
export interface SessionEvent {
  seq: number;
  wallClockUtc: string;
  event: CrewReturnEvent;
}

/** A session is its inputs plus the ordered events; every state is derived by folding them. */
export interface Session {
  scenario: Scenario;
  profile: ThresholdProfile;
  events: SessionEvent[];
}

export interface FoldStep {
  seq: number;
  type: CrewReturnEvent['type'];
  scenarioTimeUtc: string;
  actor: CrewReturnEvent['by'];
  stateBefore: string;
  stateAfter: string;
  /** False when the machine ignored the event in the state it was in (a guard failed or no transition). */
  accepted: boolean;
}

export interface FoldResult {
  snapshot: CrewReturnSnapshot;
  steps: FoldStep[];
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

/**
 * Folds events through a live actor: the fastest way, and exact, since the machine has no timers.
 * An event after the final state is not applied (the actor is done).
 */
export function foldEvents(input: CrewReturnInput, events: readonly SessionEvent[]): FoldResult {
  const actor = createActor(crewReturnMachine, { input }).start();
  let snapshot = actor.getSnapshot();
  const steps: FoldStep[] = [];
  for (const { seq, event } of events) {
    actor.send(event);
    const next = actor.getSnapshot();
    steps.push(foldStep(seq, event, snapshot, next));
    snapshot = next;
  }
  actor.stop();
  return { snapshot, steps };
}

/** The same fold through the pure `transition` function, with no actor; slower, kept to cross-check. */
export function foldEventsPure(input: CrewReturnInput, events: readonly SessionEvent[]): FoldResult {
  let [snapshot] = initialTransition(crewReturnMachine, input);
  const steps: FoldStep[] = [];
  for (const { seq, event } of events) {
    const next = snapshot.status === 'done' ? snapshot : transition(crewReturnMachine, snapshot, event)[0];
    steps.push(foldStep(seq, event, snapshot, next));
    snapshot = next;
  }
  return { snapshot, steps };
}

/**
 * One more event on a finished fold, through an actor resumed from the last snapshot: pure
 * `transition` builds a throw-away actor from the machine's initial state on every call, which
 * costs more than the transition itself.
 */
export function extendFold(input: CrewReturnInput, fold: FoldResult, { seq, event }: SessionEvent): FoldResult {
  const before = fold.snapshot;
  if (before.status === 'done') return { snapshot: before, steps: [...fold.steps, foldStep(seq, event, before, before)] };
  const actor = createActor(crewReturnMachine, { input, snapshot: before }).start();
  const resumed = actor.getSnapshot();
  actor.send(event);
  const after = actor.getSnapshot();
  actor.stop();
  const step = foldStep(seq, event, resumed, after);
  return { snapshot: step.accepted ? after : before, steps: [...fold.steps, step] };
}

function foldStep(seq: number, event: CrewReturnEvent, before: CrewReturnSnapshot, after: CrewReturnSnapshot): FoldStep {
  return {
    seq,
    type: event.type,
    scenarioTimeUtc: event.at,
    actor: event.by,
    stateBefore: stateName(before.value),
    stateAfter: stateName(after.value),
    accepted: after !== before,
  };
}

export function foldSession(session: Session): FoldResult {
  return foldEvents(machineInput(session.scenario, session.profile), session.events);
}

/** The scenario's scripted events as session events, recorded at `wallClockUtc`. */
export function scenarioSessionEvents(scenario: Scenario, wallClockUtc: string): SessionEvent[] {
  return scenario.events.map((event, index) => ({ seq: index + 1, wallClockUtc, event: event as CrewReturnEvent }));
}

/**
 * The recommendation to show for a snapshot: before the decision, the standing one; after it, the
 * decision's own situation re-evaluated under the thresholds in force now.
 */
export function standingRecommendation(context: CrewReturnSnapshot['context']): {
  situation: Situation;
  recommendation: Recommendation | null;
} {
  const situation: Situation = context.decision
    ? { setup: context.setup, ...context.decision.basis, thresholds: context.thresholds }
    : currentSituation(context);
  const recommendation = context.decision ? recommend(situation) : currentRecommendation(context);
  return { situation, recommendation };
}

/** `anomaly.decision` for `{ anomaly: 'decision' }`. */
export function stateName(value: StateValue): string {
  if (typeof value === 'string') return value;
  return Object.entries(value)
    .map(([key, child]) => (child === undefined ? key : `${key}.${stateName(child)}`))
    .join(' | ');
}

/** The decided outcome, else the standing recommendation, else a nominal return once home without anomaly. */
export function sessionOutcome(snapshot: CrewReturnSnapshot): OutcomeId {
  const { context } = snapshot;
  if (context.decision) return context.decision.outcome;
  const recommendation = currentRecommendation(context);
  if (recommendation) return recommendation.outcome;
  return snapshot.matches('crewHome') || snapshot.matches('nominalReturn') ? 'nominal-return' : 'undecided';
}
