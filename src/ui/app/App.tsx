import { useEffect, useState } from 'react';
import { type KeyStore, openKeyStore } from '../../files/keyStore';
import { openSessionStore, type SessionStore, type StoredSession } from '../../files/sessionStore';
import { defaultProfile, type ThresholdProfile } from '../../session/profile';
import type { TeamSetup } from './appTypes';
import { probeTeamServer } from './teamSetup';
import { Workspace } from './Workspace';

interface Ready {
  profile: ThresholdProfile;
  store: SessionStore | null;
  storeProblem: string | null;
  restored: StoredSession | undefined;
  keys: KeyStore;
  team: TeamSetup | null;
}

async function prepare(): Promise<Ready> {
  const [profile, team] = await Promise.all([defaultProfile(), probeTeamServer()]);
  try {
    const store = await openSessionStore();
    // On a team server the session to reopen is the one this page followed there, not one in this browser.
    const restored = team ? undefined : await store.latest();
    return { profile, store, storeProblem: null, restored, keys: openKeyStore(), team };
  } catch (error) {
    const storeProblem = error instanceof Error ? error.message : String(error);
    return { profile, store: null, storeProblem, restored: undefined, keys: openKeyStore(), team };
  }
}

export function App() {
  const [ready, setReady] = useState<Ready | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    prepare().then(setReady, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);
  if (failure) return <p role="alert">Could not prepare the default threshold profile: {failure}</p>;
  if (!ready) return <p aria-busy="true">Loading…</p>;
  return <Workspace {...ready} />;
}
