import { useState } from 'react';
import type { KeyStore } from '../../files/keyStore';
import type { SessionStore, StoredSession } from '../../files/sessionStore';
import type { Actor } from '../../session/model';
import type { ThresholdProfile } from '../../session/profile';
import { builtInProblems, builtInScenarios, LibraryView, useOpenedScenarioStore } from '../library';
import { AppHeader } from './AppHeader';
import { AppActor, now, viewOf } from './appActor';
import { AuditView, WalkthroughScreen } from './lazyScreens';
import { OperatorDialogScreen } from './OperatorDialogScreen';
import { SessionGuards } from './SessionGuards';
import { useAppSend } from './useAppSend';
import { WriterBanner } from './WriterBanner';

interface Props {
  profile: ThresholdProfile;
  store: SessionStore | null;
  storeProblem: string | null;
  restored: StoredSession | undefined;
  keys: KeyStore;
}

export function Workspace({ profile, store, storeProblem, restored, keys }: Props) {
  const [input] = useState(() => ({
    library: builtInScenarios,
    defaultProfile: profile,
    restored,
    storageProblem: storeProblem,
    store,
    // An entry whose actor's key was locked meanwhile (an idle lock between the change and its write) is
    // stored unsigned, and shown as unsigned, rather than lost.
    signerFor: (actor: Actor) => keys.signerFor(actor).catch(() => null),
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
      {storageProblem !== null && (
        <p role="alert" className="storage-banner">
          This browser could not store the session: {storageProblem}. It is kept in memory only and nothing recorded is lost while
          this page stays open: export the decision packet from the audit trail to keep it.
        </p>
      )}
      {view === 'audit' ? (
        <AuditScreen keys={keys} />
      ) : view === 'library' || !showsWalkthrough ? (
        <LibraryScreen store={store} shelf={shelf} />
      ) : (
        <WalkthroughScreen keys={keys} />
      )}
      <OperatorDialogScreen keys={keys} onUnlocked={setOperatorKey} />
    </div>
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
    />
  );
}

function LibraryScreen({ store, shelf }: { store: SessionStore | null; shelf: ReturnType<typeof useOpenedScenarioStore> }) {
  const { send } = useAppSend();
  const library = AppActor.useSelector((s) => s.context.library);
  const openedScenarios = AppActor.useSelector((s) => s.context.openedScenarios);
  const problems = AppActor.useSelector((s) => s.context.openProblems);
  const openScenarioId = AppActor.useSelector((s) => s.context.walkthrough?.scenario.id);
  return (
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
  );
}
