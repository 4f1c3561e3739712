/**
 * The one answer to "what was decided": every presenter (CLI, app, Markdown, CSV, JSON report,
 * printed record) reads this and works nothing out again.
 */
import { decidingEvaluations } from '../../machines/policy/answer';
import {
  type ContingencyTrigger,
  type CrewSwap,
  consideredRows,
  type PolicyRowId,
  type Recommendation,
  type UncrewedDeparture,
} from '../../machines/policy/policy';
import type { SeatAssignment } from '../../machines/policy/seatPlan';
import { thresholdDefinitionByKey, thresholdValue } from '../../machines/policy/thresholds';
import type { EvaluationScope, RuleEvaluation } from '../../machines/rules/evaluate';
import { allRules } from '../../machines/rules/flightRules';
import type { CrewReturnEvent } from '../../machines/statechart/events';
import {
  type Poll,
  type PollAnswer,
  type PollClosing,
  type PollDisposition,
  type PollTally,
  pollTally,
} from '../../machines/statechart/poll';
import { stateName } from '../../machines/statechart/stateName';
import type { Actor, DecidableOutcome, MissionSetup, OutcomeId } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import { type SessionFold, snapshotAfter, standingRecommendation } from './fold';
import { isDecisionEvent, statedOutcomeOf } from './history';
import { changedFrom, type ThresholdProfile } from './profile';

export interface TakenDecision {
  kind: 'confirmed' | 'overridden' | 'automatic';
  outcome: DecidableOutcome;
  by: Actor;
  /** Scenario time of the deciding event. */
  atUtc: string;
  /** When it was recorded (wall clock) and as which entry. */
  recordedUtc: string;
  seq: number;
  rationale: string;
  /** What the policy recommended at that moment. */
  recommended: OutcomeId;
  /** The scenario's own scripted decision (history, in a historical scenario), not an operator's. */
  scripted: boolean;
  /** The number of the GO/NO-GO poll taken before it (see the record's polls); null without one. */
  poll: number | null;
  /** What the decision authority did with that poll's formal dissents; null without one. */
  pollDisposition: RecordPoll['disposition'];
  /** A scripted decision that takes another outcome than the file says was decided: that outcome; else null. */
  statedOutcomeDiffers: OutcomeId | null;
  /** The entry of the last Monte Carlo result attached before the decision: what it was taken on; null without one. */
  takenOnOdds: number | null;
}

/** A GO/NO-GO poll as recorded: each answer with the entry that holds it (and its signature). */
export interface RecordPoll {
  number: number;
  outcome: DecidableOutcome;
  openedBy: Actor;
  openedUtc: string;
  seq: number;
  positions: readonly string[];
  /** Each answer with the entry that holds it, and when that entry was recorded (wall clock): the order of the calls. */
  answers: (PollAnswer & { seq: number; wallClockUtc: string })[];
  tally: PollTally;
  /** What the decision authority did with the formal dissents, with the entry that holds it; null while none is recorded. */
  disposition: (PollDisposition & { seq: number }) | null;
  closed: PollClosing | null;
}

/** A rule evaluation in words and numbers: what it was about, its value, limit, unit, margin and result. */
export interface RecordRule {
  rule: string;
  statement: string;
  /** Crew option, vehicle or descent mode it was evaluated for. */
  subject: string;
  tier: string;
  value: number | null;
  nominalValue: number | null;
  comparator: '<=' | '>=';
  threshold: number;
  thresholdKey: string;
  unit: string;
  margin: number | null;
  status: string;
  valueSource: string | null;
}

interface RecordRecommendation {
  /** `at-decision`: what the decision was checked against; `standing`: no decision yet, the recommendation now. */
  basis: 'at-decision' | 'standing';
  outcome: OutcomeId;
  decidingRow: { id: PolicyRowId; index: number; statement: string; reason: string };
  /** The rows that decided: those above (why they did not match) and the deciding one. */
  rows: { id: PolicyRowId; index: number; statement: string; outcome: OutcomeId; matched: boolean; reason: string }[];
  /**
   * The deciding row's rules for the chosen crew option, and the failures that ruled out the options
   * preferred to it; where the row has none (escalate), the rules that failed above it.
   */
  decidingRules: RecordRule[];
  seatPlan: SeatAssignment[] | null;
  crewAboardDamagedVehicle: number | null;
  descentModeId: string | null;
  damagedVehicleLeavesUncrewed: UncrewedDeparture | null;
  /** Continuing with a rescue prepared: what would launch it. */
  contingency: ContingencyTrigger | null;
  /** A crew swap: the vehicle that takes this crew home, who waits, and with or without a lifeboat. */
  crewSwap: CrewSwap | null;
}

export interface ThresholdsInForce {
  /** `decision`: the thresholds the decision was made under; `now`: those in force at the end. */
  at: 'decision' | 'now';
  profile: { id: string; version: string };
  /** Every value that differs from the profile. */
  changed: { key: string; label: string; unit: string; value: number; profileValue: number | null }[];
}

export interface DecisionRecord {
  scenario: { id: string; title: string; kind: string };
  finalState: string;
  /** The decision taken; else the standing recommendation; else `nominal-return` (home, no anomaly) or `undecided`. */
  outcome: OutcomeId;
  outcomeBasis: 'decision' | 'standing recommendation' | 'no anomaly' | 'nothing decided';
  decision: TakenDecision | null;
  recommendation: RecordRecommendation | null;
  thresholds: ThresholdsInForce;
  /** Every poll taken, in order; formal dissents are marked for escalation in each tally. */
  polls: RecordPoll[];
  /** Every Monte Carlo result attached to the record, with its entry. */
  odds: RecordOdds[];
  entryCount: number;
}

type RecordOdds = Extract<CrewReturnEvent, { type: 'odds.attach' }> & { seq: number };

/** The record of a session folded through its first `upTo` steps (all by default). */
export function decisionRecord(
  scenario: Scenario,
  profile: ThresholdProfile,
  fold: SessionFold,
  upTo = fold.steps.length,
): DecisionRecord {
  const snapshot = snapshotAfter(fold, upTo);
  const { context } = snapshot;
  const decided = context.decision;
  const step = decided ? fold.steps.slice(0, upTo).find((s) => s.after.context.decision === decided) : undefined;
  const polls = context.polls.map((poll) => recordPoll(poll, fold, upTo));
  const odds = fold.steps
    .slice(0, upTo)
    .flatMap((s): RecordOdds[] => (s.event.type === 'odds.attach' ? [{ ...s.event, seq: s.seq }] : []));
  // Whose the decision is, as its entry records it: the script's step, or an operator's.
  const scripted = step?.scriptedStep !== undefined && isDecisionEvent(step.event);
  const stated = step?.scriptedStep === undefined ? null : statedOutcomeOf(scenario, step.scriptedStep);
  const decision: TakenDecision | null =
    decided && step
      ? {
          kind: decided.kind,
          outcome: decided.outcome,
          by: decided.by,
          atUtc: decided.atUtc,
          recordedUtc: step.wallClockUtc,
          seq: step.seq,
          rationale: decided.rationale,
          recommended: decided.recommendation.outcome,
          scripted,
          poll: decided.poll,
          pollDisposition: decided.poll === null ? null : (polls[decided.poll - 1]?.disposition ?? null),
          statedOutcomeDiffers: scripted && stated !== null && stated !== decided.outcome ? stated : null,
          takenOnOdds: odds.filter((o) => o.seq < step.seq).at(-1)?.seq ?? null,
        }
      : null;
  const recommendation = decided ? decided.recommendation : standingRecommendation(context).recommendation;
  const home = snapshot.hasTag('leftStation');
  const outcome: OutcomeId = decision?.outcome ?? recommendation?.outcome ?? (home ? 'nominal-return' : 'undecided');
  const outcomeBasis = decision
    ? 'decision'
    : recommendation
      ? 'standing recommendation'
      : home
        ? 'no anomaly'
        : 'nothing decided';
  const thresholds = decided ? decided.basis.thresholds : context.thresholds;
  return {
    scenario: { id: scenario.id, title: scenario.title, kind: scenario.kind },
    finalState: stateName(snapshot.value),
    outcome,
    outcomeBasis,
    decision,
    recommendation: recommendation && recordRecommendation(recommendation, decided ? 'at-decision' : 'standing', context.setup),
    thresholds: {
      at: decided ? 'decision' : 'now',
      profile: { id: profile.id, version: profile.version },
      changed: changedFrom(profile.values, thresholds).map(([key, value]) => {
        const definition = thresholdDefinitionByKey.get(key);
        return {
          key,
          label: definition?.label ?? key,
          unit: definition?.unit ?? '',
          value,
          profileValue: thresholdValue(profile.values, key) ?? null,
        };
      }),
    },
    polls,
    odds,
    entryCount: upTo,
  };
}

/** A poll and the entries that opened and answered it: the first steps whose state holds them. */
function recordPoll(poll: Poll, fold: SessionFold, upTo: number): RecordPoll {
  const steps = fold.steps.slice(0, upTo);
  const firstWith = (holds: (polls: readonly Poll[]) => boolean) => steps.find((s) => holds(s.after.context.polls))?.seq ?? 0;
  return {
    number: poll.number,
    outcome: poll.outcome,
    openedBy: poll.openedBy,
    openedUtc: poll.openedUtc,
    seq: firstWith((polls) => polls.length >= poll.number),
    positions: poll.positions,
    // An answer is made once and carried into every later state, so the state holding it is its entry's.
    answers: poll.answers.map((answer) => {
      const seq = firstWith((polls) => polls[poll.number - 1]?.answers.includes(answer) ?? false);
      return { ...answer, seq, wallClockUtc: steps.find((s) => s.seq === seq)?.wallClockUtc ?? '' };
    }),
    tally: pollTally(poll),
    disposition: poll.disposition
      ? { ...poll.disposition, seq: firstWith((polls) => polls[poll.number - 1]?.disposition === poll.disposition) }
      : null,
    closed: poll.closed,
  };
}

function recordRecommendation(
  recommendation: Recommendation,
  basis: RecordRecommendation['basis'],
  setup: MissionSetup,
): RecordRecommendation {
  const rows = consideredRows(recommendation);
  const deciding = rows.at(-1) as (typeof rows)[number];
  const evaluations = decidingEvaluations(recommendation);
  return {
    basis,
    outcome: recommendation.outcome,
    decidingRow: { id: deciding.id, index: rows.length, statement: deciding.statement, reason: deciding.reason },
    rows: rows.map((row, i) => ({
      id: row.id,
      index: i + 1,
      statement: row.statement,
      outcome: row.outcome,
      matched: row.matched,
      reason: row.reason,
    })),
    decidingRules: evaluations.map((e) => recordRule(e, setup)),
    seatPlan: recommendation.seatPlan,
    crewAboardDamagedVehicle: recommendation.crewAboardDamagedVehicle,
    descentModeId: recommendation.descentModeId,
    damagedVehicleLeavesUncrewed: recommendation.damagedVehicleLeavesUncrewed,
    contingency: recommendation.contingency,
    crewSwap: recommendation.crewSwap,
  };
}

const ruleStatement = new Map(allRules.map((r) => [r.id, r.statement]));

export function recordRule(e: RuleEvaluation, setup: MissionSetup): RecordRule {
  return {
    rule: e.ruleId,
    statement: ruleStatement.get(e.ruleId) ?? e.ruleId,
    subject: evaluationSubject(e, setup),
    tier: e.tier,
    value: e.value,
    nominalValue: e.nominalValue,
    comparator: e.comparator,
    threshold: e.threshold,
    thresholdKey: e.thresholdKey,
    unit: e.unit,
    margin: e.margin,
    status: e.status,
    valueSource: e.valueSource,
  };
}

/** What a rule was evaluated for: the crew option, and a vehicle (by name) or a descent mode. */
export function evaluationSubject(e: EvaluationScope, setup: MissionSetup): string {
  const crew = e.crewCount === undefined ? '' : `${e.crewCount} crew`;
  const vehicle = e.vehicleId
    ? ([setup.damagedVehicle, ...setup.otherVehicles].find((v) => v.id === e.vehicleId)?.name ?? e.vehicleId)
    : '';
  const mode = e.descentModeId ? `${e.descentModeId} mode` : '';
  return [crew, vehicle, mode].filter(Boolean).join(', ');
}
