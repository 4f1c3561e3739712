import { type FormEvent, memo, useState } from 'react';
import type { Actor } from '../../session/model';
import { useModalDialog } from '../shared/useModalDialog';
import { idleLockMinutes } from './useIdleLock';

/** Unlocks (or makes) the person's key: null once it is theirs, else why not and whether a new key may be made. */
export type Identify = (
  operator: Actor,
  passphrase: string,
  newIdentity: boolean,
) => Promise<{ problem: string; existing: string[] } | null>;

interface Props {
  open: boolean;
  /** The operator handing over, at a shift change; null when nobody has been identified yet. */
  handover: Actor | null;
  /** The operator signing a decision, who re-enters their passphrase alone (21 CFR 11.200); null otherwise. */
  signingAs: Actor | null;
  onIdentify: Identify;
  onCancel: () => void;
}

/**
 * Asked the first time a change is to be recorded, after a reload or an idle lock, and at a handover:
 * a name, a role and the person's passphrase, which alone unlocks their signing key.
 */
export const OperatorDialog = memo(function OperatorDialog({ open, handover, signingAs, onIdentify, onCancel }: Props) {
  const [refused, setRefused] = useState<{ problem: string; existing: string[]; who: Actor } | null>(null);
  const [busy, setBusy] = useState(false);
  const dialog = useModalDialog(open, () => setRefused(null));

  const identify = async (form: HTMLFormElement, newIdentity: boolean) => {
    const data = new FormData(form);
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? '').trim();
    const passphrase = String(data.get('passphrase') ?? '');
    if (!name || !role || !passphrase) return;
    setBusy(true);
    const result = await onIdentify({ name, role }, passphrase, newIdentity).finally(() => setBusy(false));
    setRefused(result && { ...result, who: { name, role } });
    if (!result) form.reset();
  };
  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    void identify(event.currentTarget, false);
  };

  return (
    <dialog ref={dialog} aria-labelledby="operator-title" onCancel={onCancel} className="operator-dialog">
      <form onSubmit={submit} aria-busy={busy}>
        <h2 id="operator-title">
          {signingAs
            ? `Sign as ${signingAs.name} (${signingAs.role})`
            : handover
              ? 'Who takes over?'
              : 'Who is recording this change?'}
        </h2>
        <p className="muted">
          {signingAs
            ? 'A decision is your signature: your passphrase signs it, each time.'
            : handover
              ? `${handover.name} (${handover.role}) hands over. The handover is recorded in the open session (from whom, to whom, when), and changes from now on carry the next operator's name and role.`
              : 'Every change is recorded with your name and role, and signed with your key, which only your passphrase unlocks.'}
        </p>
        {signingAs ? (
          <>
            <input type="hidden" name="name" value={signingAs.name} />
            <input type="hidden" name="role" value={signingAs.role} />
          </>
        ) : (
          <>
            <label>
              Name <input name="name" required autoComplete="name" />
            </label>
            <label>
              Role <input name="role" required placeholder="e.g. flight director" />
            </label>
          </>
        )}
        <label>
          Passphrase <input name="passphrase" type="password" required autoComplete="current-password" />
        </label>
        <p className="muted">
          The first time you identify in this browser, your passphrase makes your key: keep it to yourself. A reload, or{' '}
          {idleLockMinutes} minutes without a key press or a click, locks it again.
        </p>
        {refused && (
          <div role="alert" className="field-error">
            <p>{refused.problem}</p>
            {refused.existing.length > 0 && !signingAs && (
              <p>
                If you are {refused.who.name} and have lost your passphrase, make a new key: it is a new identity (a new
                fingerprint), which everyone who checks your signatures must trust anew.{' '}
                <button
                  type="button"
                  disabled={busy}
                  onClick={(e) => {
                    const form = e.currentTarget.form;
                    if (form) void identify(form, true);
                  }}
                >
                  Make a new key for {refused.who.name} ({refused.who.role})
                </button>
              </p>
            )}
          </div>
        )}
        <div className="buttons">
          <button type="submit" disabled={busy}>
            {busy ? 'Unlocking…' : signingAs ? 'Sign' : 'Record as me'}
          </button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
});
