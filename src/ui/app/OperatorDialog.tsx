import { type FormEvent, memo, useEffect, useRef } from 'react';
import type { Actor } from '../../session/model';

interface Props {
  open: boolean;
  /** The operator handing over, at a shift change; null when nobody has been identified yet. */
  handover: Actor | null;
  onIdentify: (operator: Actor) => void;
  onCancel: () => void;
}

/** Asked the first time a change is to be recorded, and at a handover to the next operator. */
export const OperatorDialog = memo(function OperatorDialog({ open, handover, onIdentify, onCancel }: Props) {
  const dialog = useRef<HTMLDialogElement>(null);
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
  }, [open]);

  const submit = (event: FormEvent<HTMLFormElement>) => {
    event.preventDefault();
    const data = new FormData(event.currentTarget);
    const name = String(data.get('name') ?? '').trim();
    const role = String(data.get('role') ?? '').trim();
    if (name && role) onIdentify({ name, role });
  };

  return (
    <dialog ref={dialog} aria-labelledby="operator-title" onCancel={onCancel} className="operator-dialog">
      <form onSubmit={submit}>
        <h2 id="operator-title">{handover ? 'Who takes over?' : 'Who is recording this change?'}</h2>
        <p className="muted">
          {handover
            ? `${handover.name} (${handover.role}) hands over. The handover is recorded in the open session (from whom, to whom, when), and changes from now on carry the next operator's name and role.`
            : 'Every change is recorded with your name and role.'}
        </p>
        <label>
          Name <input name="name" required autoComplete="name" />
        </label>
        <label>
          Role <input name="role" required placeholder="e.g. flight director" />
        </label>
        <div className="buttons">
          <button type="submit">Record as me</button>
          <button type="button" onClick={onCancel}>
            Cancel
          </button>
        </div>
      </form>
    </dialog>
  );
});
