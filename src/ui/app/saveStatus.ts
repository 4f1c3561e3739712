import type { AuditEntry } from '../../record/ledger';
import type { Walkthrough } from '../../session/walkthrough';

/**
 * Whether this tab writes the open session: claiming its lock, writing it, or read-only because
 * another tab records it (`elsewhere`: it did when this one opened; `lost`: it took over since).
 */
export type WriterStatus = 'claiming' | 'writing' | 'elsewhere' | 'lost';

export const writesHere = ({ writer }: { writer: WriterStatus }) => writer === 'claiming' || writer === 'writing';

/** What the screen may say of the record: only what the store has confirmed is saved. */
export type SaveStatus =
  | { kind: 'saved'; entryCount: number; headHash: string }
  | { kind: 'saving'; entryCount: number; headHash: string }
  | { kind: 'unsaved'; entryCount: number; headHash: string }
  | { kind: 'readOnly'; entryCount: number; headHash: string };

export function saveStatus(context: {
  walkthrough: Walkthrough | null;
  ledger: AuditEntry[];
  storedCount: number;
  storageProblem: string | null;
  writer: WriterStatus;
}): SaveStatus | null {
  const { walkthrough, ledger, storedCount, storageProblem } = context;
  if (!walkthrough) return null;
  const stored = { entryCount: storedCount, headHash: ledger[storedCount - 1]?.hash ?? '' };
  if (!writesHere(context)) return { kind: 'readOnly', ...stored };
  if (walkthrough.events.length <= storedCount) return { kind: 'saved', ...stored };
  return { kind: storageProblem === null ? 'saving' : 'unsaved', ...stored };
}
