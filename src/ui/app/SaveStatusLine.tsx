import type { SaveStatus } from './saveStatus';

const words: Record<SaveStatus['kind'], string> = {
  saved: 'Saved',
  saving: 'Saving…',
  unsaved: 'Not saved: kept in memory',
  readOnly: 'Read-only here',
};

/**
 * What the store has confirmed, and only that: a change is on screen at once, marked saving until
 * its entry is stored. The stored count and head hash are in data attributes for tests to compare.
 */
export function SaveStatusLine({ status }: { status: SaveStatus | null }) {
  if (!status) return null;
  return (
    <span
      className={`save-status ${status.kind}`}
      role="status"
      data-testid="save-status"
      data-kind={status.kind}
      data-stored-entries={status.entryCount}
      data-stored-head={status.headHash}
    >
      {/* The word's slot is as wide as "Saving…" at least: saved and saving alternate with every change, and
          the header must not wrap differently with each (it moved the console at 1024×768). */}
      <span className="save-word">
        <span className="save-word-room" aria-hidden="true">
          {words.saving}
        </span>
        <span>{words[status.kind]}</span>
      </span>{' '}
      <span className="muted">({status.entryCount} entries stored)</span>
    </span>
  );
}
