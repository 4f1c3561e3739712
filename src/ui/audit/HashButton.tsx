import { shortHash } from './recordIdentity';

interface Props {
  hash: string;
  /** What the hash is of, e.g. "entry 12": for screen readers and the copy notice. */
  of: string;
  /** Shown in full (the details pane) or shortened (a table cell). */
  full?: boolean;
  tabIndex?: number;
  onCopied: (notice: string) => void;
}

/** A hash as text (its full value on hover); pressing it copies the full value. */
export function HashButton({ hash, of, full = false, tabIndex, onCopied }: Props) {
  const copy = () =>
    // Without a secure context there is no clipboard: the promise chain turns that into the refusal notice too.
    Promise.resolve()
      .then(() => navigator.clipboard.writeText(hash))
      .then(() => onCopied(`Hash of ${of} copied: ${hash}`))
      .catch(() => onCopied(`Could not copy the hash of ${of} (the browser refused); it is shown in full in the entry details.`));
  return (
    <button
      type="button"
      className={full ? 'hash hash-full' : 'hash'}
      title={`${hash} (press to copy)`}
      tabIndex={tabIndex}
      onClick={() => void copy()}
    >
      <code>{full ? hash : shortHash(hash)}</code>
      <span className="visually-hidden"> (copy the full hash of {of})</span>
    </button>
  );
}
