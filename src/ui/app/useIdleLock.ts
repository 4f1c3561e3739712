import { useEffect } from 'react';

/** How long a signing key stays unlocked without the operator touching the page (21 CFR 11.200: a continuous session). */
export const idleLockMinutes = 15;

/** While someone is identified: after `idleLockMinutes` without a key press, a click or a touch, `lock`. */
export function useIdleLock(identified: boolean, lock: () => void) {
  useEffect(() => {
    if (!identified) return;
    let timer = setTimeout(lock, idleLockMinutes * 60_000);
    const restart = () => {
      clearTimeout(timer);
      timer = setTimeout(lock, idleLockMinutes * 60_000);
    };
    const activity = ['keydown', 'pointerdown'] as const;
    for (const type of activity) window.addEventListener(type, restart, { passive: true, capture: true });
    return () => {
      clearTimeout(timer);
      for (const type of activity) window.removeEventListener(type, restart, { capture: true });
    };
  }, [identified, lock]);
}
