/**
 * A session being recorded: the scenario stepped through and the operators' events, in the order they
 * were recorded. What it shows at its cursor is ./walkthroughView.
 */
import { type PartialThresholdValues, thresholdValue, validateThresholdValues } from '../../machines/policy/thresholds';
import { type CrewReturnEvent, crewReturnEventSchema, type OperatorRequest } from '../../machines/statechart/events';
import { refusalOf } from '../../machines/statechart/refusal';
import type { Actor } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import { type CrewReturnSnapshot, extendFold, foldSession, type RecordedEvent, type SessionFold } from './fold';
import { ownDecisionScenario } from './history';
import type { ThresholdProfile } from './profile';

/** A recorded event of a walkthrough: a scripted step as it was reached (`scriptedStep`), or an operator's own. */
export type WalkthroughEvent = RecordedEvent;

/**
 * A scenario being stepped through. Moving back is only a view: the record grows at the frontier
 * (the furthest step reached), so what was recorded is never reordered or edited.
 */
export interface Walkthrough {
  scenario: Scenario;
  profile: ThresholdProfile;
  openedUtc: string;
  cursor: number;
  /** Everything recorded, in order: the session's events. */
  events: readonly WalkthroughEvent[];
}

export function openWalkthrough(scenario: Scenario, profile: ThresholdProfile, openedUtc: string): Walkthrough {
  return { scenario, profile, openedUtc, cursor: 0, events: [] };
}

/**
 * A new session of the same scenario at the same step, in which no scripted decision is applied:
 * the operator decides (the script's decisions stay in the timeline as history notes).
 */
export function decideYourself(walkthrough: Walkthrough, wallClockUtc: string): Walkthrough {
  const opened = openWalkthrough(ownDecisionScenario(walkthrough.scenario), walkthrough.profile, wallClockUtc);
  return moveTo(opened, walkthrough.cursor, wallClockUtc);
}

/** How many scripted steps have been reached. */
export const frontier = (walkthrough: Walkthrough) => walkthrough.events.filter((e) => e.scriptedStep !== undefined).length;

/** The walkthrough as far as its first `eventCount` events (what the store holds of it), the cursor within them. */
export function recordedUpTo(walkthrough: Walkthrough, eventCount: number): Walkthrough {
  if (walkthrough.events.length <= eventCount) return walkthrough;
  const kept = { ...walkthrough, events: walkthrough.events.slice(0, eventCount) };
  return { ...kept, cursor: Math.min(walkthrough.cursor, frontier(kept)) };
}

/** Walkthroughs are immutable and their event lists only grow, so each list is folded once. */
const foldByEvents = new WeakMap<readonly WalkthroughEvent[], SessionFold>();

/** The fold of everything recorded: the view at any cursor is one of its steps. */
export function foldWalkthrough(walkthrough: Walkthrough): SessionFold {
  let fold = foldByEvents.get(walkthrough.events);
  if (!fold) {
    fold = foldSession(walkthrough);
    foldByEvents.set(walkthrough.events, fold);
  }
  return fold;
}

/** Appends events, extending the parent's fold by just those. */
function append(walkthrough: Walkthrough, added: readonly WalkthroughEvent[], cursor = walkthrough.cursor): Walkthrough {
  const events = [...walkthrough.events, ...added];
  const next = { ...walkthrough, cursor, events };
  const parent = foldByEvents.get(walkthrough.events);
  foldByEvents.set(events, parent ? extendFold(parent, added) : foldSession(next));
  return next;
}

export function moveTo(walkthrough: Walkthrough, cursor: number, wallClockUtc: string): Walkthrough {
  const clamped = Math.max(0, Math.min(walkthrough.scenario.events.length, Math.round(cursor)));
  if (clamped === walkthrough.cursor) return walkthrough;
  const reached = frontier(walkthrough);
  if (clamped <= reached) return { ...walkthrough, cursor: clamped };
  const added = walkthrough.scenario.events
    .slice(reached, clamped)
    .map((event, i) => ({ wallClockUtc, event, scriptedStep: reached + i }));
  return append(walkthrough, added, clamped);
}

/** How many recorded events the view at the cursor has folded: all before the cursor's scripted step. */
export function eventsInView(walkthrough: Walkthrough): number {
  const next = walkthrough.events.findIndex((e) => e.scriptedStep === walkthrough.cursor);
  return next === -1 ? walkthrough.events.length : next;
}

export type Recorded = { ok: true; walkthrough: Walkthrough } | { ok: false; reason: string };

/** A change an operator asks to record: one event, or a whole threshold set (profile load, reset). */
export type Change =
  | { kind: 'event'; request: OperatorRequest }
  | { kind: 'transition'; eventType: string }
  | { kind: 'thresholdSet'; values: PartialThresholdValues; reason: string }
  /** A position's call in a GO/NO-GO poll, recorded as that position's operator (who signs it), not the console's. */
  | { kind: 'vote'; request: Extract<OperatorRequest, { type: 'poll.vote' }>; voter: Actor };

/**
 * The changes that are a signature with meaning (21 CFR 11.50: a decision, an override, a disposition
 * of dissent): signed only after the person re-enters their passphrase, even within a session (11.200).
 */
export function signsWithMeaning(change: Change): boolean {
  return (
    change.kind === 'event' &&
    (change.request.type === 'decision.confirm' ||
      change.request.type === 'decision.override' ||
      change.request.type === 'poll.disposition')
  );
}

export function recordChange(walkthrough: Walkthrough, change: Change, by: Actor, wallClockUtc: string): Recorded {
  switch (change.kind) {
    case 'event':
      return recordEvent(walkthrough, change.request, by, wallClockUtc);
    case 'transition':
      return recordTransition(walkthrough, change.eventType, by, wallClockUtc);
    case 'thresholdSet':
      return recordThresholdSet(walkthrough, change.values, change.reason, by, wallClockUtc);
    case 'vote':
      return recordEvent(walkthrough, change.request, change.voter, wallClockUtc);
  }
}

/**
 * Records an operator's event at the current step, stamped with scenario time and its actor, if it is
 * a valid event and the machine takes it; otherwise says why not.
 */
export function recordEvent(walkthrough: Walkthrough, request: OperatorRequest, by: Actor, wallClockUtc: string): Recorded {
  const checked = checkRequest(walkthrough, foldWalkthrough(walkthrough).snapshot, request, by);
  return checked.ok ? { ok: true, walkthrough: append(walkthrough, [{ wallClockUtc, event: checked.event }]) } : checked;
}

type Checked = { ok: true; event: CrewReturnEvent } | { ok: false; reason: string };

/** What recording `request` at the latest step would append, or why it would not be recorded. */
export function checkRequest(
  walkthrough: Walkthrough,
  snapshot: CrewReturnSnapshot,
  request: OperatorRequest,
  by: Actor,
): Checked {
  const notAtFrontier = reviewRefusal(walkthrough);
  if (notAtFrontier) return notAtFrontier;
  const stamped = { ...request, at: snapshot.context.nowUtc, by };
  if (stamped.type === 'thresholds.change') {
    const previousValue = thresholdValue(snapshot.context.thresholds, stamped.key);
    if (previousValue === stamped.value) return { ok: false, reason: 'unchanged' };
    if (previousValue !== undefined) stamped.previousValue = previousValue;
  }
  return checkEvent(snapshot, stamped);
}

/** An event asked for by its type alone (a transition taken from the diagram): checked like any other. */
export function recordTransition(walkthrough: Walkthrough, eventType: string, by: Actor, wallClockUtc: string): Recorded {
  const notAtFrontier = reviewRefusal(walkthrough);
  if (notAtFrontier) return notAtFrontier;
  const { snapshot } = foldWalkthrough(walkthrough);
  return appendChecked(walkthrough, snapshot, { type: eventType, at: snapshot.context.nowUtc, by }, wallClockUtc);
}

/**
 * A shift handover, recorded at any cursor (it says who holds the console, not what the scenario did):
 * from whom, to whom (its actor), when. Handing over to oneself is not a handover.
 */
/**
 * Who holds the session's decision authority, as verification reads it: the first operator to record
 * anything, then whoever a handover passed it to; null before any operator entry.
 */
export function sessionAuthority(walkthrough: Walkthrough): Actor | null {
  let authority: Actor | null = null;
  for (const { event, scriptedStep } of walkthrough.events) {
    if (scriptedStep !== undefined) continue;
    if (authority === null || event.type === 'operator.handover') authority = event.by;
  }
  return authority;
}

export function recordHandover(walkthrough: Walkthrough, from: Actor, to: Actor, wallClockUtc: string): Recorded {
  if (from.name === to.name && from.role === to.role) return { ok: false, reason: 'unchanged' };
  const { snapshot } = foldWalkthrough(walkthrough);
  return appendChecked(
    walkthrough,
    snapshot,
    { type: 'operator.handover', from, at: snapshot.context.nowUtc, by: to },
    wallClockUtc,
  );
}

/** Why nothing can be recorded at the cursor (an earlier step is being reviewed); null at the latest step reached. */
export function reviewReason(walkthrough: Walkthrough): string | null {
  const reached = frontier(walkthrough);
  return walkthrough.cursor >= reached
    ? null
    : `you are viewing step ${walkthrough.cursor}; changes are recorded at the latest step reached (${reached})`;
}

function reviewRefusal(walkthrough: Walkthrough): { ok: false; reason: string } | null {
  const reason = reviewReason(walkthrough);
  return reason ? { ok: false, reason } : null;
}

function appendChecked(walkthrough: Walkthrough, snapshot: CrewReturnSnapshot, stamped: unknown, wallClockUtc: string): Recorded {
  const checked = checkEvent(snapshot, stamped);
  return checked.ok ? { ok: true, walkthrough: append(walkthrough, [{ wallClockUtc, event: checked.event }]) } : checked;
}

/** The event schema says whether it is an event at all, the machine whether it takes it now. */
function checkEvent(snapshot: CrewReturnSnapshot, stamped: unknown): Checked {
  const parsed = crewReturnEventSchema.safeParse(stamped);
  if (!parsed.success) return { ok: false, reason: parsed.error.issues.map((i) => i.message).join('; ') };
  const refusal = refusalOf(snapshot, parsed.data);
  return refusal ? { ok: false, reason: refusal } : { ok: true, event: parsed.data };
}

export function recordThresholdSet(
  walkthrough: Walkthrough,
  values: PartialThresholdValues,
  reason: string,
  by: Actor,
  wallClockUtc: string,
): Recorded {
  const problem = validateThresholdValues(values)[0];
  if (problem) return { ok: false, reason: `${problem.key}: ${problem.expected}` };
  let current = walkthrough;
  let pending = Object.entries(values);
  while (pending.length) {
    const stillPending: [string, number][] = [];
    for (const [key, value] of pending) {
      const recorded = recordEvent(current, { type: 'thresholds.change', key, value, reason }, by, wallClockUtc);
      if (recorded.ok) current = recorded.walkthrough;
      else if (recorded.reason !== 'unchanged') stillPending.push([key, value]);
    }
    if (stillPending.length === pending.length) {
      const [key, value] = stillPending[0] ?? ['', 0];
      const why = recordEvent(current, { type: 'thresholds.change', key, value, reason }, by, wallClockUtc);
      return { ok: false, reason: `${key}: ${why.ok ? 'conflicting values' : why.reason}` };
    }
    pending = stillPending;
  }
  return { ok: true, walkthrough: current };
}
