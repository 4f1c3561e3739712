import { useMemo } from 'react';
import type { PublicKeyRecord } from '../../record/signing';
import type { Actor, AssessedValue } from '../../session/model';
import type { OpenedScenario } from '../../session/openedScenario';
import type { Change } from '../../session/walkthrough';
import { AppActor, now } from './appActor';

/**
 * The operator's commands as events of the app actor, made once per actor: stable, so a memoized
 * view does not re-render because a handler changed.
 */
export function useAppSend() {
  const { send } = AppActor.useActorRef();
  return useMemo(
    () => ({
      send,
      step: (cursor: number, wallClockUtc: string) => send({ type: 'step.to', cursor, wallClockUtc }),
      stepBy: (delta: number, wallClockUtc: string) => send({ type: 'step.by', delta, wallClockUtc }),
      change: (change: Change) => send({ type: 'change.request', change, wallClockUtc: now() }),
      changeExplored: (change: Change) => send({ type: 'explore.change', change, wallClockUtc: now() }),
      tryValue: (key: string, value: AssessedValue | null) => send({ type: 'explore.try', key, value }),
      discardExplored: () => send({ type: 'explore.discard' }),
      adoptExplored: (reason: string) => send({ type: 'explore.adopt', reason, wallClockUtc: now() }),
      startExplore: () => send({ type: 'explore.start' }),
      leaveReplay: () => send({ type: 'replay.leave' }),
      decideYourself: () => send({ type: 'session.decideYourself', wallClockUtc: now() }),
      identify: (operator: Actor) => send({ type: 'operator.identify', operator, wallClockUtc: now() }),
      cancelIdentify: () => send({ type: 'operator.cancel' }),
      lockOperator: () => send({ type: 'operator.lock' }),
      restoreShelf: (openedScenarios: OpenedScenario[]) => send({ type: 'library.restored', openedScenarios }),
      takeOver: () => send({ type: 'writer.takeOver' }),
      joinTeamSession: (sessionId: string) => send({ type: 'team.join', sessionId }),
      listTeamSessions: () => send({ type: 'team.listSessions' }),
      listTeamKeys: () => send({ type: 'team.listKeys' }),
      admit: (key: PublicKeyRecord) => send({ type: 'team.admit', key }),
    }),
    [send],
  );
}
