import { useEffect, useState } from 'react';
import { type KeyStore, openKeyStore } from '../../files/keyStore';
import { openSessionStore, type SessionStore, type StoredSession } from '../../files/sessionStore';
import { defaultProfile, type ThresholdProfile } from '../../session/profile';
import { Workspace } from './Workspace';

interface Ready {
  profile: ThresholdProfile;
  store: SessionStore | null;
  storeProblem: string | null;
  restored: StoredSession | undefined;
  keys: KeyStore;
}

async function prepare(): Promise<Ready> {
  const profile = await defaultProfile();
  try {
    const store = await openSessionStore();
    return { profile, store, storeProblem: null, restored: await store.latest(), keys: openKeyStore() };
  } catch (error) {
    const storeProblem = error instanceof Error ? error.message : String(error);
    return { profile, store: null, storeProblem, restored: undefined, keys: openKeyStore() };
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
