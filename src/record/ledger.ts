import { initialTransition, transition } from 'xstate';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import type { CrewReturnEvent, CrewReturnInput } from '../../machines/statechart/context';
import { crewReturnMachine } from '../../machines/statechart/crewReturnMachine';
import { decisionLogicVersion } from '../../machines/statechart/logicVersion';
import type { Actor } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import { type CrewReturnSnapshot, machineInput, type SessionEvent, standingRecommendation, stateName } from '../session/fold';
import type { ThresholdProfile } from '../session/profile';

/** A rule evaluation as the record keeps it: enough to re-check, small enough for long sessions. */
export interface RecordedEvaluation {
  rule: string;
  tier: string;
  crew?: number;
  vehicle?: string;
  mode?: string;
  value: number | null;
  threshold: number;
  margin: number | null;
  status: string;
}

/** What replaying an event through the machine produces; recorded, and re-derived on verification. */
export interface DerivedRecord {
  stateBefore: string;
  stateAfter: string;
  applied: boolean;
  recommendation: { outcome: string; decidingRow: string } | null;
  decision: { outcome: string; kind: string } | null;
  evaluations: RecordedEvaluation[];
  thresholds: Record<string, number>;
}

export interface AuditEntry extends Omit<DerivedRecord, 'thresholds'> {
  seq: number;
  /** The decision logic that derived this entry; absent in entries written before versions were recorded (1). */
  logicVersion?: number;
  wallClockUtc: string;
  scenarioTimeUtc: string;
  actor: Actor;
  eventType: string;
  payload: Record<string, unknown>;
  profile: { id: string; version: string; hash: string };
  previousHash: string;
  hash: string;
}

export interface DecisionPacket {
  format: 'crew-return-decision-packet';
  formatVersion: 1;
  scenario: Scenario;
  profile: ThresholdProfile;
  entryCount: number;
  headHash: string;
  entries: AuditEntry[];
}

function compact(e: RuleEvaluation): RecordedEvaluation {
  return {
    rule: e.ruleId,
    tier: e.tier,
    ...(e.crewCount === undefined ? {} : { crew: e.crewCount }),
    ...(e.vehicleId === undefined ? {} : { vehicle: e.vehicleId }),
    ...(e.descentModeId === undefined ? {} : { mode: e.descentModeId }),
    value: e.value,
    threshold: e.threshold,
    margin: e.margin,
    status: e.status,
  };
}

function derive(before: CrewReturnSnapshot, after: CrewReturnSnapshot): DerivedRecord {
  const { recommendation } = standingRecommendation(after.context);
  const decision = after.context.decision;
  return {
    stateBefore: stateName(before.value),
    stateAfter: stateName(after.value),
    applied: after !== before,
    recommendation: recommendation ? { outcome: recommendation.outcome, decidingRow: recommendation.decidingRow } : null,
    decision: decision ? { outcome: decision.outcome, kind: decision.kind } : null,
    evaluations: recommendation ? recommendation.rows.flatMap((row) => row.evaluations.map(compact)) : [],
    thresholds: { ...after.context.thresholds },
  };
}

/** Folds the events through the machine and derives, for each, what the record says it produced. */
export function deriveRecords(input: CrewReturnInput, events: readonly SessionEvent[]): DerivedRecord[] {
  return deriveFrom(initialTransition(crewReturnMachine, input)[0], events).map(({ record }) => record);
}

/** The machine state after each entry this page wrote, so appending resumes instead of replaying all. */
const snapshotAfter = new WeakMap<AuditEntry, CrewReturnSnapshot>();

function deriveFrom(snapshot: CrewReturnSnapshot, events: readonly SessionEvent[]) {
  const derived: { record: DerivedRecord; after: CrewReturnSnapshot }[] = [];
  for (const { event } of events) {
    const after = snapshot.status === 'done' ? snapshot : transition(crewReturnMachine, snapshot, event)[0];
    derived.push({ record: derive(snapshot, after), after });
    snapshot = after;
  }
  return derived;
}

/** The hash before the first entry binds the scenario and the base profile into the chain. */
export function genesisHash(scenario: Scenario, profile: ThresholdProfile): Promise<string> {
  return sha256Hex(canonicalJson({ scenario, profile }));
}

export function entryHash(entry: Omit<AuditEntry, 'hash'>): Promise<string> {
  return sha256Hex(canonicalJson(entry));
}

/**
 * Appends entries for `events` (all the session's recorded events, in order) beyond those already
 * in `ledger`. Existing entries are never touched: a correction is a new event.
 */
export async function extendLedger(
  scenario: Scenario,
  profile: ThresholdProfile,
  ledger: readonly AuditEntry[],
  events: readonly SessionEvent[],
): Promise<AuditEntry[]> {
  if (events.length <= ledger.length) return [...ledger];
  const last = ledger.at(-1);
  const initial = () => initialTransition(crewReturnMachine, machineInput(scenario, profile))[0];
  const resumeFrom = last ? snapshotAfter.get(last) : initial();
  // Entries restored from storage have no snapshot here: derive everything once, then resume from the new ones.
  const fresh = resumeFrom
    ? deriveFrom(resumeFrom, events.slice(ledger.length))
    : deriveFrom(initial(), events).slice(ledger.length);
  const hashByThresholds = new Map<string, Promise<string>>();
  const entries = [...ledger];
  let previousHash = entries.at(-1)?.hash ?? (await genesisHash(scenario, profile));
  for (let i = ledger.length; i < events.length; i++) {
    const { wallClockUtc, event } = events[i] as SessionEvent;
    const { record, after } = fresh[i - ledger.length] as (typeof fresh)[number];
    const { thresholds, ...derived } = record;
    const thresholdsJson = canonicalJson(thresholds);
    if (!hashByThresholds.has(thresholdsJson)) hashByThresholds.set(thresholdsJson, sha256Hex(thresholdsJson));
    const { type, at, by, ...payload } = event;
    const entry: Omit<AuditEntry, 'hash'> = {
      seq: i + 1,
      logicVersion: decisionLogicVersion,
      wallClockUtc,
      scenarioTimeUtc: at,
      // Copies, not references: an entry must not share objects with the scenario it was made from.
      actor: { name: by.name, role: by.role },
      eventType: type,
      payload: structuredClone(payload),
      ...derived,
      profile: {
        id: profile.id,
        version: profile.version,
        hash: await (hashByThresholds.get(thresholdsJson) as Promise<string>),
      },
      previousHash,
    };
    previousHash = await entryHash(entry);
    // Stored in canonical key order, so verifying it later can serialize it natively.
    const stored: AuditEntry = JSON.parse(canonicalJson({ ...entry, hash: previousHash }));
    snapshotAfter.set(stored, after);
    entries.push(stored);
  }
  return entries;
}

/** Everything in a packet is covered by the chain; when it was made is its last entry's time. */
export function makePacket(scenario: Scenario, profile: ThresholdProfile, entries: AuditEntry[]): DecisionPacket {
  return {
    format: 'crew-return-decision-packet',
    formatVersion: 1,
    scenario,
    profile,
    entryCount: entries.length,
    headHash: entries.at(-1)?.hash ?? '',
    entries,
  };
}

/** The session events an audit trail records, rebuilt from its entries for replay. */
export function eventsOf(entries: readonly AuditEntry[]): SessionEvent[] {
  return entries.map((entry) => ({
    seq: entry.seq,
    wallClockUtc: entry.wallClockUtc,
    event: { ...entry.payload, type: entry.eventType, at: entry.scenarioTimeUtc, by: entry.actor } as CrewReturnEvent,
  }));
}
