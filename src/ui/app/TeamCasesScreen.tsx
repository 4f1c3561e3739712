import { lazy, Suspense } from 'react';
import type { KeyStore } from '../../files/keyStore';
import { AppActor, now } from './appActor';
import { useAppSend } from './useAppSend';
import { useKeepCaseOnServer } from './useKeepCaseOnServer';

/** Only a page served by a team server shows the team's cases: their code comes with them. */
const TeamCases = lazy(() => import('../team').then((m) => ({ default: m.TeamCases })));

/** The library's cases kept on the team server: walked through as an opened file is, copied as a library case is. */
export function TeamCasesScreen({ keys }: { keys: KeyStore }) {
  const { send } = useAppSend();
  const openedScenarios = AppActor.useSelector((s) => s.context.openedScenarios);
  const keep = useKeepCaseOnServer(keys);
  if (!keep) return null;
  return (
    <Suspense fallback={<p aria-busy="true">Loading the team’s cases…</p>}>
      <TeamCases
        keepable={openedScenarios.map((o) => o.scenario)}
        onKeep={keep}
        onWalkThrough={(kept) =>
          send({
            type: 'scenario.add',
            scenario: kept.scenario,
            fileName: `${kept.id}.json, version ${kept.versions} kept on the team server by ${kept.keptBy.name}`,
            openedUtc: now(),
          })
        }
        onCopy={(from) => send({ type: 'editor.new', request: { id: crypto.randomUUID(), start: 'copy', from } })}
      />
    </Suspense>
  );
}
