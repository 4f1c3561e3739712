import { useSyncExternalStore } from 'react';

/** Below this width a case is read, not written: the fields and the JSON of 20 events do not fit a phone. */
const phoneQuery = '(max-width: 600px)';

const subscribe = (onChange: () => void) => {
  const media = matchMedia(phoneQuery);
  media.addEventListener('change', onChange);
  return () => media.removeEventListener('change', onChange);
};

export const usePhoneWidth = (): boolean => useSyncExternalStore(subscribe, () => matchMedia(phoneQuery).matches);
