/**
 * The app's own flow as a statechart: which view is open, who is operating (identified once, asked
 * when a change first needs a name, handed over at a shift change), and the actors that keep the
 * open session: its writer lock across tabs and its persistence. The session itself is the
 * walkthrough; what each event does to it is in sessionUpdates.ts, as pure functions.
 */

import { and } from 'xstate';
import { sessionIdOf } from '../../files/sessionStore';
import { appSetup } from './appSetup';

export const appMachine = appSetup.createMachine({
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
    mode: { kind: 'recording' },
    store: input.store ?? null,
    signerFor: input.signerFor,
    team: input.team ? { setup: input.team, view: null, sessions: [], keys: [], problem: null } : null,
    editorRequest: null,
  }),
  on: {
    'units.toggle': { actions: 'toggleUnits' },
    'ledger.stored': { guard: 'writesHere', actions: 'showStored' },
    'writer.granted': { guard: 'forOpenSession', actions: ['takeWriter', 'persist'] },
    'writer.denied': { guard: 'forOpenSession', actions: ['loseWriter', 'persist'] },
    'storage.failed': { actions: 'keepInMemory' },
    'scenario.rejected': { actions: 'showOpenProblems' },
    'library.restored': { actions: 'restoreShelf' },
    'scenario.remove': { actions: 'removeFromShelf' },
    'team.view': { guard: 'teamViewOfOpenSession', actions: 'showTeamView' },
    'team.refused': { guard: 'teamViewOfOpenSession', actions: 'showTeamRefusal' },
    'team.failed': { actions: 'showTeamProblem' },
    'team.keys': { actions: 'showTeamKeys' },
    'team.sessions': { actions: 'showTeamSessions' },
    'team.admit': { actions: 'forwardToTeam' },
    'team.listKeys': { actions: 'forwardToTeam' },
    'team.listSessions': { actions: 'forwardToTeam' },
    'team.join': { actions: 'forwardToTeam' },
  },
  states: {
    /**
     * Where the open session is kept: in this browser (IndexedDB), or on the team server that served
     * the page, where every console on the session appends to one log. Either way the actor hears each change.
     */
    record: {
      initial: 'choosing',
      states: {
        choosing: { always: [{ guard: 'teamMode', target: 'teamServer' }, { target: 'browser' }] },
        browser: {
          invoke: {
            id: 'persistence',
            src: 'sessionPersistence',
            input: ({ context }) => ({
              store: context.store,
              storeProblem: context.storageProblem,
              signerFor: context.signerFor,
            }),
          },
        },
        teamServer: {
          invoke: {
            id: 'persistence',
            src: 'teamLink',
            input: ({ context }) => ({ team: context.team?.setup ?? null, signerFor: context.signerFor }),
          },
        },
      },
    },
    view: {
      initial: 'starting',
      states: {
        starting: { always: [{ guard: 'hasWalkthrough', target: 'walkthrough' }, { target: 'library' }] },
        library: {},
        /** The mode says what it shows: the session recorded, an explored copy, or a replayed packet. */
        walkthrough: {
          exit: 'leaveMode',
          on: {
            'step.to': { actions: ['step', 'persist'] },
            'step.by': { actions: ['step', 'persist'] },
            'session.decideYourself': {
              guard: and(['recordingMode', 'hasWalkthrough']),
              actions: ['decideYourself', 'sessionOpened', 'persist'],
            },
            'explore.start': { guard: and(['recordingMode', 'hasWalkthrough']), actions: 'startExploring' },
            'explore.change': { guard: 'exploring', actions: 'exploreChange' },
            'explore.try': { guard: 'exploring', actions: 'tryValue' },
            'explore.discard': { guard: 'exploring', actions: ['leaveMode', 'clearRefusal'] },
            'explore.adopt': { guard: and(['exploring', 'exploredThresholds']), actions: 'adoptExplored' },
            'explore.adopted': { guard: 'exploring', actions: ['leaveMode', 'requestAdopted'] },
            'change.request': { guard: 'replaying', actions: 'refuseInReplay' },
            'replay.leave': [
              { guard: and(['replaying', 'hasWalkthrough']), actions: 'leaveMode' },
              { guard: 'replaying', target: 'library' },
            ],
          },
        },
        audit: {},
        editor: {},
      },
      on: {
        'view.library': '.library',
        'view.editor': { target: '.editor', actions: 'resumeEditor' },
        'editor.new': { target: '.editor', actions: 'startEditorDraft' },
        'view.walkthrough': { guard: 'hasWalkthrough', target: '.walkthrough' },
        'view.audit': { guard: 'hasRecord', target: '.audit' },
        'scenario.open': { target: '.walkthrough', actions: ['openScenario', 'sessionOpened', 'persist'] },
        'scenario.add': { target: '.walkthrough', actions: ['addScenario', 'sessionOpened', 'persist'] },
        'session.restore': [
          { guard: 'restoresOpenSession', target: '.walkthrough', actions: ['restoreSession', 'persist'] },
          { target: '.walkthrough', actions: ['restoreSession', 'sessionOpened', 'persist'] },
        ],
        'packet.imported': { target: '.audit', actions: 'showImported' },
        'packet.replay': { target: '.walkthrough', actions: 'replayPacket' },
        'team.joined': { target: '.walkthrough', actions: ['showJoined', 'sessionOpened'] },
      },
    },
    operator: {
      initial: 'checking',
      states: {
        checking: { always: [{ guard: 'operatorKnown', target: 'identified' }, { target: 'unknown' }] },
        unknown: {
          on: {
            'change.request': [
              { guard: 'recording', target: 'identifying', actions: 'holdChange' },
              { guard: 'readOnlyHere', actions: 'refuseReadOnly' },
            ],
            // Identifying before any change (to seal an export, say): nothing pending, no handover recorded.
            'operator.handover': 'identifying',
          },
        },
        /** The operator dialog is open: a pending change waits for a name, or a handover for the next operator. */
        identifying: {
          on: {
            'operator.identify': { target: 'identified', actions: ['identify', 'persist'] },
            'operator.cancel': [
              { guard: 'operatorKnown', target: 'identified', actions: 'dropPending' },
              { target: 'unknown', actions: 'dropPending' },
            ],
          },
        },
        identified: {
          on: {
            'change.request': [
              { guard: and(['recording', 'signsWithMeaning']), target: 'identifying', actions: 'holdChange' },
              { guard: 'recording', actions: ['recordChange', 'persist'] },
              { guard: 'readOnlyHere', actions: 'refuseReadOnly' },
            ],
            'operator.handover': 'identifying',
            'operator.lock': { target: 'unknown', actions: ['forgetOperator', 'persist'] },
          },
        },
      },
      on: { 'session.restore': { target: '.checking' } },
    },
    /**
     * The open session's writer lock across this browser's tabs, claimed afresh for each session
     * opened; none on a team server, whose database orders every console's appends.
     */
    session: {
      initial: 'checking',
      states: {
        checking: {
          always: [{ guard: 'teamMode', target: 'team' }, { guard: 'hasWalkthrough', target: 'open' }, { target: 'none' }],
        },
        none: { on: { 'session.opened': 'checking' } },
        team: {},
        open: {
          invoke: {
            id: 'writerLock',
            src: 'sessionWriter',
            input: ({ context }) => ({
              sessionId: context.walkthrough ? sessionIdOf(context.walkthrough) : '',
              store: context.store,
            }),
          },
          // Another session opened: its lock is claimed afresh. (On the region, a re-entering transition
          // would re-enter the whole parallel chart, and restart every actor it invokes.)
          on: { 'writer.takeOver': { actions: 'takeOver' }, 'session.opened': 'checking' },
        },
      },
    },
  },
});
