import { type FormEvent, useState } from 'react';
import type { Actor } from '../../session/model';
import { useModalDialog } from '../shared/useModalDialog';

interface Props {
  /** Who seals the export; null while no export waits for a seal. */
  sealer: Actor | null;
  /** Unlocks the sealer's key with their passphrase and seals: null once sealed, else why not. */
  onSeal: (passphrase: string) => Promise<string | null>;
  onCancel: () => void;
}

/** A seal is the exporter's signature: their passphrase signs it, each time (21 CFR 11.200). */
export function SealDialog({ sealer, onSeal, onCancel }: Props) {
  const [refused, setRefused] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(sealer !== null, () => setRefused(null));
  const submit = async (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const form = event.currentTarget;
    const passphrase = String(new FormData(form).get('passphrase') ?? '');
    if (!passphrase) return;
    setBusy(true);
    const problem = await onSeal(passphrase).finally(() => setBusy(false));
    setRefused(problem);
    form.reset();
  };
  return (
    <dialog ref={dialog} aria-labelledby="seal-title" onCancel={onCancel} className="operator-dialog">
      {sealer && (
        <form onSubmit={(e) => void submit(e)} aria-busy={busy}>
          <h2 id="seal-title">
            Seal the export as {sealer.name} ({sealer.role})
          </h2>
          <p className="muted">The seal is your signature over every entry exported: your passphrase signs it.</p>
          <label>
            Passphrase <input name="passphrase" type="password" required autoComplete="current-password" />
          </label>
          {refused && (
            <p role="alert" className="field-error">
              {refused}
            </p>
          )}
          <div className="buttons">
            <button type="submit" disabled={busy}>
              {busy ? 'Unlocking…' : 'Seal and export'}
            </button>
            <button type="button" onClick={onCancel}>
              Cancel
            </button>
          </div>
        </form>
      )}
    </dialog>
  );
}
