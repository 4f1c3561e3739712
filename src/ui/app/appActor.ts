import { createActorContext } from '@xstate/react';
import type { SnapshotFrom } from 'xstate';
import { appMachine } from './appMachine';
import type { AppView } from './appTypes';

/** The app's actor, for the components under `AppActor.Provider`: each selects the part it shows and sends events. */
export const AppActor = createActorContext(appMachine);

type AppSnapshot = SnapshotFrom<typeof appMachine>;

export const viewOf = (snapshot: AppSnapshot): AppView =>
  (['walkthrough', 'audit', 'editor', 'library'] as const).find((v) => snapshot.matches({ view: v })) ?? 'library';

export const identifying = (snapshot: AppSnapshot) => snapshot.matches({ operator: 'identifying' });

export const now = () => new Date().toISOString();
