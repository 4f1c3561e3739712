/** What each app event does to the open session, as pure updates of the app's context. */

import type { Scenario } from '../../../scenarios/schema';
import type { StoredSession } from '../../files/sessionStore';
import { eventsOf } from '../../record/ledger';
import { exploreChange } from '../../session/exploration';
import type { Actor } from '../../session/model';
import { replayWalkthrough } from '../../session/replayWalkthrough';
import {
  type Change,
  frontier,
  moveTo,
  openWalkthrough,
  recordChange,
  recordedUpTo,
  recordHandover,
  sessionAuthority,
  type Walkthrough,
} from '../../session/walkthrough';
import type { TeamView } from '../../team/console/teamConsole';
import type { ImportedPacket } from '../audit';
import type { AppContext } from './appTypes';
import { writesHere } from './saveStatus';

export const sameActor = (a: Actor | null, b: Actor | null) => a !== null && b !== null && a.name === b.name && a.role === b.role;

/** Records a change as `operator`: the walkthrough grows, or the refusal says why not. */
export function recorded(context: AppContext, change: Change, operator: Actor, wallClockUtc: string): Partial<AppContext> {
  if (!context.walkthrough) return { pending: null };
  const result = recordChange(context.walkthrough, change, operator, wallClockUtc);
  return result.ok
    ? { walkthrough: result.walkthrough, refusal: null, pending: null }
    : { refusal: result.reason, pending: null };
}

/** A handover is recorded in the open session (whatever the view shows); the first identification is not one. */
export function handedOver(context: AppContext, to: Actor, wallClockUtc: string): Partial<AppContext> {
  if (!context.walkthrough || !writesHere(context)) return {};
  // After a reload or an idle lock nobody is identified, yet the session's authority is someone's:
  // another person taking over is a handover from them.
  const from = context.operator ?? sessionAuthority(context.walkthrough);
  if (!from) return {};
  const result = recordHandover(context.walkthrough, from, to, wallClockUtc);
  return result.ok ? { walkthrough: result.walkthrough } : {};
}

export const opened = (context: AppContext, scenario: Scenario, openedUtc: string): Partial<AppContext> => ({
  openProblems: [],
  refusal: null,
  walkthrough: openWalkthrough(scenario, context.defaultProfile, openedUtc),
  ledger: [],
  storedCount: 0,
  writer: 'claiming',
});

/** What this tab holds that the store has confirmed, where the store could not be read: nothing unsaved stays on screen. */
export const storedPartOf = ({ walkthrough, ledger, storedCount }: AppContext): Partial<AppContext> =>
  walkthrough ? { walkthrough: recordedUpTo(walkthrough, storedCount), ledger: ledger.slice(0, storedCount) } : {};

/** The session as another tab left it in the store (nothing when it is not stored yet). */
export const asStored = (stored: StoredSession | undefined): Partial<AppContext> =>
  stored ? { walkthrough: stored.walkthrough, ledger: stored.entries, storedCount: stored.entries.length } : {};

/** Read-only, stepping stays within what is recorded: reaching a new step would record it. */
export function stepSession(context: AppContext, cursor: number, wallClockUtc: string): Partial<AppContext> {
  const { walkthrough } = context;
  if (!walkthrough) return {};
  const to = writesHere(context) ? cursor : Math.min(cursor, frontier(walkthrough));
  return { walkthrough: moveTo(walkthrough, to, wallClockUtc), refusal: null };
}

export function stepExploration({ mode }: AppContext, cursor: number, wallClockUtc: string): Partial<AppContext> {
  if (mode.kind !== 'exploring') return {};
  const { exploration } = mode;
  return {
    mode: {
      kind: 'exploring',
      exploration: { ...exploration, walkthrough: moveTo(exploration.walkthrough, cursor, wallClockUtc) },
    },
    refusal: null,
  };
}

/** Within what the packet recorded: a replay never runs the scenario past its record. */
export function stepReplay({ mode }: AppContext, cursor: number, wallClockUtc: string): Partial<AppContext> {
  if (mode.kind !== 'replaying') return {};
  const clamped = Math.min(cursor, frontier(mode.walkthrough));
  return { mode: { ...mode, walkthrough: moveTo(mode.walkthrough, clamped, wallClockUtc) }, refusal: null };
}

/** Where the view's cursor is, whatever the mode: what `step.by` moves from. */
export function cursorShown({ mode, walkthrough }: AppContext): number {
  if (mode.kind === 'replaying') return mode.walkthrough.cursor;
  if (mode.kind === 'exploring') return mode.exploration.walkthrough.cursor;
  return walkthrough?.cursor ?? 0;
}

export function explored({ mode }: AppContext, change: Change, wallClockUtc: string): Partial<AppContext> {
  if (mode.kind !== 'exploring') return {};
  const result = exploreChange(mode.exploration, change, wallClockUtc);
  return result.ok ? { mode: { kind: 'exploring', exploration: result.exploration }, refusal: null } : { refusal: result.reason };
}

export function replayOf(imported: ImportedPacket, openedUtc: string): Partial<AppContext> {
  const { packet, fileName } = imported;
  const events = eventsOf(packet);
  const walkthrough = replayWalkthrough({ scenario: packet.scenario, profile: packet.profile, events }, openedUtc);
  return { mode: { kind: 'replaying', fileName, walkthrough }, refusal: null };
}

/**
 * The open session as the team console verified it (its own pending appends after it): what the
 * screen shows and what the next change is made on. A console reviewing an earlier step stays there;
 * one at the latest step follows the session on. While this console's own actions are on their way
 * (waiting for someone to identify, being made, or not yet in the log), its own walkthrough stays on
 * screen: a view of the log before them would step the screen back.
 */
export function fromTeamLog(context: AppContext, view: TeamView, fromLog: Walkthrough): Partial<AppContext> {
  const { walkthrough } = context;
  const team = context.team && { ...context.team, view };
  const stored = { ledger: [...view.verified, ...view.pending], storedCount: view.verified.length, writer: 'writing' as const };
  // Ahead of the log: actions taken here are on their way (a refused one is taken off by its refusal).
  const ahead = walkthrough !== null && walkthrough.events.length > fromLog.events.length;
  if ((view.waiting > 0 || ahead) && walkthrough)
    return { team, ...stored, ledger: [...view.verified], storedCount: view.verified.length };
  const reviewing = walkthrough !== null && walkthrough.cursor < frontier(walkthrough);
  return {
    team,
    ...stored,
    walkthrough: reviewing ? { ...fromLog, cursor: Math.min(walkthrough.cursor, fromLog.cursor) } : fromLog,
  };
}
