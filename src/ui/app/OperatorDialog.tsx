import { type FormEvent, useEffect, useRef } from 'react';
import type { Actor } from '../../../machines/types';

interface Props {
  open: boolean;
  onIdentify: (operator: Actor) => void;
  onCancel: () => void;
}

/** Asked once per session, the first time a change is to be recorded. */
export function OperatorDialog({ open, onIdentify, onCancel }: Props) {
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
        <h2 id="operator-title">Who is recording this change?</h2>
        <p className="muted">Every change is recorded with your name and role. You are asked once per session.</p>
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
}
