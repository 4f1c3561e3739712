import { lazy, Suspense, useMemo, useState } from 'react';
import type { KeyStore } from '../../files/keyStore';
import type { SessionStore, StoredSession } from '../../files/sessionStore';
import type { Actor } from '../../session/model';
import type { ThresholdProfile } from '../../session/profile';
import { teamLogRecord } from '../../team/console/teamLogRecord';
import { builtInProblems, builtInScenarios, LibraryView, useOpenedScenarioStore, WriteACase } from '../library';
import { AppHeader } from './AppHeader';
import { AppActor, now, viewOf } from './appActor';
import type { TeamSetup } from './appTypes';
import { AuditView, WalkthroughScreen } from './lazyScreens';
import { OperatorDialogScreen } from './OperatorDialogScreen';
import { SessionGuards } from './SessionGuards';
import { TeamCasesScreen } from './TeamCasesScreen';
import { useAppSend } from './useAppSend';
import { useKeepCaseOnServer } from './useKeepCaseOnServer';
import { WriterBanner } from './WriterBanner';

interface Props {
  profile: ThresholdProfile;
  store: SessionStore | null;
  storeProblem: string | null;
  restored: StoredSession | undefined;
  keys: KeyStore;
  team: TeamSetup | null;
}

export function Workspace({ profile, store, storeProblem, restored, keys, team }: Props) {
  const [input] = useState(() => ({
    library: builtInScenarios,
    defaultProfile: profile,
    restored,
    storageProblem: storeProblem,
    store,
    // An entry whose actor's key was locked meanwhile (an idle lock between the change and its write) is
    // stored unsigned, and shown as unsigned, rather than lost.
    signerFor: (actor: Actor) => keys.signerFor(actor).catch(() => null),
    team,
  }));
  return (
    <AppActor.Provider options={{ input }}>
      <WorkspaceBody store={store} keys={keys} />
    </AppActor.Provider>
  );
}

function WorkspaceBody({ store, keys }: Pick<Props, 'store' | 'keys'>) {
  const on = useAppSend();
  const view = AppActor.useSelector(viewOf);
  const showsWalkthrough = AppActor.useSelector((s) => s.context.walkthrough !== null || s.context.mode.kind === 'replaying');
  const openedScenarios = AppActor.useSelector((s) => s.context.openedScenarios);
  const storageProblem = AppActor.useSelector((s) => s.context.storageProblem);
  // Which key the operator unlocked: two keys under one name and role are two identities, told apart by it.
  const [operatorKey, setOperatorKey] = useState<string | null>(null);
  const shelf = useOpenedScenarioStore(openedScenarios, on.restoreShelf);
  return (
    <div className="app">
      <SessionGuards keys={keys} />
      <AppHeader operatorKey={operatorKey} />
      {builtInProblems.length > 0 && (
        <div role="alert" className="problems">
          <ul>
            {builtInProblems.map((p) => (
              <li key={`${p.file}:${p.path}`}>{`${p.file}: ${p.path}: ${p.expected}`}</li>
            ))}
          </ul>
        </div>
      )}
      <WriterBannerScreen />
      <TeamPanelScreen myKey={operatorKey} />
      {storageProblem !== null && (
        <p role="alert" className="storage-banner">
          This browser could not store the session: {storageProblem}. It is kept in memory only and nothing recorded is lost while
          this page stays open: export the decision packet from the audit trail to keep it.
        </p>
      )}
      {view === 'editor' ? (
        <EditorScreen keys={keys} />
      ) : view === 'audit' ? (
        <AuditScreen keys={keys} />
      ) : view === 'library' || !showsWalkthrough ? (
        <LibraryScreen store={store} shelf={shelf} keys={keys} />
      ) : (
        <WalkthroughScreen keys={keys} />
      )}
      <OperatorDialogScreen keys={keys} onUnlocked={setOperatorKey} />
    </div>
  );
}

function TeamPanelScreen({ myKey }: { myKey: string | null }) {
  const on = useAppSend();
  const team = AppActor.useSelector((s) => s.context.team);
  const hasWalkthrough = AppActor.useSelector((s) => s.context.walkthrough !== null);
  const operator = AppActor.useSelector((s) => s.context.operator);
  if (!team) return null;
  return (
    <Suspense fallback={null}>
      <TeamPanel
        view={team.view}
        notShared={hasWalkthrough && team.view === null}
        myKey={operator ? myKey : null}
        keys={team.keys}
        problem={team.problem}
        onAdmit={on.admit}
        onListKeys={on.listTeamKeys}
      />
    </Suspense>
  );
}

/** Only a page served by a team server shows the team's panels: their code comes with them. */
const TeamPanel = lazy(() => import('../team').then((m) => ({ default: m.TeamPanel })));
const TeamSessions = lazy(() => import('../team').then((m) => ({ default: m.TeamSessions })));

/** The editor's code is loaded when it is first opened: the first screen does not need it. */
const EditorView = lazy(() => import('../editor').then((m) => ({ default: m.EditorView })));

function EditorScreen({ keys }: { keys: KeyStore }) {
  const { send } = useAppSend();
  const keepOnServer = useKeepCaseOnServer(keys);
  const request = AppActor.useSelector((s) => s.context.editorRequest);
  const profile = AppActor.useSelector((s) => s.context.defaultProfile);
  const temperatureUnit = AppActor.useSelector((s) => s.context.temperatureUnit);
  if (!request) return null;
  return (
    <Suspense fallback={<p aria-busy="true">Loading the scenario editor…</p>}>
      <EditorView
        key={request.id}
        request={request}
        profile={profile}
        temperatureUnit={temperatureUnit}
        onKeepOnServer={keepOnServer}
        onWalkThrough={(scenario, fileName, step) => {
          send({ type: 'scenario.add', scenario, fileName, openedUtc: now() });
          if (step > 0) send({ type: 'step.to', cursor: step, wallClockUtc: now() });
        }}
      />
    </Suspense>
  );
}

function TeamSessionsScreen() {
  const on = useAppSend();
  const sessions = AppActor.useSelector((s) => s.context.team?.sessions ?? []);
  const openSessionId = AppActor.useSelector((s) => s.context.team?.view?.sessionId ?? null);
  return (
    <Suspense fallback={<p aria-busy="true">Loading the team sessions…</p>}>
      <TeamSessions sessions={sessions} openSessionId={openSessionId} onJoin={on.joinTeamSession} onList={on.listTeamSessions} />
    </Suspense>
  );
}

function WriterBannerScreen() {
  const on = useAppSend();
  const writer = AppActor.useSelector((s) => s.context.writer);
  return <WriterBanner writer={writer} onTakeOver={on.takeOver} />;
}

function AuditScreen({ keys }: { keys: KeyStore }) {
  const { send } = useAppSend();
  const walkthrough = AppActor.useSelector((s) => s.context.walkthrough);
  const ledger = AppActor.useSelector((s) => s.context.ledger);
  const imported = AppActor.useSelector((s) => s.context.imported);
  const refusal = AppActor.useSelector((s) => s.context.refusal);
  const operator = AppActor.useSelector((s) => s.context.operator);
  const team = AppActor.useSelector((s) => s.context.team);
  const teamLog = useMemo(() => (team?.view ? teamLogRecord(team.view, team.setup.server.serverKey) : null), [team]);
  return (
    <AuditView
      walkthrough={walkthrough}
      ledger={ledger}
      imported={imported}
      refusal={refusal}
      onNote={(text) =>
        send({ type: 'change.request', change: { kind: 'event', request: { type: 'session.note', text } }, wallClockUtc: now() })
      }
      onImported={(imported) => send({ type: 'packet.imported', imported })}
      onReplay={(imported) => send({ type: 'packet.replay', imported, openedUtc: now() })}
      keys={keys}
      operator={operator}
      teamLog={teamLog}
    />
  );
}

function LibraryScreen({
  store,
  shelf,
  keys,
}: {
  store: SessionStore | null;
  shelf: ReturnType<typeof useOpenedScenarioStore>;
  keys: KeyStore;
}) {
  const { send } = useAppSend();
  const library = AppActor.useSelector((s) => s.context.library);
  const openedScenarios = AppActor.useSelector((s) => s.context.openedScenarios);
  const problems = AppActor.useSelector((s) => s.context.openProblems);
  const openScenarioId = AppActor.useSelector((s) => s.context.walkthrough?.scenario.id);
  const teamMode = AppActor.useSelector((s) => s.context.team !== null);
  return (
    <>
      {teamMode && (
        // The team's parts come after the library is drawn (their code, then the server's lists): each
        // keeps its room from the first frame and scrolls a long list inside it, so nothing below moves
        // under a click as they arrive.
        <div className="team-parts">
          <div className="team-part">
            <TeamSessionsScreen />
          </div>
          <div className="team-part">
            <TeamCasesScreen keys={keys} />
          </div>
        </div>
      )}
      <WriteACase
        library={[...library, ...openedScenarios.map((o) => o.scenario)]}
        onNew={(request) => send({ type: 'editor.new', request })}
        onRejectedFile={(problems) => send({ type: 'scenario.rejected', problems })}
      />
      <LibraryView
        store={store}
        onRestore={(session) => send({ type: 'session.restore', session })}
        scenarios={library}
        openedScenarios={openedScenarios}
        shelf={shelf}
        problems={problems}
        openScenarioId={openScenarioId}
        onOpen={(scenario) => send({ type: 'scenario.open', scenario, openedUtc: now() })}
        onOpenedFile={(scenario, fileName) =>
          shelf.whenRestored.then(() => send({ type: 'scenario.add', scenario, fileName, openedUtc: now() }))
        }
        onRemove={(id) => send({ type: 'scenario.remove', id })}
        onRejectedFile={(problems) => send({ type: 'scenario.rejected', problems })}
      />
    </>
  );
}
