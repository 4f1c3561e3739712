import { useMemo } from 'react';
import type { KeyStore } from '../../files/keyStore';
import { AppActor } from './appActor';
import { saveStatus } from './saveStatus';
import { useAppSend } from './useAppSend';
import { useAskBeforeLeaving } from './useAskBeforeLeaving';
import { useIdleLock } from './useIdleLock';

/** The page's guards of the session: ask before leaving while saving; lock the keys after idling. */
export function SessionGuards({ keys }: { keys: KeyStore }) {
  const on = useAppSend();
  const saving = AppActor.useSelector((s) => saveStatus(s.context)?.kind === 'saving');
  const identified = AppActor.useSelector((s) => s.context.operator !== null);
  useAskBeforeLeaving(saving);
  const lock = useMemo(
    () => () => {
      keys.lockAll();
      on.lockOperator();
    },
    [keys, on],
  );
  useIdleLock(identified, lock);
  return null;
}
