/**
 * A team session's log as the walkthrough a console shows and records on, and each of an operator's
 * actions re-made as the next entry of whatever log the console holds. An entry is never made on a
 * console's own idea of the session: always on the verified log (and the console's own appends still
 * waiting in its outbox), through the same machine, so a stale action is re-made or refused by the
 * machine's own rules, never forced.
 */
import type { Scenario } from '../../../scenarios/schema';
import { type AuditEntry, eventsOf, extendLedger, type SignerFor } from '../../record/ledger';
import type { Actor } from '../../session/model';
import type { ThresholdProfile } from '../../session/profile';
import { replayWalkthrough } from '../../session/replayWalkthrough';
import {
  foldWalkthrough,
  frontier,
  moveTo,
  type Recorded,
  recordEvent,
  type Walkthrough,
  type WalkthroughEvent,
} from '../../session/walkthrough';
import type { SessionDetail } from '../protocol';

/** What a team session is made of before any entry: its scenario, its profile and when it was opened. */
export interface SessionBasis {
  scenario: Scenario;
  profile: ThresholdProfile;
  openedUtc: string;
}

/**
 * What an operator did, as data: reaching a scripted step, or an operator's event (the request as they
 * made it, without the stamps the machine puts on it at the head it lands on).
 */
export type TeamAction =
  | { kind: 'scripted'; step: number; wallClockUtc: string }
  | { kind: 'operator'; request: { type: string } & Record<string, unknown>; by: Actor; wallClockUtc: string };

/** What a session on the server is made of, as the console folds it. */
export const basisOf = (detail: SessionDetail): SessionBasis => ({
  scenario: detail.scenario,
  profile: detail.profile as ThresholdProfile,
  openedUtc: detail.openedUtc,
});

/** The log as a walkthrough at its latest step (or at `cursor`, when the console is reviewing an earlier one). */
export function walkthroughOfLog(basis: SessionBasis, entries: readonly AuditEntry[], cursor?: number): Walkthrough {
  const { scenario, profile, openedUtc } = basis;
  const replayed = replayWalkthrough({ scenario, profile, events: eventsOf({ scenario, entries: [...entries] }) }, openedUtc);
  const reached = frontier(replayed);
  return { ...replayed, cursor: cursor === undefined ? reached : Math.min(cursor, reached) };
}

/** The action behind a recorded event: a step reached, or the operator's request with its stamps taken off. */
export function actionOf({ scriptedStep, event, wallClockUtc }: WalkthroughEvent): TeamAction {
  if (scriptedStep !== undefined) return { kind: 'scripted', step: scriptedStep, wallClockUtc };
  const { at: _at, by, previousValue: _previous, ...request } = event as typeof event & { previousValue?: number };
  return { kind: 'operator', request, by, wallClockUtc };
}

export type Remade =
  | { ok: true; entry: AuditEntry }
  /** `reached`: a step someone else reached first (nothing to do); otherwise the machine's refusal. */
  | { ok: false; refusal: string; reached: boolean };

/** The entry `action` makes after `head` (the log held, then the console's own pending appends), or why not. */
export async function remakeEntry(
  basis: SessionBasis,
  head: readonly AuditEntry[],
  action: TeamAction,
  signerFor: SignerFor,
): Promise<Remade> {
  const onHead = walkthroughOfLog(basis, head);
  let next: Recorded;
  if (action.kind === 'scripted') {
    const reached = frontier(onHead);
    if (action.step !== reached)
      return {
        ok: false,
        reached: action.step < reached,
        refusal: `step ${action.step + 1} is not the next step of the session (it is at step ${reached})`,
      };
    next = { ok: true, walkthrough: moveTo(onHead, reached + 1, action.wallClockUtc) };
  } else {
    next = recordEvent(onHead, action.request as Parameters<typeof recordEvent>[1], action.by, action.wallClockUtc);
  }
  if (!next.ok) return { ok: false, refusal: next.reason, reached: false };
  const entries = await extendLedger(basis.scenario, basis.profile, head, foldWalkthrough(next.walkthrough), signerFor);
  const entry = entries[head.length];
  if (!entry || entries.length !== head.length + 1)
    return { ok: false, reached: false, refusal: 'the action did not make exactly one entry' };
  return { ok: true, entry };
}
