import type { PartialProfile } from '../../files/profileFile';
import type { PartialThresholdValues } from '../../session/model';

const storageKey = 'crew-return.saved-profiles';

/** Named threshold profiles kept in this browser, in the CLI's `--thresholds` file format. */
export function loadSavedProfiles(): Record<string, PartialProfile> {
  try {
    const data = JSON.parse(localStorage.getItem(storageKey) ?? '{}');
    return typeof data === 'object' && data !== null ? data : {};
  } catch {
    return {};
  }
}

export function saveProfile(name: string, thresholds: PartialThresholdValues): Record<string, PartialProfile> {
  const saved = loadSavedProfiles();
  const previous = saved[name];
  const version = String(Number(previous?.version ?? 0) + 1);
  const next = { ...saved, [name]: { id: name, version, thresholds: { ...thresholds } } };
  try {
    localStorage.setItem(storageKey, JSON.stringify(next));
  } catch {
    // Storage full or disabled: the profile still exists for this page and can be exported.
  }
  return next;
}
