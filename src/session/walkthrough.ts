import { type FlipPoint, flipPoints, type InputFlipPoint, inputFlipPoints } from '../../machines/policy/flipPoints';
import { everyPolicyRow, type PolicyRowResult, type Recommendation } from '../../machines/policy/policy';
import { validateThresholdValues } from '../../machines/policy/thresholds';
import type { CrewReturnEvent } from '../../machines/statechart/context';
import { hasVisibleText } from '../../machines/statechart/text';
import type { Actor, DecidableOutcome } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import {
  extendFold,
  type FoldResult,
  foldEvents,
  machineInput,
  type SessionEvent,
  standingRecommendation,
  stateName,
} from './fold';
import type { ThresholdProfile } from './profile';

/** An event the operator recorded, pinned to the scenario step it was made at. */
export interface OperatorEvent {
  /** How many scripted events had been applied when it was recorded. */
  afterStep: number;
  wallClockUtc: string;
  event: CrewReturnEvent;
}

/**
 * A scenario being stepped through. Moving back is only a view: the record grows at the frontier
 * (the furthest step reached), so what was recorded is never reordered or edited.
 */
export interface Walkthrough {
  scenario: Scenario;
  profile: ThresholdProfile;
  openedUtc: string;
  cursor: number;
  /** When each scripted step was first reached; its length is the frontier. */
  stepReachedUtc: string[];
  operatorEvents: OperatorEvent[];
}

export function openWalkthrough(scenario: Scenario, profile: ThresholdProfile, openedUtc: string): Walkthrough {
  return { scenario, profile, openedUtc, cursor: 0, stepReachedUtc: [], operatorEvents: [] };
}

export const frontier = (walkthrough: Walkthrough) => walkthrough.stepReachedUtc.length;

export function moveTo(walkthrough: Walkthrough, cursor: number, wallClockUtc: string): Walkthrough {
  const clamped = Math.max(0, Math.min(walkthrough.scenario.events.length, Math.round(cursor)));
  if (clamped === walkthrough.cursor) return walkthrough;
  const reached = walkthrough.stepReachedUtc;
  const stepReachedUtc = clamped > reached.length ? [...reached, ...Array(clamped - reached.length).fill(wallClockUtc)] : reached;
  return { ...walkthrough, cursor: clamped, stepReachedUtc };
}

/** Scripted events up to `upTo` (the cursor), with each operator event right after the step it was made at. */
export function sessionEvents(walkthrough: Walkthrough, upTo = walkthrough.cursor): SessionEvent[] {
  return orderedEvents(walkthrough, upTo).map(({ event, wallClockUtc }, i) => ({ seq: i + 1, wallClockUtc, event }));
}

/** Everything recorded so far, in recording order: the source of the audit trail. */
export function recordedEvents(walkthrough: Walkthrough): SessionEvent[] {
  return sessionEvents(walkthrough, frontier(walkthrough));
}

function orderedEvents(walkthrough: Walkthrough, upTo: number) {
  const ordered: { event: CrewReturnEvent; wallClockUtc: string; scriptedIndex?: number }[] = [];
  for (let step = 0; step <= upTo; step++) {
    for (const op of walkthrough.operatorEvents) if (op.afterStep === step) ordered.push(op);
    const scripted = walkthrough.scenario.events[step];
    if (step < upTo && scripted) {
      const wallClockUtc = walkthrough.stepReachedUtc[step] ?? walkthrough.openedUtc;
      ordered.push({ event: scripted as CrewReturnEvent, wallClockUtc, scriptedIndex: step });
    }
  }
  return ordered;
}

export interface WalkthroughView {
  fold: FoldResult;
  /**
   * The recommendation under the thresholds in force now (null before any anomaly). Once decided,
   * it is the decision's own situation re-evaluated: what the thresholds would have said then.
   */
  recommendation: Recommendation | null;
  /** Every policy row's own verdict, those below the deciding one included. */
  policyRows: PolicyRowResult[];
  flipPoints: FlipPoint[];
  inputFlipPoints: InputFlipPoint[];
  /** Whether the machine would accept a confirmation now (its guard decides, not the UI). */
  canConfirm: boolean;
  /** Scripted step index → whether the machine applied it (undefined: not reached yet). */
  appliedByStep: (boolean | undefined)[];
}

/** Walkthroughs are immutable, so each is folded once; recording an event extends its parent's fold. */
const foldCache = new WeakMap<Walkthrough, FoldResult>();

export function foldWalkthrough(walkthrough: Walkthrough): FoldResult {
  let fold = foldCache.get(walkthrough);
  if (!fold) {
    fold = foldEvents(machineInput(walkthrough.scenario, walkthrough.profile), sessionEvents(walkthrough));
    foldCache.set(walkthrough, fold);
  }
  return fold;
}

export function viewWalkthrough(walkthrough: Walkthrough): WalkthroughView {
  const ordered = orderedEvents(walkthrough, walkthrough.cursor);
  const fold = foldWalkthrough(walkthrough);
  const { situation, recommendation } = standingRecommendation(fold.snapshot.context);
  const scriptedSteps = fold.steps.filter((_, i) => ordered[i]?.scriptedIndex !== undefined);
  return {
    fold,
    recommendation,
    policyRows: recommendation ? everyPolicyRow(situation) : [],
    flipPoints: recommendation ? flipPoints(situation, recommendation) : [],
    inputFlipPoints: recommendation ? inputFlipPoints(situation, recommendation) : [],
    canConfirm: fold.snapshot.can({
      type: 'decision.confirm',
      at: fold.snapshot.context.nowUtc,
      by: { name: 'probe', role: 'probe' },
    }),
    appliedByStep: walkthrough.scenario.events.map((_, i) => scriptedSteps[i]?.accepted),
  };
}

export type OperatorAction =
  | { type: 'session.note'; text: string }
  | { type: 'thresholds.change'; key: string; value: number; reason?: string }
  | { type: 'decision.confirm'; rationale?: string }
  | { type: 'decision.override'; outcome: DecidableOutcome; rationale: string };

export type Recorded = { ok: true; walkthrough: Walkthrough } | { ok: false; reason: string };

/** Records an operator action at the current step, if the machine accepts it; otherwise says why not. */
export function recordAction(walkthrough: Walkthrough, action: OperatorAction, by: Actor, wallClockUtc: string): Recorded {
  if (walkthrough.cursor < frontier(walkthrough)) {
    return {
      ok: false,
      reason: `you are viewing step ${walkthrough.cursor}; changes are recorded at the latest step reached (${frontier(walkthrough)})`,
    };
  }
  const { snapshot } = foldWalkthrough(walkthrough);
  const { context } = snapshot;
  let event: CrewReturnEvent;
  if (action.type === 'thresholds.change') {
    const problem = validateThresholdValues({ ...context.thresholds, [action.key]: action.value })[0];
    if (problem) return { ok: false, reason: problem.expected };
    const previousValue = context.thresholds[action.key];
    if (previousValue === action.value) return { ok: false, reason: 'unchanged' };
    event = { ...action, ...(previousValue === undefined ? {} : { previousValue }), at: context.nowUtc, by };
  } else if (action.type === 'session.note') {
    if (!action.text.trim()) return { ok: false, reason: 'a note needs text' };
    event = { type: 'session.note', text: action.text.trim(), at: context.nowUtc, by };
  } else {
    if (action.type === 'decision.override' && !hasVisibleText(action.rationale))
      return { ok: false, reason: 'an override needs a rationale' };
    event = { ...action, at: context.nowUtc, by };
  }
  if (event.type !== 'session.note' && !snapshot.can(event))
    return { ok: false, reason: `not possible in state ${stateName(snapshot.value)}` };
  const recorded: OperatorEvent = { afterStep: walkthrough.cursor, wallClockUtc, event };
  const next = { ...walkthrough, operatorEvents: [...walkthrough.operatorEvents, recorded] };
  // The new event lands last in the ordered list (it is pinned at the cursor), so one transition extends the fold.
  foldCache.set(
    next,
    extendFold(machineInput(next.scenario, next.profile), foldWalkthrough(walkthrough), {
      seq: sessionEvents(next).length,
      wallClockUtc,
      event,
    }),
  );
  return { ok: true, walkthrough: next };
}

/**
 * Moves every threshold to `values` as individual recorded changes, ordered so that each change
 * is valid on its own (e.g. an emergency limit is raised before the nominal one that follows it).
 */
export function recordThresholdSet(
  walkthrough: Walkthrough,
  values: Readonly<Record<string, number>>,
  reason: string,
  by: Actor,
  wallClockUtc: string,
): Recorded {
  let current = walkthrough;
  let pending = Object.entries(values);
  while (pending.length) {
    const stillPending: [string, number][] = [];
    for (const [key, value] of pending) {
      const recorded = recordAction(current, { type: 'thresholds.change', key, value, reason }, by, wallClockUtc);
      if (recorded.ok) current = recorded.walkthrough;
      else if (recorded.reason !== 'unchanged') stillPending.push([key, value]);
    }
    if (stillPending.length === pending.length) {
      const [key, value] = stillPending[0] ?? ['', 0];
      const why = recordAction(current, { type: 'thresholds.change', key, value, reason }, by, wallClockUtc);
      return { ok: false, reason: `${key}: ${why.ok ? 'conflicting values' : why.reason}` };
    }
    pending = stillPending;
  }
  return { ok: true, walkthrough: current };
}
