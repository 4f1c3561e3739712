import { lazy, Suspense, useState } from 'react';
import type { KeyStore } from '../../files/keyStore';
import { signsWithMeaning } from '../../session/walkthrough';
import { AppActor, identifying } from './appActor';
import type { Identify } from './OperatorDialog';
import { useAppSend } from './useAppSend';

/** Asked for only when a change is first recorded: its code comes then, not with the first screen (~1 kB gzip). */
const OperatorDialog = lazy(() => import('./OperatorDialog').then((m) => ({ default: m.OperatorDialog })));

/** Who records: asked by the app's operator region; the key is unlocked (or made) by their passphrase before anything is signed. */
export function OperatorDialogScreen({ keys, onUnlocked }: { keys: KeyStore; onUnlocked: (fingerprint: string) => void }) {
  const on = useAppSend();
  const open = AppActor.useSelector(identifying);
  // Mounted from its first opening on, so that closing it is the dialog's own (focus goes back where it was).
  const [asked, setAsked] = useState(open);
  if (open && !asked) setAsked(true);
  const operator = AppActor.useSelector((s) => s.context.operator);
  const signingAs = AppActor.useSelector((s) =>
    s.context.operator && s.context.pending && signsWithMeaning(s.context.pending) ? s.context.operator : null,
  );
  const onIdentify: Identify = async (actor, passphrase, newIdentity) => {
    const unlocked = await keys.unlock(actor, passphrase, { newIdentity });
    if (!unlocked.ok) return { problem: unlocked.reason, existing: unlocked.existing };
    onUnlocked(unlocked.signer.fingerprint);
    on.identify(actor);
    return null;
  };
  if (!asked) return null;
  return (
    <Suspense fallback={null}>
      <OperatorDialog
        open={open}
        handover={operator}
        signingAs={signingAs}
        onIdentify={onIdentify}
        onCancel={on.cancelIdentify}
      />
    </Suspense>
  );
}
