import { useEffect, useRef } from 'react';
import { NotWriterError, type SessionStore, sessionIdOf } from '../../files/sessionStore';
import { storageFailure } from '../../files/storageFailure';
import { type AuditEntry, extendLedger, type SignerFor } from '../../record/ledger';
import type { Actor } from '../../session/model';
import { foldWalkthrough, type Walkthrough } from '../../session/walkthrough';
import type { AppEvent } from './appMachine';
import type { WriterStatus } from './saveStatus';
import { pageWriterId } from './writerLock';

/**
 * After every change to the open session, while this tab is its writer: write the new audit entries
 * (from the walkthrough's own fold: no event is transitioned again) and the session to the store,
 * then tell the app, which calls them saved only then. Writes run one after another, off the
 * frame that shows the change; when storage fails, the entries stay in memory and a banner says so.
 */
export function useSessionPersistence(
  walkthrough: Walkthrough | null,
  operator: Actor | null,
  ledger: AuditEntry[],
  writer: WriterStatus,
  send: (event: AppEvent) => void,
  store: SessionStore | null,
  storeProblem: string | null,
  signerFor: SignerFor,
) {
  const queue = useRef(Promise.resolve());
  const ledgers = useRef(new Map<string, AuditEntry[]>());
  // A write queued before this tab lost the session (or before it took it back) is not written.
  const tenure = useRef(0);

  // The ledger as stored seeds each tenure as writer; later entries come from this hook itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: ledger is read only as that seed
  useEffect(() => {
    if (writer !== 'writing') {
      tenure.current++;
      ledgers.current.clear();
      return;
    }
    if (!walkthrough) return;
    const sessionId = sessionIdOf(walkthrough);
    if (!ledgers.current.has(sessionId)) ledgers.current.set(sessionId, ledger);
    const mine = tenure.current;
    queue.current = queue.current.then(async () => {
      // Let the browser show the change first (effects of a key press run before the paint): the record follows in the next task.
      // A hidden tab paints no frame: it writes 100 ms after the change.
      await new Promise((resolve) => {
        requestAnimationFrame(() => setTimeout(resolve, 0));
        setTimeout(resolve, 100);
      });
      if (mine !== tenure.current) return;
      const previous = ledgers.current.get(sessionId) ?? [];
      const entries = await extendLedger(
        walkthrough.scenario,
        walkthrough.profile,
        previous,
        foldWalkthrough(walkthrough),
        signerFor,
      );
      ledgers.current.set(sessionId, entries);
      if (!store) {
        send({ type: 'storage.failed', sessionId, entries, reason: storeProblem ?? 'no session store' });
        return;
      }
      try {
        await store.save({ id: sessionId, walkthrough, entries, operator, updatedUtc: new Date().toISOString() }, pageWriterId);
        send({ type: 'ledger.stored', sessionId, entries });
      } catch (error) {
        if (error instanceof NotWriterError) {
          tenure.current++;
          const stored = await store.load(sessionId).catch(() => undefined);
          send({ type: 'writer.denied', sessionId, because: 'lost', stored });
        } else send({ type: 'storage.failed', sessionId, entries, reason: storageFailure(error) });
      }
    });
  }, [walkthrough, operator, writer, store, storeProblem, send, signerFor]);
}
