import type { Scenario } from '../../../scenarios/schema';
import type { SessionStore, StoredSession } from '../../files/sessionStore';
import type { AuditEntry, SignerFor } from '../../record/ledger';
import type { PublicKeyRecord } from '../../record/signing';
import type { Exploration } from '../../session/exploration';
import type { InputProblem } from '../../session/inputProblem';
import type { Actor, AssessedValue } from '../../session/model';
import type { OpenedScenario } from '../../session/openedScenario';
import type { ThresholdProfile } from '../../session/profile';
import type { Change, Walkthrough } from '../../session/walkthrough';
import type { TeamView } from '../../team/console/teamConsole';
import type { SessionSummary } from '../../team/protocol';
import type { ServerInfo } from '../../team/serverInfo';
import type { ImportedPacket } from '../audit';
import type { EditorRequest } from '../editor';
import type { TemperatureUnit } from '../shared/units';
import type { WriterStatus } from './saveStatus';

/**
 * What the walkthrough view is doing with the session: recording it; exploring an unrecorded copy
 * (changed freely, never recorded); or replaying an imported packet step by step, read-only.
 */
type Mode =
  | { kind: 'recording' }
  | { kind: 'exploring'; exploration: Exploration }
  | { kind: 'replaying'; fileName: string; walkthrough: Walkthrough };

/** The team server that served the page: its database and the key it signs checkpoints with. */
export interface TeamSetup {
  server: ServerInfo;
}

/** The team console, as the screen shows it. */
interface TeamState {
  setup: TeamSetup;
  /** The open session's log as this console verified it (null: the session is not on the server yet). */
  view: TeamView | null;
  /** The sessions on the server, as last listed. */
  sessions: SessionSummary[];
  /** The keys registered on the server, as last listed (the authority admits from them). */
  keys: PublicKeyRecord[];
  /** The last thing the server or the console could not do, in words. */
  problem: string | null;
}

/** What the screen asks of the team console. */
export type TeamCommand =
  | { type: 'team.join'; sessionId: string }
  | { type: 'team.admit'; key: PublicKeyRecord }
  | { type: 'team.listKeys' }
  | { type: 'team.listSessions' };

export interface AppContext {
  library: Scenario[];
  /** Scenarios opened from files, beside (never in place of) the built-in library. */
  openedScenarios: OpenedScenario[];
  defaultProfile: ThresholdProfile;
  walkthrough: Walkthrough | null;
  /** The open session's audit trail, as stored (or kept in memory when storage failed). */
  ledger: AuditEntry[];
  /** How many of the open session's entries the store has confirmed: what the screen may call saved. */
  storedCount: number;
  /** Whether this tab writes the open session, or shows it read-only because another tab does. */
  writer: WriterStatus;
  /** Why the browser could not store the session, if it could not. */
  storageProblem: string | null;
  imported: ImportedPacket | null;
  openProblems: InputProblem[];
  operator: Actor | null;
  /** A change waiting for the operator to say who they are. */
  pending: Change | null;
  /** Why the last change was not recorded, if it was not. */
  refusal: string | null;
  temperatureUnit: TemperatureUnit;
  mode: Mode;
  store: SessionStore | null;
  signerFor: SignerFor | undefined;
  /** Set when the page is served by a team server: sessions live there, not in this browser. */
  team: TeamState | null;
  /** What the editor opens on: the draft kept in this browser, or a new one (made by the editor's own code). */
  editorRequest: EditorRequest | null;
}

export type AppView = 'library' | 'walkthrough' | 'audit' | 'editor';

export type AppEvent =
  | { type: 'scenario.open'; scenario: Scenario; openedUtc: string }
  | { type: 'scenario.add'; scenario: Scenario; fileName: string; openedUtc: string }
  | { type: 'scenario.remove'; id: string }
  | { type: 'library.restored'; openedScenarios: OpenedScenario[] }
  | { type: 'scenario.rejected'; problems: InputProblem[] }
  | { type: 'view.library' }
  | { type: 'view.walkthrough' }
  | { type: 'view.audit' }
  /** The editor, on the draft kept in this browser (or a blank one). */
  | { type: 'view.editor' }
  /** The editor, on a new draft: blank, or copied from a library case. */
  | { type: 'editor.new'; request: EditorRequest }
  | { type: 'ledger.stored'; sessionId: string; entries: AuditEntry[] }
  /** `entries`: what is kept in memory instead (absent when the failure was not a write of entries). */
  | { type: 'storage.failed'; sessionId: string; entries?: AuditEntry[]; reason: string }
  | { type: 'session.restore'; session: StoredSession }
  /** Raised when another session than the one open is opened: its lock is claimed afresh. */
  | { type: 'session.opened' }
  /** This tab holds the session's lock; `stored` is the session as stored when it claimed it. */
  | { type: 'writer.granted'; sessionId: string; stored: StoredSession | undefined }
  | { type: 'writer.denied'; sessionId: string; stored: StoredSession | undefined; because: 'elsewhere' | 'lost' }
  /** The operator takes the open session over from the tab that records it. */
  | { type: 'writer.takeOver' }
  | { type: 'packet.imported'; imported: ImportedPacket }
  | { type: 'step.to'; cursor: number; wallClockUtc: string }
  | { type: 'step.by'; delta: number; wallClockUtc: string }
  | { type: 'change.request'; change: Change; wallClockUtc: string }
  | { type: 'operator.cancel' }
  | { type: 'operator.identify'; operator: Actor; wallClockUtc: string }
  | { type: 'operator.handover' }
  /** The operator's key was locked (idle too long): the next change asks who records it again. */
  | { type: 'operator.lock' }
  | { type: 'units.toggle' }
  | { type: 'packet.replay'; imported: ImportedPacket; openedUtc: string }
  | { type: 'replay.leave' }
  | { type: 'session.decideYourself'; wallClockUtc: string }
  | { type: 'explore.start' }
  | { type: 'explore.change'; change: Change; wallClockUtc: string }
  | { type: 'explore.try'; key: string; value: AssessedValue | null }
  | { type: 'explore.discard' }
  | { type: 'explore.adopt'; reason: string; wallClockUtc: string }
  | { type: 'explore.adopted'; change: Change; wallClockUtc: string }
  | TeamCommand
  /** The open session's log as the team console verified it, and the walkthrough it makes. */
  | { type: 'team.view'; sessionId: string; view: TeamView; walkthrough: Walkthrough }
  | { type: 'team.joined'; view: TeamView; walkthrough: Walkthrough }
  /** An action the machine refused on the log as it now stands: the refusal, and the log's walkthrough without it. */
  | { type: 'team.refused'; sessionId: string; words: string; walkthrough: Walkthrough }
  | { type: 'team.failed'; words: string }
  | { type: 'team.keys'; keys: PublicKeyRecord[] }
  | { type: 'team.sessions'; sessions: SessionSummary[] };

export interface AppInput {
  library: Scenario[];
  defaultProfile: ThresholdProfile;
  restored: StoredSession | undefined;
  storageProblem: string | null;
  /** Where the session is written; absent or null where the browser could not open a store. */
  store?: SessionStore | null;
  /** The key each entry's actor signs with (none: entries are stored unsigned). */
  signerFor?: SignerFor;
  /** Given when the page is served by a team server. */
  team?: TeamSetup | null;
}

/** The walkthrough on screen: a replayed packet, the unrecorded copy while exploring, or the session. */
export function shownWalkthrough({ mode, walkthrough }: Pick<AppContext, 'mode' | 'walkthrough'>): Walkthrough | null {
  if (mode.kind === 'replaying') return mode.walkthrough;
  if (mode.kind === 'exploring') return mode.exploration.walkthrough;
  return walkthrough;
}

export const explorationOf = ({ mode }: Pick<AppContext, 'mode'>): Exploration | null =>
  mode.kind === 'exploring' ? mode.exploration : null;
