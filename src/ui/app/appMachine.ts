/**
 * The app's own flow as a statechart: which view is open, and who is operating (identified once,
 * asked when a change first needs a name, handed over at a shift change). The session itself is the
 * walkthrough; recording it is the session layer's job.
 */

import { and, assign, raise, setup } from 'xstate';
import type { Scenario } from '../../../scenarios/schema';
import type { StoredSession } from '../../files/sessionStore';
import { sessionIdOf } from '../../files/sessionStore';
import type { AuditEntry } from '../../record/ledger';
import { eventsOf } from '../../record/ledger';
import {
  changedThresholds,
  type Exploration,
  exploreChange,
  exploredThresholds,
  startExploration,
  tryValue,
} from '../../session/exploration';
import type { InputProblem } from '../../session/inputProblem';
import type { Actor, AssessedValue } from '../../session/model';
import { admitOpenedScenario, type OpenedScenario } from '../../session/openedScenario';
import type { ThresholdProfile } from '../../session/profile';
import { replayRefusal, replayWalkthrough } from '../../session/replayWalkthrough';
import {
  type Change,
  decideYourself,
  frontier,
  moveTo,
  openWalkthrough,
  recordChange,
  recordedUpTo,
  recordHandover,
  sessionAuthority,
  signsWithMeaning,
  type Walkthrough,
} from '../../session/walkthrough';
import type { ImportedPacket } from '../audit';
import type { TemperatureUnit } from '../shared/units';
import { type WriterStatus, writesHere } from './saveStatus';

export interface AppContext {
  library: Scenario[];
  /** Scenarios opened from files, beside (never in place of) the built-in library. */
  openedScenarios: OpenedScenario[];
  defaultProfile: ThresholdProfile;
  walkthrough: Walkthrough | null;
  /** The open session's audit trail, as stored (or kept in memory when storage failed). */
  ledger: AuditEntry[];
  /** How many of the open session's entries the store has confirmed: what the screen may call saved. */
  storedCount: number;
  /** Whether this tab writes the open session, or shows it read-only because another tab does. */
  writer: WriterStatus;
  /** Why the browser could not store the session, if it could not. */
  storageProblem: string | null;
  imported: ImportedPacket | null;
  openProblems: InputProblem[];
  operator: Actor | null;
  /** A change waiting for the operator to say who they are. */
  pending: Change | null;
  /** Why the last change was not recorded, if it was not. */
  refusal: string | null;
  temperatureUnit: TemperatureUnit;
  /** Explore mode: a copy of the session changed freely and never recorded; null while recording. */
  exploration: Exploration | null;
  /** An imported packet replayed step by step, read-only: what the walkthrough shows while replaying. */
  replay: { fileName: string; walkthrough: Walkthrough } | null;
}

export type AppView = 'library' | 'walkthrough' | 'audit';

export type AppEvent =
  | { type: 'scenario.open'; scenario: Scenario; openedUtc: string }
  | { type: 'scenario.add'; scenario: Scenario; fileName: string; openedUtc: string }
  | { type: 'scenario.remove'; id: string }
  | { type: 'library.restored'; openedScenarios: OpenedScenario[] }
  | { type: 'scenario.rejected'; problems: InputProblem[] }
  | { type: 'view.library' }
  | { type: 'view.walkthrough' }
  | { type: 'view.audit' }
  | { type: 'ledger.stored'; sessionId: string; entries: AuditEntry[] }
  /** `entries`: what is kept in memory instead (absent when the failure was not a write of entries). */
  | { type: 'storage.failed'; sessionId: string; entries?: AuditEntry[]; reason: string }
  | { type: 'session.restore'; session: StoredSession }
  /** This tab holds the session's lock; `stored` is the session as stored when it claimed it. */
  | { type: 'writer.granted'; sessionId: string; stored: StoredSession | undefined }
  | { type: 'writer.denied'; sessionId: string; stored: StoredSession | undefined; because: 'elsewhere' | 'lost' }
  | { type: 'packet.imported'; imported: ImportedPacket }
  | { type: 'step.to'; cursor: number; wallClockUtc: string }
  | { type: 'step.by'; delta: number; wallClockUtc: string }
  | { type: 'change.request'; change: Change; wallClockUtc: string }
  | { type: 'operator.cancel' }
  | { type: 'operator.identify'; operator: Actor; wallClockUtc: string }
  | { type: 'operator.handover' }
  /** The operator's key was locked (idle too long): the next change asks who records it again. */
  | { type: 'operator.lock' }
  | { type: 'units.toggle' }
  | { type: 'packet.replay'; imported: ImportedPacket; openedUtc: string }
  | { type: 'replay.leave' }
  | { type: 'session.decideYourself'; wallClockUtc: string }
  | { type: 'explore.start' }
  | { type: 'explore.change'; change: Change; wallClockUtc: string }
  | { type: 'explore.try'; key: string; value: AssessedValue | null }
  | { type: 'explore.discard' }
  | { type: 'explore.adopt'; reason: string; wallClockUtc: string }
  | { type: 'explore.adopted'; change: Change; wallClockUtc: string };

export interface AppInput {
  library: Scenario[];
  defaultProfile: ThresholdProfile;
  restored: StoredSession | undefined;
  storageProblem: string | null;
}

const sameActor = (a: Actor | null, b: Actor | null) => a !== null && b !== null && a.name === b.name && a.role === b.role;

/** Records a change as `operator`: the walkthrough grows, or the refusal says why not. */
function recorded(context: AppContext, change: Change, operator: Actor, wallClockUtc: string): Partial<AppContext> {
  if (!context.walkthrough) return { pending: null };
  const result = recordChange(context.walkthrough, change, operator, wallClockUtc);
  return result.ok
    ? { walkthrough: result.walkthrough, refusal: null, pending: null }
    : { refusal: result.reason, pending: null };
}

/** A handover is recorded in the open session (whatever the view shows); the first identification is not one. */
function handedOver(context: AppContext, to: Actor, wallClockUtc: string): Partial<AppContext> {
  if (!context.walkthrough || !writesHere(context)) return {};
  // After a reload or an idle lock nobody is identified, yet the session's authority is someone's:
  // another person taking over is a handover from them.
  const from = context.operator ?? sessionAuthority(context.walkthrough);
  if (!from) return {};
  const result = recordHandover(context.walkthrough, from, to, wallClockUtc);
  return result.ok ? { walkthrough: result.walkthrough } : {};
}

const opened = (context: AppContext, scenario: Scenario, openedUtc: string): Partial<AppContext> => ({
  openProblems: [],
  refusal: null,
  walkthrough: openWalkthrough(scenario, context.defaultProfile, openedUtc),
  ledger: [],
  storedCount: 0,
  writer: 'claiming',
});

/** What this tab holds that the store has confirmed, where the store could not be read: nothing unsaved stays on screen. */
const storedPartOf = ({ walkthrough, ledger, storedCount }: AppContext): Partial<AppContext> =>
  walkthrough ? { walkthrough: recordedUpTo(walkthrough, storedCount), ledger: ledger.slice(0, storedCount) } : {};

/** The session as another tab left it in the store (nothing when it is not stored yet). */
const asStored = (stored: StoredSession | undefined): Partial<AppContext> =>
  stored ? { walkthrough: stored.walkthrough, ledger: stored.entries, storedCount: stored.entries.length } : {};

const readOnlyRefusal = 'this session is recorded in another tab: this tab is read-only (take over to record here)';

export const appMachine = setup({
  types: { context: {} as AppContext, events: {} as AppEvent, input: {} as AppInput },
  guards: {
    hasWalkthrough: ({ context }) => context.walkthrough !== null,
    hasRecord: ({ context }) => context.walkthrough !== null || context.imported !== null,
    operatorKnown: ({ context }) => context.operator !== null,
    recording: ({ context }) => context.exploration === null && context.replay === null && writesHere(context),
    readOnlyHere: ({ context }) => !writesHere(context),
    // A decision the session would take is signed only once its signer re-enters their passphrase.
    signsWithMeaning: ({ context, event }) =>
      event.type === 'change.request' &&
      signsWithMeaning(event.change) &&
      context.walkthrough !== null &&
      context.operator !== null &&
      recordChange(context.walkthrough, event.change, context.operator, event.wallClockUtc).ok,
    forOpenSession: ({ context, event }) =>
      'sessionId' in event && context.walkthrough !== null && sessionIdOf(context.walkthrough) === event.sessionId,
    exploredThresholds: ({ context }) =>
      context.exploration !== null && Object.keys(changedThresholds(context.exploration)).length > 0,
  },
}).createMachine({
  id: 'app',
  type: 'parallel',
  context: ({ input }) => ({
    library: input.library,
    openedScenarios: [],
    defaultProfile: input.defaultProfile,
    walkthrough: input.restored?.walkthrough ?? null,
    ledger: input.restored?.entries ?? [],
    storedCount: input.restored?.entries.length ?? 0,
    writer: 'claiming',
    storageProblem: input.storageProblem,
    imported: null,
    openProblems: [],
    // A reload locked every key: whoever records next identifies again, with their passphrase.
    operator: null,
    pending: null,
    refusal: null,
    temperatureUnit: '°C',
    exploration: null,
    replay: null,
  }),
  on: {
    'units.toggle': { actions: assign({ temperatureUnit: ({ context }) => (context.temperatureUnit === '°C' ? '°F' : '°C') }) },
    // A write that ends after this tab lost the session does not change what it shows: the stored session does.
    'ledger.stored': {
      guard: ({ context }) => writesHere(context),
      actions: assign(({ context, event }) => ({
        ...(context.walkthrough && sessionIdOf(context.walkthrough) === event.sessionId
          ? { ledger: event.entries, storedCount: event.entries.length }
          : {}),
        storageProblem: null,
      })),
    },
    // What this tab holds in memory beyond the stored session was shown as saving, never as saved:
    // the stored one wins unless this tab's own extends it.
    'writer.granted': {
      guard: 'forOpenSession',
      actions: assign(({ context, event }) => ({
        writer: 'writing' as const,
        ...((event.stored?.walkthrough.events.length ?? 0) > (context.walkthrough?.events.length ?? 0)
          ? asStored(event.stored)
          : {}),
      })),
    },
    'writer.denied': {
      guard: 'forOpenSession',
      actions: assign(({ context, event }) => ({
        writer: event.because,
        pending: null,
        ...(event.stored ? asStored(event.stored) : storedPartOf(context)),
      })),
    },
    'storage.failed': {
      actions: assign(({ context, event }) => ({
        ...(event.entries && context.walkthrough && sessionIdOf(context.walkthrough) === event.sessionId
          ? { ledger: event.entries }
          : {}),
        storageProblem: event.reason,
      })),
    },
    'scenario.rejected': { actions: assign({ openProblems: ({ event }) => event.problems }) },
    'library.restored': { actions: assign({ openedScenarios: ({ event }) => event.openedScenarios }) },
    'scenario.remove': {
      actions: assign({
        openedScenarios: ({ context, event }) => context.openedScenarios.filter((o) => o.scenario.id !== event.id),
      }),
    },
  },
  states: {
    view: {
      initial: 'starting',
      states: {
        starting: { always: [{ guard: 'hasWalkthrough', target: 'walkthrough' }, { target: 'library' }] },
        library: {},
        walkthrough: {
          initial: 'recording',
          states: {
            recording: {
              on: {
                'step.to': { actions: assign(({ context, event }) => step(context, event.cursor, event.wallClockUtc)) },
                'step.by': {
                  actions: assign(({ context, event }) =>
                    step(context, (context.walkthrough?.cursor ?? 0) + event.delta, event.wallClockUtc),
                  ),
                },
                // A new session from this step, in which the operator decides: the old one stays stored as it was.
                'session.decideYourself': {
                  guard: 'hasWalkthrough',
                  actions: assign(({ context, event }) =>
                    context.walkthrough
                      ? {
                          walkthrough: decideYourself(context.walkthrough, event.wallClockUtc),
                          ledger: [],
                          storedCount: 0,
                          writer: 'claiming' as const,
                          refusal: null,
                        }
                      : {},
                  ),
                },
                'explore.start': {
                  guard: 'hasWalkthrough',
                  target: 'exploring',
                  actions: assign(({ context }) => ({
                    exploration: context.walkthrough ? startExploration(context.walkthrough) : null,
                    refusal: null,
                  })),
                },
              },
            },
            /** A packet's record, stepped through as it was recorded: nothing can be changed or added. */
            replaying: {
              exit: assign({ replay: null, refusal: null }),
              on: {
                'step.to': { actions: assign(({ context, event }) => replayStep(context, event.cursor, event.wallClockUtc)) },
                'step.by': {
                  actions: assign(({ context, event }) =>
                    replayStep(context, (context.replay?.walkthrough.cursor ?? 0) + event.delta, event.wallClockUtc),
                  ),
                },
                'change.request': {
                  actions: assign(({ context }) => ({
                    refusal: replayRefusal(context.replay?.fileName ?? 'an imported packet'),
                  })),
                },
                'replay.leave': [{ guard: 'hasWalkthrough', target: 'recording' }, { target: '#app.view.library' }],
              },
            },
            /** Nothing here is recorded: no operator is asked, no entry is written. */
            exploring: {
              exit: assign({ exploration: null }),
              on: {
                'step.to': { actions: assign(({ context, event }) => exploreStep(context, event.cursor, event.wallClockUtc)) },
                'step.by': {
                  actions: assign(({ context, event }) =>
                    exploreStep(context, (context.exploration?.walkthrough.cursor ?? 0) + event.delta, event.wallClockUtc),
                  ),
                },
                'explore.change': {
                  actions: assign(({ context, event }) => explored(context, event.change, event.wallClockUtc)),
                },
                'explore.try': {
                  actions: assign(({ context, event }) =>
                    context.exploration ? { exploration: tryValue(context.exploration, event.key, event.value) } : {},
                  ),
                },
                'explore.discard': { target: 'recording', actions: assign({ refusal: null }) },
                // The explored set is read while exploring; leaving then records it as one change, through
                // the operator's own path (asked for a name if unknown).
                'explore.adopt': {
                  guard: 'exploredThresholds',
                  actions: raise(({ context, event }) => ({
                    type: 'explore.adopted' as const,
                    change: {
                      kind: 'thresholdSet' as const,
                      values: context.exploration ? exploredThresholds(context.exploration) : {},
                      reason: event.reason,
                    },
                    wallClockUtc: event.wallClockUtc,
                  })),
                },
                'explore.adopted': {
                  target: 'recording',
                  actions: raise(({ event }) => ({
                    type: 'change.request' as const,
                    change: event.change,
                    wallClockUtc: event.wallClockUtc,
                  })),
                },
              },
            },
          },
        },
        audit: {},
      },
      on: {
        'view.library': '.library',
        'view.walkthrough': { guard: 'hasWalkthrough', target: '.walkthrough' },
        'view.audit': { guard: 'hasRecord', target: '.audit' },
        'scenario.open': {
          target: '.walkthrough',
          actions: assign(({ context, event }) => opened(context, event.scenario, event.openedUtc)),
        },
        'scenario.add': {
          target: '.walkthrough',
          actions: assign(({ context, event }) => {
            const added = admitOpenedScenario(
              context.library,
              context.openedScenarios,
              event.scenario,
              event.fileName,
              event.openedUtc,
            );
            return { ...opened(context, added.scenario, event.openedUtc), openedScenarios: [...context.openedScenarios, added] };
          }),
        },
        'session.restore': {
          target: '.walkthrough',
          actions: assign(({ context, event }) => ({
            walkthrough: event.session.walkthrough,
            ledger: event.session.entries,
            storedCount: event.session.entries.length,
            // Reopening the session this tab has open keeps its lock (and whether it holds it).
            writer:
              context.walkthrough && sessionIdOf(context.walkthrough) === event.session.id
                ? context.writer
                : ('claiming' as const),
            // Only this tab's own operator stays identified: their key is unlocked here, nobody else's is.
            operator: sameActor(context.operator, event.session.operator) ? context.operator : null,
            refusal: null,
          })),
        },
        'packet.imported': { target: '.audit', actions: assign({ imported: ({ event }) => event.imported }) },
        'packet.replay': {
          target: '.walkthrough.replaying',
          actions: assign(({ event }) => {
            const { packet, fileName } = event.imported;
            const events = eventsOf(packet);
            const walkthrough = replayWalkthrough(
              { scenario: packet.scenario, profile: packet.profile, events },
              event.openedUtc,
            );
            return { replay: { fileName, walkthrough }, refusal: null };
          }),
        },
      },
    },
    operator: {
      initial: 'checking',
      states: {
        checking: { always: [{ guard: 'operatorKnown', target: 'identified' }, { target: 'unknown' }] },
        unknown: {
          on: {
            'change.request': [
              { guard: 'recording', target: 'identifying', actions: assign({ pending: ({ event }) => event.change }) },
              { guard: 'readOnlyHere', actions: assign({ refusal: readOnlyRefusal }) },
            ],
            // Identifying before any change (to seal an export, say): nothing pending, no handover recorded.
            'operator.handover': 'identifying',
          },
        },
        /** The operator dialog is open: a pending change waits for a name, or a handover for the next operator. */
        identifying: {
          on: {
            'operator.identify': {
              target: 'identified',
              actions: assign(({ context, event }) => {
                const next = { ...context, ...handedOver(context, event.operator, event.wallClockUtc) };
                return {
                  ...next,
                  operator: event.operator,
                  ...(next.pending ? recorded(next, next.pending, event.operator, event.wallClockUtc) : {}),
                };
              }),
            },
            'operator.cancel': [
              { guard: 'operatorKnown', target: 'identified', actions: assign({ pending: null }) },
              { target: 'unknown', actions: assign({ pending: null }) },
            ],
          },
        },
        identified: {
          on: {
            'change.request': [
              {
                guard: and(['recording', 'signsWithMeaning']),
                target: 'identifying',
                actions: assign({ pending: ({ event }) => event.change }),
              },
              {
                guard: 'recording',
                actions: assign(({ context, event }) =>
                  context.operator ? recorded(context, event.change, context.operator, event.wallClockUtc) : {},
                ),
              },
              { guard: 'readOnlyHere', actions: assign({ refusal: readOnlyRefusal }) },
            ],
            'operator.handover': 'identifying',
            'operator.lock': { target: 'unknown', actions: assign({ operator: null }) },
          },
        },
      },
      on: { 'session.restore': { target: '.checking' } },
    },
  },
});

/** Read-only, stepping stays within what is recorded: reaching a new step would record it. */
function step(context: AppContext, cursor: number, wallClockUtc: string): Partial<AppContext> {
  const { walkthrough } = context;
  if (!walkthrough) return {};
  const to = writesHere(context) ? cursor : Math.min(cursor, frontier(walkthrough));
  return { walkthrough: moveTo(walkthrough, to, wallClockUtc), refusal: null };
}

function exploreStep(context: AppContext, cursor: number, wallClockUtc: string): Partial<AppContext> {
  const { exploration } = context;
  if (!exploration) return {};
  return { exploration: { ...exploration, walkthrough: moveTo(exploration.walkthrough, cursor, wallClockUtc) }, refusal: null };
}

function explored(context: AppContext, change: Change, wallClockUtc: string): Partial<AppContext> {
  if (!context.exploration) return {};
  const result = exploreChange(context.exploration, change, wallClockUtc);
  return result.ok ? { exploration: result.exploration, refusal: null } : { refusal: result.reason };
}

/** Within what the packet recorded: a replay never runs the scenario past its record. */
function replayStep(context: AppContext, cursor: number, wallClockUtc: string): Partial<AppContext> {
  const { replay } = context;
  if (!replay) return {};
  const clamped = Math.min(cursor, frontier(replay.walkthrough));
  return { replay: { ...replay, walkthrough: moveTo(replay.walkthrough, clamped, wallClockUtc) }, refusal: null };
}
