import { useMemo } from 'react';
import type { KeyStore } from '../../files/keyStore';
import { changedThresholds } from '../../session/exploration';
import type { Actor } from '../../session/model';
import { OpenedFromFileNote } from '../library';
import { ScenarioSourcesProvider } from '../shared/ScenarioSources';
import { WalkthroughView } from '../walkthrough';
import { AppActor } from './appActor';
import { explorationOf, shownWalkthrough } from './appTypes';
import { writesHere } from './saveStatus';
import { useAppSend } from './useAppSend';

/** The walkthrough on screen (the session, its explored copy or a replayed packet), with what it needs of the app. */
export function WalkthroughScreen({ keys }: { keys: KeyStore }) {
  const on = useAppSend();
  const shown = AppActor.useSelector((s) => shownWalkthrough(s.context));
  const replayOf = AppActor.useSelector((s) => (s.context.mode.kind === 'replaying' ? s.context.mode.fileName : null));
  const exploration = AppActor.useSelector((s) => explorationOf(s.context));
  const readOnlyHere = AppActor.useSelector((s) => !writesHere(s.context));
  const library = AppActor.useSelector((s) => s.context.library);
  const temperatureUnit = AppActor.useSelector((s) => s.context.temperatureUnit);
  const refusal = AppActor.useSelector((s) => s.context.refusal);
  const openedHere = AppActor.useSelector((s) =>
    s.context.openedScenarios.find((o) => o.scenario.id === s.context.walkthrough?.scenario.id),
  );
  const exploring = useMemo(
    () =>
      exploration
        ? {
            changedThresholds: changedThresholds(exploration),
            triedCount: Object.keys(exploration.tried).length,
            tried: exploration.tried,
            onTry: on.tryValue,
            onDiscard: on.discardExplored,
            onAdopt: on.adoptExplored,
          }
        : null,
    [exploration, on],
  );
  const onUnlock = useMemo(
    () => async (actor: Actor, passphrase: string) => {
      const unlocked = await keys.unlock(actor, passphrase);
      return unlocked.ok ? null : unlocked.reason;
    },
    [keys],
  );
  if (!shown) return null;
  return (
    <ScenarioSourcesProvider sources={shown.scenario.sources}>
      <OpenedFromFileNote opened={openedHere} />
      <WalkthroughView
        library={library}
        onUnlock={onUnlock}
        walkthrough={shown}
        replayOf={replayOf}
        readOnlyBecause={
          replayOf || exploring ? null : readOnlyHere ? 'another tab records this session (take over to record here)' : null
        }
        onLeaveReplay={on.leaveReplay}
        temperatureUnit={temperatureUnit}
        refusal={refusal}
        onStep={on.step}
        onStepBy={on.stepBy}
        onChange={exploring ? on.changeExplored : on.change}
        exploring={exploring}
        onStartExplore={on.startExplore}
        onDecideYourself={on.decideYourself}
      />
    </ScenarioSourcesProvider>
  );
}
