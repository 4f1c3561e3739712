import { useEffect, useState } from 'react';
import { defaultProfile, type ThresholdProfile } from '../session/profile';
import { Workspace } from './Workspace';

export function App() {
  const [profile, setProfile] = useState<ThresholdProfile | null>(null);
  const [failure, setFailure] = useState<string | null>(null);
  useEffect(() => {
    defaultProfile().then(setProfile, (error: unknown) => setFailure(error instanceof Error ? error.message : String(error)));
  }, []);
  if (failure) return <p role="alert">Could not prepare the default threshold profile: {failure}</p>;
  if (!profile) return <p aria-busy="true">Loading…</p>;
  return <Workspace defaultProfile={profile} />;
}
