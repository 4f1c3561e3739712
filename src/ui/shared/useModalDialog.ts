import { useEffect, useRef } from 'react';

/** A `<dialog>` shown modally while `open`, closed otherwise; `onClosed` runs each time it is (or stays) closed. */
export function useModalDialog(open: boolean, onClosed: () => void) {
  const dialog = useRef<HTMLDialogElement>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: runs on open and close only, not when the caller's callback is new
  useEffect(() => {
    const element = dialog.current;
    if (!element) return;
    if (open && !element.open) element.showModal();
    if (!open && element.open) element.close();
    if (!open) onClosed();
  }, [open]);
  return dialog;
}
