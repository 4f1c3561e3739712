import { useSyncExternalStore } from 'react';

/** Below this width a case is read, not written: the fields and the JSON of 20 events do not fit a phone. */
const phoneQuery = '(max-width: 600px)';

/** One query list for the page: asking matchMedia again on every render costs a style lookup each time. */
let phoneMedia: MediaQueryList | null = null;
const media = () => {
  phoneMedia ??= matchMedia(phoneQuery);
  return phoneMedia;
};

const subscribe = (onChange: () => void) => {
  media().addEventListener('change', onChange);
  return () => media().removeEventListener('change', onChange);
};

export const usePhoneWidth = (): boolean => useSyncExternalStore(subscribe, () => media().matches);
