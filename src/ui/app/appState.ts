import { original, produce } from 'immer';
import type { Actor } from '../../../machines/types';
import type { Scenario } from '../../../scenarios/schema';
import type { InputProblem } from '../../files/inputProblem';
import { type StoredSession, sessionIdOf } from '../../files/sessionStore';
import type { AuditEntry, DecisionPacket } from '../../record/ledger';
import type { Verification } from '../../record/verify';
import type { ThresholdProfile } from '../../session/profile';
import {
  moveTo,
  type OperatorAction,
  openWalkthrough,
  type Recorded,
  recordAction,
  recordThresholdSet,
  type Walkthrough,
} from '../../session/walkthrough';
import type { TemperatureUnit } from '../shared/units';

/** A recorded change: one action, or a whole threshold set (profile load, reset). */
export type PendingChange =
  | { kind: 'action'; action: OperatorAction }
  | { kind: 'thresholdSet'; values: Record<string, number>; reason: string };

export interface ImportedPacket {
  fileName: string;
  packet: DecisionPacket;
  verification: Verification;
}

export interface AppState {
  view: 'library' | 'walkthrough' | 'audit';
  /** The open session's audit trail, as stored (or kept in memory when storage failed). */
  ledger: AuditEntry[];
  /** Why the browser could not store the session, if it could not. */
  storageProblem: string | null;
  imported: ImportedPacket | null;
  library: Scenario[];
  defaultProfile: ThresholdProfile;
  walkthrough: Walkthrough | null;
  openProblems: InputProblem[];
  operator: Actor | null;
  /** A change waiting for the operator to say who they are. */
  pending: PendingChange | null;
  /** Why the last change was not recorded, if it was not. */
  refusal: string | null;
  temperatureUnit: TemperatureUnit;
}

export type AppAction =
  | { type: 'scenario.open'; scenario: Scenario; openedUtc: string }
  | { type: 'scenario.add'; scenario: Scenario; openedUtc: string }
  | { type: 'scenario.rejected'; problems: InputProblem[] }
  | { type: 'view.library' }
  | { type: 'view.walkthrough' }
  | { type: 'view.audit' }
  | { type: 'ledger.stored'; sessionId: string; entries: AuditEntry[] }
  | { type: 'storage.failed'; sessionId: string; entries: AuditEntry[]; reason: string }
  | { type: 'session.restore'; session: StoredSession }
  | { type: 'packet.imported'; imported: ImportedPacket }
  | { type: 'step.to'; cursor: number; wallClockUtc: string }
  | { type: 'step.by'; delta: number; wallClockUtc: string }
  | { type: 'change.request'; change: PendingChange; wallClockUtc: string }
  | { type: 'change.cancel' }
  | { type: 'operator.identify'; operator: Actor; wallClockUtc: string }
  | { type: 'units.toggle' };

export function initialAppState(
  library: Scenario[],
  defaultProfile: ThresholdProfile,
  restored?: StoredSession,
  storageProblem: string | null = null,
): AppState {
  return {
    view: restored ? 'walkthrough' : 'library',
    library,
    defaultProfile,
    walkthrough: restored?.walkthrough ?? null,
    ledger: restored?.entries ?? [],
    storageProblem,
    imported: null,
    openProblems: [],
    operator: restored?.operator ?? null,
    pending: null,
    refusal: null,
    temperatureUnit: '°C',
  };
}

function apply(walkthrough: Walkthrough, change: PendingChange, operator: Actor, wallClockUtc: string): Recorded {
  return change.kind === 'action'
    ? recordAction(walkthrough, change.action, operator, wallClockUtc)
    : recordThresholdSet(walkthrough, change.values, change.reason, operator, wallClockUtc);
}

export const appReducer = produce((draft: AppState, action: AppAction) => {
  // The session functions are pure over plain objects: hand them the untouched originals, never drafts.
  const base = original(draft) as AppState;
  switch (action.type) {
    case 'view.audit':
      draft.view = 'audit';
      break;
    case 'ledger.stored':
    case 'storage.failed':
      if (base.walkthrough && sessionIdOf(base.walkthrough) === action.sessionId) draft.ledger = action.entries;
      draft.storageProblem = action.type === 'storage.failed' ? action.reason : null;
      break;
    case 'session.restore':
      draft.walkthrough = action.session.walkthrough;
      draft.ledger = action.session.entries;
      draft.operator = action.session.operator;
      draft.view = 'walkthrough';
      draft.refusal = null;
      break;
    case 'packet.imported':
      draft.imported = action.imported;
      draft.view = 'audit';
      break;
    case 'scenario.add':
      draft.library = [...draft.library.filter((s) => s.id !== action.scenario.id), action.scenario];
      draft.openProblems = [];
      draft.walkthrough = openWalkthrough(action.scenario, base.defaultProfile, action.openedUtc);
      draft.ledger = [];
      draft.view = 'walkthrough';
      break;
    case 'scenario.open':
      draft.openProblems = [];
      draft.refusal = null;
      draft.walkthrough = openWalkthrough(action.scenario, base.defaultProfile, action.openedUtc);
      draft.ledger = [];
      draft.view = 'walkthrough';
      break;
    case 'scenario.rejected':
      draft.openProblems = action.problems;
      break;
    case 'view.library':
      draft.view = 'library';
      break;
    case 'view.walkthrough':
      if (draft.walkthrough) draft.view = 'walkthrough';
      break;
    case 'step.to':
    case 'step.by': {
      const w = base.walkthrough;
      if (!w) break;
      draft.walkthrough = moveTo(w, action.type === 'step.to' ? action.cursor : w.cursor + action.delta, action.wallClockUtc);
      draft.refusal = null;
      break;
    }
    case 'change.request': {
      const w = base.walkthrough;
      if (!w) break;
      if (!base.operator) {
        draft.pending = action.change;
        break;
      }
      const recorded = apply(w, action.change, base.operator, action.wallClockUtc);
      if (recorded.ok) draft.walkthrough = recorded.walkthrough;
      draft.refusal = recorded.ok ? null : recorded.reason;
      break;
    }
    case 'change.cancel':
      draft.pending = null;
      break;
    case 'operator.identify': {
      draft.operator = action.operator;
      const w = base.walkthrough;
      if (base.pending && w) {
        const recorded = apply(w, base.pending, action.operator, action.wallClockUtc);
        if (recorded.ok) draft.walkthrough = recorded.walkthrough;
        draft.refusal = recorded.ok ? null : recorded.reason;
      }
      draft.pending = null;
      break;
    }
    case 'units.toggle':
      draft.temperatureUnit = draft.temperatureUnit === '°C' ? '°F' : '°C';
      break;
  }
});
