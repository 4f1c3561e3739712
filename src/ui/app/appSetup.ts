/** The app machine's vocabulary: its types, actors, and named guards and actions (the chart is in appMachine.ts). */

import { assertEvent, assign, raise, sendTo, setup } from 'xstate';
import { sessionIdOf } from '../../files/sessionStore';
import { changedThresholds, exploredThresholds, startExploration, tryValue } from '../../session/exploration';
import { admitOpenedScenario } from '../../session/openedScenario';
import { replayRefusal } from '../../session/replayWalkthrough';
import { decideYourself, recordChange, signsWithMeaning } from '../../session/walkthrough';
import { type AppContext, type AppEvent, type AppInput, explorationOf } from './appTypes';
import { writesHere } from './saveStatus';
import { sessionPersistence } from './sessionPersistence';
import {
  asStored,
  cursorShown,
  explored,
  fromTeamLog,
  handedOver,
  opened,
  recorded,
  replayOf,
  sameActor,
  stepExploration,
  stepReplay,
  stepSession,
  storedPartOf,
} from './sessionUpdates';
import { sessionWriter } from './sessionWriter';
import { teamLink } from './teamLink';

const readOnlyRefusal = 'this session is recorded in another tab: this tab is read-only (take over to record here)';
const isOpen = (context: AppContext, sessionId: string) =>
  context.walkthrough !== null && sessionIdOf(context.walkthrough) === sessionId;

export const appSetup = setup({
  types: { context: {} as AppContext, events: {} as AppEvent, input: {} as AppInput },
  actors: { sessionPersistence, sessionWriter, teamLink },
  guards: {
    teamMode: ({ context }) => context.team !== null,
    teamViewOfOpenSession: ({ context, event }) => {
      assertEvent(event, ['team.view', 'team.refused']);
      return isOpen(context, event.sessionId);
    },
    hasWalkthrough: ({ context }) => context.walkthrough !== null,
    hasRecord: ({ context }) => context.walkthrough !== null || context.imported !== null,
    operatorKnown: ({ context }) => context.operator !== null,
    exploring: ({ context }) => context.mode.kind === 'exploring',
    replaying: ({ context }) => context.mode.kind === 'replaying',
    recording: ({ context }) => context.mode.kind === 'recording' && writesHere(context),
    recordingMode: ({ context }) => context.mode.kind === 'recording',
    readOnlyHere: ({ context }) => !writesHere(context),
    writesHere: ({ context }) => writesHere(context),
    // A decision the session would take is signed only once its signer re-enters their passphrase.
    signsWithMeaning: ({ context, event }) => {
      assertEvent(event, 'change.request');
      return (
        signsWithMeaning(event.change) &&
        context.walkthrough !== null &&
        context.operator !== null &&
        recordChange(context.walkthrough, event.change, context.operator, event.wallClockUtc).ok
      );
    },
    forOpenSession: ({ context, event }) => {
      assertEvent(event, ['writer.granted', 'writer.denied']);
      return isOpen(context, event.sessionId);
    },
    restoresOpenSession: ({ context, event }) => {
      assertEvent(event, 'session.restore');
      return isOpen(context, event.session.id);
    },
    exploredThresholds: ({ context }) => {
      const exploration = explorationOf(context);
      return exploration !== null && Object.keys(changedThresholds(exploration)).length > 0;
    },
  },
  actions: {
    /** The persistence actor hears every change of the session, its operator or its writer (it writes only real ones). */
    persist: sendTo('persistence', ({ context }) => ({
      type: 'session.changed' as const,
      walkthrough: context.walkthrough,
      operator: context.operator,
      ledger: context.ledger,
      writer: context.writer,
    })),
    toggleUnits: assign({ temperatureUnit: ({ context }) => (context.temperatureUnit === '°C' ? '°F' : '°C') }),
    // A write that ends after this tab lost the session does not change what it shows: the stored session does.
    showStored: assign(({ context, event }) => {
      assertEvent(event, 'ledger.stored');
      return {
        ...(isOpen(context, event.sessionId) ? { ledger: event.entries, storedCount: event.entries.length } : {}),
        storageProblem: null,
      };
    }),
    // What this tab holds in memory beyond the stored session was shown as saving, never as saved:
    // the stored one wins unless this tab's own extends it.
    takeWriter: assign(({ context, event }) => {
      assertEvent(event, 'writer.granted');
      const storedLonger = (event.stored?.walkthrough.events.length ?? 0) > (context.walkthrough?.events.length ?? 0);
      return { writer: 'writing' as const, ...(storedLonger ? asStored(event.stored) : {}) };
    }),
    loseWriter: assign(({ context, event }) => {
      assertEvent(event, 'writer.denied');
      return { writer: event.because, pending: null, ...(event.stored ? asStored(event.stored) : storedPartOf(context)) };
    }),
    keepInMemory: assign(({ context, event }) => {
      assertEvent(event, 'storage.failed');
      return {
        ...(event.entries && isOpen(context, event.sessionId) ? { ledger: event.entries } : {}),
        storageProblem: event.reason,
      };
    }),
    showOpenProblems: assign({
      openProblems: ({ event }) => {
        assertEvent(event, 'scenario.rejected');
        return event.problems;
      },
    }),
    restoreShelf: assign({
      openedScenarios: ({ event }) => {
        assertEvent(event, 'library.restored');
        return event.openedScenarios;
      },
    }),
    removeFromShelf: assign({
      openedScenarios: ({ context, event }) => {
        assertEvent(event, 'scenario.remove');
        return context.openedScenarios.filter((o) => o.scenario.id !== event.id);
      },
    }),
    step: assign(({ context, event }) => {
      assertEvent(event, ['step.to', 'step.by']);
      const cursor = event.type === 'step.to' ? event.cursor : cursorShown(context) + event.delta;
      if (context.mode.kind === 'replaying') return stepReplay(context, cursor, event.wallClockUtc);
      if (context.mode.kind === 'exploring') return stepExploration(context, cursor, event.wallClockUtc);
      return stepSession(context, cursor, event.wallClockUtc);
    }),
    // A new session from this step, in which the operator decides: the old one stays stored as it was.
    decideYourself: assign(({ context, event }) => {
      assertEvent(event, 'session.decideYourself');
      if (!context.walkthrough) return {};
      return {
        walkthrough: decideYourself(context.walkthrough, event.wallClockUtc),
        ledger: [],
        storedCount: 0,
        writer: 'claiming' as const,
        refusal: null,
      };
    }),
    startExploring: assign(({ context }) =>
      context.walkthrough
        ? { mode: { kind: 'exploring' as const, exploration: startExploration(context.walkthrough) }, refusal: null }
        : {},
    ),
    exploreChange: assign(({ context, event }) => {
      assertEvent(event, 'explore.change');
      return explored(context, event.change, event.wallClockUtc);
    }),
    tryValue: assign(({ context, event }) => {
      assertEvent(event, 'explore.try');
      const exploration = explorationOf(context);
      return exploration
        ? { mode: { kind: 'exploring' as const, exploration: tryValue(exploration, event.key, event.value) } }
        : {};
    }),
    // The explored set is read while exploring; leaving then records it as one change, through the
    // operator's own path (asked for a name if unknown).
    adoptExplored: raise(({ context, event }) => {
      assertEvent(event, 'explore.adopt');
      const exploration = explorationOf(context);
      return {
        type: 'explore.adopted' as const,
        change: {
          kind: 'thresholdSet' as const,
          values: exploration ? exploredThresholds(exploration) : {},
          reason: event.reason,
        },
        wallClockUtc: event.wallClockUtc,
      };
    }),
    requestAdopted: raise(({ event }) => {
      assertEvent(event, 'explore.adopted');
      return { type: 'change.request' as const, change: event.change, wallClockUtc: event.wallClockUtc };
    }),
    /** Back to recording: a replay's refusal goes with it. */
    leaveMode: assign(({ context }) => ({
      mode: { kind: 'recording' as const },
      ...(context.mode.kind === 'replaying' ? { refusal: null } : {}),
    })),
    clearRefusal: assign({ refusal: null }),
    refuseInReplay: assign({
      refusal: ({ context }) => replayRefusal(context.mode.kind === 'replaying' ? context.mode.fileName : 'an imported packet'),
    }),
    refuseReadOnly: assign({ refusal: readOnlyRefusal }),
    openScenario: assign(({ context, event }) => {
      assertEvent(event, 'scenario.open');
      return opened(context, event.scenario, event.openedUtc);
    }),
    addScenario: assign(({ context, event }) => {
      assertEvent(event, 'scenario.add');
      const added = admitOpenedScenario(
        context.library,
        context.openedScenarios,
        event.scenario,
        event.fileName,
        event.openedUtc,
      );
      return { ...opened(context, added.scenario, event.openedUtc), openedScenarios: [...context.openedScenarios, added] };
    }),
    restoreSession: assign(({ context, event }) => {
      assertEvent(event, 'session.restore');
      return {
        walkthrough: event.session.walkthrough,
        ledger: event.session.entries,
        storedCount: event.session.entries.length,
        // Reopening the session this tab has open keeps its lock (and whether it holds it).
        writer: isOpen(context, event.session.id) ? context.writer : ('claiming' as const),
        // Only this tab's own operator stays identified: their key is unlocked here, nobody else's is.
        operator: sameActor(context.operator, event.session.operator) ? context.operator : null,
        refusal: null,
      };
    }),
    sessionOpened: raise({ type: 'session.opened' as const }),
    showImported: assign({
      imported: ({ event }) => {
        assertEvent(event, 'packet.imported');
        return event.imported;
      },
    }),
    replayPacket: assign(({ event }) => {
      assertEvent(event, 'packet.replay');
      return replayOf(event.imported, event.openedUtc);
    }),
    holdChange: assign({
      pending: ({ event }) => {
        assertEvent(event, 'change.request');
        return event.change;
      },
    }),
    recordChange: assign(({ context, event }) => {
      assertEvent(event, 'change.request');
      return context.operator ? recorded(context, event.change, context.operator, event.wallClockUtc) : {};
    }),
    identify: assign(({ context, event }) => {
      assertEvent(event, 'operator.identify');
      const next = { ...context, ...handedOver(context, event.operator, event.wallClockUtc) };
      return {
        ...next,
        operator: event.operator,
        ...(next.pending ? recorded(next, next.pending, event.operator, event.wallClockUtc) : {}),
      };
    }),
    dropPending: assign({ pending: null }),
    forgetOperator: assign({ operator: null }),
    takeOver: sendTo('writerLock', { type: 'writer.takeOver' as const }),
    // The editor opens on the draft it had (kept in this browser).
    resumeEditor: assign({
      editorRequest: ({ context }) => context.editorRequest ?? { id: 'resume', start: 'resume' as const },
    }),
    startEditorDraft: assign({
      editorRequest: ({ event }) => {
        assertEvent(event, 'editor.new');
        return event.request;
      },
    }),
    forwardToTeam: sendTo('persistence', ({ event }) => {
      assertEvent(event, ['team.join', 'team.admit', 'team.listKeys', 'team.listSessions']);
      return event;
    }),
    showTeamView: assign(({ context, event }) => {
      assertEvent(event, 'team.view');
      return fromTeamLog(context, event.view, event.walkthrough);
    }),
    showJoined: assign(({ context, event }) => {
      assertEvent(event, 'team.joined');
      return {
        ...fromTeamLog({ ...context, walkthrough: null }, event.view, event.walkthrough),
        refusal: null,
        mode: { kind: 'recording' as const },
      };
    }),
    showTeamRefusal: assign(({ event }) => {
      assertEvent(event, 'team.refused');
      return { refusal: event.words, walkthrough: event.walkthrough };
    }),
    showTeamProblem: assign({
      team: ({ context, event }) => {
        assertEvent(event, 'team.failed');
        return context.team && { ...context.team, problem: event.words };
      },
    }),
    showTeamKeys: assign({
      team: ({ context, event }) => {
        assertEvent(event, 'team.keys');
        return context.team && { ...context.team, keys: event.keys };
      },
    }),
    showTeamSessions: assign({
      team: ({ context, event }) => {
        assertEvent(event, 'team.sessions');
        return context.team && { ...context.team, sessions: event.sessions };
      },
    }),
  },
});
