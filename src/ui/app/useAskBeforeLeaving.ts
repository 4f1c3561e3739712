import { useLayoutEffect } from 'react';

/**
 * While a change shown on screen is still being written, closing or reloading the page asks first:
 * leaving then would lose it. Installed before the paint that shows "Saving…", removed once saved.
 */
export function useAskBeforeLeaving(ask: boolean) {
  useLayoutEffect(() => {
    if (!ask) return;
    const askFirst = (event: BeforeUnloadEvent) => {
      event.preventDefault();
      // What browsers older than the standard's preventDefault (Chrome 119) ask for instead.
      event.returnValue = '';
    };
    window.addEventListener('beforeunload', askFirst);
    return () => window.removeEventListener('beforeunload', askFirst);
  }, [ask]);
}
