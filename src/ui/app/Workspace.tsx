import { useMachine } from '@xstate/react';
import { useCallback, useMemo, useState } from 'react';
import type { KeyStore } from '../../files/keyStore';
import { type SessionStore, type StoredSession, sessionIdOf } from '../../files/sessionStore';
import { changedThresholds } from '../../session/exploration';
import type { Actor, AssessedValue } from '../../session/model';
import type { OpenedScenario } from '../../session/openedScenario';
import type { ThresholdProfile } from '../../session/profile';
import { type Change, signsWithMeaning } from '../../session/walkthrough';
import { AuditView } from '../audit';
import { builtInProblems, builtInScenarios, LibraryView, OpenedFromFileNote, useOpenedScenarioStore } from '../library';
import { ScenarioSourcesProvider } from '../shared/ScenarioSources';
import { WalkthroughView } from '../walkthrough';
import { type AppView, appMachine } from './appMachine';
import { type Identify, OperatorDialog } from './OperatorDialog';
import { SaveStatusLine } from './SaveStatusLine';
import { saveStatus, writesHere } from './saveStatus';
import { useAskBeforeLeaving } from './useAskBeforeLeaving';
import { useIdleLock } from './useIdleLock';
import { useSessionPersistence } from './useSessionPersistence';
import { useSessionWriter } from './useSessionWriter';
import { WriterBanner } from './WriterBanner';

const now = () => new Date().toISOString();

interface Props {
  profile: ThresholdProfile;
  store: SessionStore | null;
  storeProblem: string | null;
  restored: StoredSession | undefined;
  keys: KeyStore;
}

export function Workspace({ profile, store, storeProblem, restored, keys }: Props) {
  const [snapshot, send] = useMachine(appMachine, {
    input: { library: builtInScenarios, defaultProfile: profile, restored, storageProblem: storeProblem },
  });
  const state = snapshot.context;
  const view =
    (['walkthrough', 'audit', 'library'] as const).find((v) => snapshot.matches({ view: v })) ?? ('library' satisfies AppView);
  const onTakeOver = useSessionWriter(state.walkthrough ? sessionIdOf(state.walkthrough) : null, store, send);
  // An entry whose actor's key was locked meanwhile (an idle lock between the change and its write) is
  // stored unsigned, and shown as unsigned, rather than lost.
  const signerFor = useCallback((actor: Actor) => keys.signerFor(actor).catch(() => null), [keys]);
  useSessionPersistence(state.walkthrough, state.operator, state.ledger, state.writer, send, store, storeProblem, signerFor);
  const status = saveStatus(state);
  useAskBeforeLeaving(status?.kind === 'saving');
  const readOnlyHere = writesHere(state) ? null : 'another tab records this session (take over to record here)';
  // Stable, so a stored entry (which the walkthrough does not show) does not re-render it.
  const onStep = useCallback((cursor: number, wallClockUtc: string) => send({ type: 'step.to', cursor, wallClockUtc }), [send]);
  const onStepBy = useCallback((delta: number, wallClockUtc: string) => send({ type: 'step.by', delta, wallClockUtc }), [send]);
  const onChange = useCallback((change: Change) => send({ type: 'change.request', change, wallClockUtc: now() }), [send]);
  const exploringNow = snapshot.matches({ view: { walkthrough: 'exploring' } });
  const onChangeExplored = useCallback((change: Change) => send({ type: 'explore.change', change, wallClockUtc: now() }), [send]);
  // What the walkthrough shows: a replayed packet, the unrecorded copy while exploring, or the session.
  const shown = state.replay?.walkthrough ?? state.exploration?.walkthrough ?? state.walkthrough;
  const onLeaveReplay = useCallback(() => send({ type: 'replay.leave' }), [send]);
  const onStartExplore = useCallback(() => send({ type: 'explore.start' }), [send]);
  const onDecideYourself = useCallback(() => send({ type: 'session.decideYourself', wallClockUtc: now() }), [send]);
  const { exploration } = state;
  const exploring = useMemo(
    () =>
      exploration
        ? {
            changedThresholds: changedThresholds(exploration),
            triedCount: Object.keys(exploration.tried).length,
            tried: exploration.tried,
            onTry: (key: string, value: AssessedValue | null) => send({ type: 'explore.try', key, value }),
            onDiscard: () => send({ type: 'explore.discard' }),
            onAdopt: (reason: string) => send({ type: 'explore.adopt', reason, wallClockUtc: now() }),
          }
        : null,
    [exploration, send],
  );
  // Which key the operator unlocked: two keys under one name and role are two identities, told apart by it.
  const [operatorKey, setOperatorKey] = useState<string | null>(null);
  const onIdentify: Identify = useCallback(
    async (operator, passphrase, newIdentity) => {
      // The operator's key is unlocked (or made) by their passphrase before anything is signed with it.
      const unlocked = await keys.unlock(operator, passphrase, { newIdentity });
      if (!unlocked.ok) return { problem: unlocked.reason, existing: unlocked.existing };
      setOperatorKey(unlocked.signer.fingerprint);
      send({ type: 'operator.identify', operator, wallClockUtc: now() });
      return null;
    },
    [send, keys],
  );
  const onUnlock = useCallback(
    async (actor: Actor, passphrase: string) => {
      const unlocked = await keys.unlock(actor, passphrase);
      return unlocked.ok ? null : unlocked.reason;
    },
    [keys],
  );
  const lock = useCallback(() => {
    keys.lockAll();
    send({ type: 'operator.lock' });
  }, [keys, send]);
  useIdleLock(state.operator !== null, lock);
  const onCancelIdentify = useCallback(() => send({ type: 'operator.cancel' }), [send]);
  const onScenariosRestored = useCallback(
    (openedScenarios: OpenedScenario[]) => send({ type: 'library.restored', openedScenarios }),
    [send],
  );
  const shelf = useOpenedScenarioStore(state.openedScenarios, onScenariosRestored);
  return (
    <div className="app">
      <header className="app-header">
        <h1>Crew-return decision support</h1>
        <nav aria-label="Views" className="view-tabs">
          <button type="button" aria-pressed={view === 'library'} onClick={() => send({ type: 'view.library' })}>
            Scenario library
          </button>
          <button
            type="button"
            aria-pressed={view === 'walkthrough'}
            disabled={!state.walkthrough}
            onClick={() => send({ type: 'view.walkthrough' })}
          >
            Walkthrough
          </button>
          <button
            type="button"
            aria-pressed={view === 'audit'}
            disabled={!state.walkthrough && !state.imported}
            onClick={() => send({ type: 'view.audit' })}
          >
            Audit trail
          </button>
        </nav>
        <button type="button" className="units-toggle" onClick={() => send({ type: 'units.toggle' })}>
          Temperatures in {state.temperatureUnit} <span className="muted">(switch)</span>
        </button>
        <SaveStatusLine status={status} />
        <span className="operator">
          {state.operator ? `Operator: ${state.operator.name} (${state.operator.role})` : 'Operator: not set'}
          {state.operator && operatorKey && <span className="muted"> · key {operatorKey}</span>}{' '}
          {!readOnlyHere && !snapshot.matches({ operator: 'identifying' }) && (
            <button type="button" className="link" onClick={() => send({ type: 'operator.handover' })}>
              {state.operator ? 'Hand over' : 'Identify'}
            </button>
          )}
        </span>
      </header>
      {builtInProblems.length > 0 && (
        <div role="alert" className="problems">
          <ul>
            {builtInProblems.map((p) => (
              <li key={`${p.file}:${p.path}`}>{`${p.file}: ${p.path}: ${p.expected}`}</li>
            ))}
          </ul>
        </div>
      )}
      <WriterBanner writer={state.writer} onTakeOver={onTakeOver} />
      {state.storageProblem !== null && (
        <p role="alert" className="storage-banner">
          This browser could not store the session: {state.storageProblem}. It is kept in memory only and nothing recorded is lost
          while this page stays open: export the decision packet from the audit trail to keep it.
        </p>
      )}
      {view === 'audit' ? (
        <AuditView
          walkthrough={state.walkthrough}
          ledger={state.ledger}
          imported={state.imported}
          refusal={state.refusal}
          onNote={(text) =>
            send({
              type: 'change.request',
              change: { kind: 'event', request: { type: 'session.note', text } },
              wallClockUtc: now(),
            })
          }
          onImported={(imported) => send({ type: 'packet.imported', imported })}
          onReplay={(imported) => send({ type: 'packet.replay', imported, openedUtc: now() })}
          keys={keys}
          operator={state.operator}
        />
      ) : view === 'library' || !shown ? (
        <LibraryView
          store={store}
          onRestore={(session) => send({ type: 'session.restore', session })}
          scenarios={state.library}
          openedScenarios={state.openedScenarios}
          shelf={shelf}
          problems={state.openProblems}
          openScenarioId={state.walkthrough?.scenario.id}
          onOpen={(scenario) => send({ type: 'scenario.open', scenario, openedUtc: now() })}
          onOpenedFile={(scenario, fileName) =>
            shelf.whenRestored.then(() => send({ type: 'scenario.add', scenario, fileName, openedUtc: now() }))
          }
          onRemove={(id) => send({ type: 'scenario.remove', id })}
          onRejectedFile={(problems) => send({ type: 'scenario.rejected', problems })}
        />
      ) : (
        <ScenarioSourcesProvider sources={shown.scenario.sources}>
          <OpenedFromFileNote opened={state.openedScenarios.find((o) => o.scenario.id === state.walkthrough?.scenario.id)} />
          <WalkthroughView
            library={state.library}
            onUnlock={onUnlock}
            walkthrough={shown}
            replayOf={state.replay?.fileName ?? null}
            readOnlyBecause={state.replay || exploringNow ? null : readOnlyHere}
            onLeaveReplay={onLeaveReplay}
            temperatureUnit={state.temperatureUnit}
            refusal={state.refusal}
            onStep={onStep}
            onStepBy={onStepBy}
            onChange={exploringNow ? onChangeExplored : onChange}
            exploring={exploring}
            onStartExplore={onStartExplore}
            onDecideYourself={onDecideYourself}
          />
        </ScenarioSourcesProvider>
      )}
      <OperatorDialog
        open={snapshot.matches({ operator: 'identifying' })}
        handover={state.operator}
        signingAs={state.operator && state.pending && signsWithMeaning(state.pending) ? state.operator : null}
        onIdentify={onIdentify}
        onCancel={onCancelIdentify}
      />
    </div>
  );
}
