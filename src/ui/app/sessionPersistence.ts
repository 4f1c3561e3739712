import { fromCallback } from 'xstate';
import { NotWriterError, type SessionStore, sessionIdOf } from '../../files/sessionStore';
import { storageFailure } from '../../files/storageFailure';
import { type AuditEntry, extendLedger, type SignerFor } from '../../record/ledger';
import type { Actor } from '../../session/model';
import { foldWalkthrough, type Walkthrough } from '../../session/walkthrough';
import { afterTheDetailFrame } from '../shared/afterTheDetailFrame';
import type { AppEvent } from './appTypes';
import type { WriterStatus } from './saveStatus';
import { pageWriterId } from './writerLock';

/** What the app tells the persistence actor after each change of the open session, its operator or its writer. */
interface SessionChanged {
  type: 'session.changed';
  walkthrough: Walkthrough | null;
  operator: Actor | null;
  /** The ledger as stored: it seeds each tenure as writer; later entries come from the actor itself. */
  ledger: AuditEntry[];
  writer: WriterStatus;
}

interface SessionPersistenceInput {
  store: SessionStore | null;
  storeProblem: string | null;
  signerFor: SignerFor | undefined;
}

/** Stores a change once the page has drawn it, answer and detail (a hidden tab draws nothing: 100 ms after it). */
const afterItIsDrawn = () => new Promise<void>((resolve) => afterTheDetailFrame(resolve, 100));

/**
 * While this tab is the session's writer, writes each change: the new audit entries (from the
 * walkthrough's own fold: no event is transitioned again) and the session, one write after another.
 * The app hears `ledger.stored` only once the store confirmed the write, and calls it saved only then;
 * a failed write keeps the entries in memory (`storage.failed`); a write refused because another tab
 * claimed the session tells the app it `lost` it.
 */
export const sessionPersistence = fromCallback<SessionChanged, SessionPersistenceInput, AppEvent>(
  ({ input, receive, sendBack }) => {
    const { store, storeProblem, signerFor } = input;
    let queue = Promise.resolve();
    const ledgers = new Map<string, AuditEntry[]>();
    // A write queued before this tab lost the session (or before it took it back) is not written.
    let tenure = 0;
    let seen: Omit<SessionChanged, 'type' | 'ledger'> | null = null;
    let stopped = false;

    const write = async (walkthrough: Walkthrough, operator: Actor | null, sessionId: string, mine: number) => {
      await afterItIsDrawn();
      if (stopped || mine !== tenure) return;
      const entries = await extendLedger(
        walkthrough.scenario,
        walkthrough.profile,
        ledgers.get(sessionId) ?? [],
        foldWalkthrough(walkthrough),
        signerFor,
      );
      ledgers.set(sessionId, entries);
      if (!store) {
        sendBack({ type: 'storage.failed', sessionId, entries, reason: storeProblem ?? 'no session store' });
        return;
      }
      try {
        await store.save({ id: sessionId, walkthrough, entries, operator, updatedUtc: new Date().toISOString() }, pageWriterId);
        if (!stopped) sendBack({ type: 'ledger.stored', sessionId, entries });
      } catch (error) {
        if (error instanceof NotWriterError) {
          tenure++;
          const stored = await store.load(sessionId).catch(() => undefined);
          if (!stopped) sendBack({ type: 'writer.denied', sessionId, because: 'lost', stored });
        } else if (!stopped) sendBack({ type: 'storage.failed', sessionId, entries, reason: storageFailure(error) });
      }
    };

    receive(({ walkthrough, operator, ledger, writer }) => {
      if (seen && seen.walkthrough === walkthrough && seen.operator === operator && seen.writer === writer) return;
      seen = { walkthrough, operator, writer };
      if (writer !== 'writing') {
        tenure++;
        ledgers.clear();
        return;
      }
      if (!walkthrough) return;
      const sessionId = sessionIdOf(walkthrough);
      if (!ledgers.has(sessionId)) ledgers.set(sessionId, ledger);
      const mine = tenure;
      queue = queue.then(() => write(walkthrough, operator, sessionId, mine));
    });
    return () => {
      stopped = true;
    };
  },
);
