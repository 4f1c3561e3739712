import { useEffect, useRef } from 'react';
import { type SessionStore, sessionIdOf } from '../../files/sessionStore';
import { type AuditEntry, extendLedger, type SignerFor } from '../../record/ledger';
import type { Actor } from '../../session/model';
import { foldWalkthrough, type Walkthrough } from '../../session/walkthrough';
import type { AppEvent } from './appMachine';

/**
 * After every change to the open session: write the new audit entries (from the walkthrough's own
 * fold: no event is transitioned again) and the session to the store, then hand the entries to the
 * UI, so nothing is shown as recorded before it is stored. Writes run one after another; when storage
 * fails, the entries stay in memory and a banner says so.
 */
export function useSessionPersistence(
  walkthrough: Walkthrough | null,
  operator: Actor | null,
  ledger: AuditEntry[],
  send: (event: AppEvent) => void,
  store: SessionStore | null,
  storeProblem: string | null,
  signerFor: SignerFor,
) {
  const queue = useRef(Promise.resolve());
  const ledgers = useRef(new Map<string, AuditEntry[]>());

  // The stored ledger seeds each session once; later entries come from this hook itself.
  // biome-ignore lint/correctness/useExhaustiveDependencies: ledger is read only as that seed
  useEffect(() => {
    if (!walkthrough) return;
    const sessionId = sessionIdOf(walkthrough);
    if (!ledgers.current.has(sessionId)) ledgers.current.set(sessionId, ledger);
    queue.current = queue.current.then(async () => {
      // Let the browser show the change first (effects of a key press run before the paint): the record follows in the next task.
      await new Promise((resolve) => requestAnimationFrame(() => setTimeout(resolve, 0)));
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
        await store.save({ id: sessionId, walkthrough, entries, operator, updatedUtc: new Date().toISOString() });
        send({ type: 'ledger.stored', sessionId, entries });
      } catch (error) {
        send({ type: 'storage.failed', sessionId, entries, reason: error instanceof Error ? error.message : String(error) });
      }
    });
  }, [walkthrough, operator, store, storeProblem, send, signerFor]);
}
