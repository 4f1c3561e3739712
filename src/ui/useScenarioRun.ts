import { useEffect, useState } from 'react';
import type { Scenario } from '../../scenarios/schema';
import { defaultProfile, type ThresholdProfile } from '../session/profile';
import { runScenario, type ScenarioRun } from '../session/runScenario';

/** Runs a scenario headlessly under the default profile, as `npm run decide` does. */
export function useScenarioRun(scenario: Scenario | undefined): ScenarioRun | null {
  const [profile, setProfile] = useState<ThresholdProfile | null>(null);
  useEffect(() => {
    let live = true;
    defaultProfile().then((p) => live && setProfile(p));
    return () => {
      live = false;
    };
  }, []);
  if (!scenario || !profile) return null;
  return runScenario(scenario, profile, new Date().toISOString());
}
