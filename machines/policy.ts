import { type AssessedValues, allPass, evaluateRule, type RuleEvaluation } from './evaluate';
import { flyabilityRules, lifeboatThroughWaitRule } from './rules';
import { maxRelocatableCrew, planSeats, type SeatAssignment } from './seatPlan';
import type { ThresholdValues } from './thresholds';
import type { AssessedValue, MissionSetup, OutcomeId, Tier } from './types';

/** Everything the recommendation depends on, at one moment of scenario time. */
export interface Situation {
  setup: MissionSetup;
  values: AssessedValues;
  thresholds: ThresholdValues;
  nowUtc: string;
  stationUnsafe: boolean;
}

export type PolicyRowId =
  | 'station-unsafe'
  | 'full-crew-nominal'
  | 'replacement-feasible'
  | 'reduced-crew-nominal'
  | 'emergency-tier'
  | 'escalate';

export interface PolicyRow {
  id: PolicyRowId;
  statement: string;
  outcome: OutcomeId;
}

/** Hit policy FIRST: the first row whose condition holds decides. */
export const policyTable: readonly PolicyRow[] = [
  { id: 'station-unsafe', statement: 'The station itself is unsafe', outcome: 'emergency-return' },
  { id: 'full-crew-nominal', statement: 'The full crew passes every nominal rule', outcome: 'return-on-damaged-vehicle' },
  {
    id: 'replacement-feasible',
    statement: 'A replacement can arrive while every crew member keeps an emergency seat',
    outcome: 'launch-replacement',
  },
  {
    id: 'reduced-crew-nominal',
    statement: 'A smaller crew passes every nominal rule and the others have seats on other vehicles',
    outcome: 'return-reduced-crew',
  },
  { id: 'emergency-tier', statement: 'The crew without another seat pass the emergency tier', outcome: 'emergency-return' },
  {
    id: 'escalate',
    statement: 'No option meets the limits: escalate (a waiver needs a recorded rationale)',
    outcome: 'undecided',
  },
];

export interface PolicyRowResult {
  id: PolicyRowId;
  matched: boolean;
  reason: string;
  evaluations: RuleEvaluation[];
}

export interface Recommendation {
  outcome: OutcomeId;
  decidingRow: PolicyRowId;
  /** The rows up to and including the deciding one, each with why it did or did not match. */
  rows: PolicyRowResult[];
  seatPlan: SeatAssignment[] | null;
  crewAboardDamagedVehicle: number | null;
}

const msPerDay = 86_400_000;

export function vehicleAgeDays(setup: MissionSetup, nowUtc: string): number {
  return (Date.parse(nowUtc) - Date.parse(setup.damagedVehicle.launchedUtc)) / msPerDay;
}

/** Derived quantities the rules read, marked `derived` so the explanation says where they came from. */
export function derivedValues(situation: Situation): AssessedValues {
  const ageDays = vehicleAgeDays(situation.setup, situation.nowUtc);
  const derived: Record<string, AssessedValue> = {
    vehicleAgeAtReturnDays: { nominal: ageDays, source: 'derived' },
  };
  const lead = situation.values.replacementLeadTimeDays;
  const openQuestions = situation.values.openCommonCauseQuestions?.nominal ?? 0;
  const hold: AssessedValue | undefined =
    openQuestions > 0 ? situation.values.commonCauseHoldDays : { nominal: 0, source: 'derived' };
  if (lead && hold) {
    derived.vehicleAgeAtReplacementArrivalDays = {
      nominal: ageDays + lead.nominal + hold.nominal,
      high: ageDays + (lead.high ?? lead.nominal) + (hold.high ?? hold.nominal),
      source: 'derived',
    };
  }
  return { ...situation.values, ...derived };
}

function flyability(values: AssessedValues, thresholds: ThresholdValues, tier: Tier, crewCount: number, ruleIds?: Set<string>) {
  return flyabilityRules
    .filter((rule) => !ruleIds || ruleIds.has(rule.id))
    .map((rule) => evaluateRule(rule, values, thresholds, tier, crewCount));
}

const withoutLifeAtReturn = new Set(flyabilityRules.map((r) => r.id).filter((id) => id !== 'vehicle-life.at-return'));

function failing(evaluations: readonly RuleEvaluation[]): string {
  const names = evaluations.filter((e) => e.status !== 'pass').map((e) => `${e.ruleId} ${e.status}`);
  return names.length ? names.join(', ') : 'all pass';
}

interface RowContext {
  situation: Situation;
  values: AssessedValues;
  crewCount: number;
  relocatable: number;
}

function rowContext(situation: Situation): RowContext {
  return {
    situation,
    values: derivedValues(situation),
    crewCount: situation.setup.crew.length,
    relocatable: maxRelocatableCrew(situation.setup, situation.thresholds),
  };
}

export function recommend(situation: Situation): Recommendation {
  const context = rowContext(situation);
  const rows: PolicyRowResult[] = [];
  for (const check of rowChecks) {
    const { plan, ...row } = check(context);
    rows.push(row);
    if (!row.matched) continue;
    const outcome = (policyTable.find((p) => p.id === row.id) as PolicyRow).outcome;
    const aboard = plan ? plan.filter((s) => s.vehicleId === situation.setup.damagedVehicle.id).length : null;
    return { outcome, decidingRow: row.id, rows, seatPlan: plan, crewAboardDamagedVehicle: aboard };
  }
  throw new Error('the policy table must end in a row that always matches');
}

/** Every row's own verdict, below the deciding one too: what the next option would have been. */
export function everyPolicyRow(situation: Situation): PolicyRowResult[] {
  const context = rowContext(situation);
  return rowChecks.map((check) => {
    const { plan: _, ...row } = check(context);
    return row;
  });
}

type RowWithPlan = PolicyRowResult & { plan: SeatAssignment[] | null };

function stationRow({ situation, values, crewCount, relocatable }: RowContext): RowWithPlan {
  const { setup, thresholds } = situation;
  if (!situation.stationUnsafe)
    return { id: 'station-unsafe', matched: false, reason: 'the station is safe', evaluations: [], plan: null };
  const aboard = crewCount - relocatable;
  // Shown, not gated on: leaving an unsafe station accepts whatever the emergency tier says.
  const risk = aboard > 0 ? flyability(values, thresholds, 'emergency', aboard) : [];
  const reason = `the station was declared unsafe; ${aboard} crew leave on ${setup.damagedVehicle.name} (emergency tier: ${failing(risk)})`;
  return { id: 'station-unsafe', matched: true, reason, evaluations: risk, plan: planSeats(setup, thresholds, relocatable) };
}

function fullCrewRow({ situation, values, crewCount }: RowContext): RowWithPlan {
  const evaluations = flyability(values, situation.thresholds, 'nominal', crewCount);
  const matched = allPass(evaluations);
  return {
    id: 'full-crew-nominal',
    matched,
    reason: matched ? `all ${crewCount} crew pass every nominal rule` : failing(evaluations),
    evaluations,
    plan: matched ? planSeats(situation.setup, situation.thresholds, 0) : null,
  };
}

function emergencyTierRow({ situation, values, crewCount, relocatable }: RowContext): RowWithPlan {
  const stranded = crewCount - relocatable;
  const evaluations = stranded > 0 ? flyability(values, situation.thresholds, 'emergency', stranded) : [];
  const matched = stranded > 0 && allPass(evaluations);
  const reason = matched
    ? `the ${stranded} crew without another seat pass the emergency tier`
    : stranded > 0
      ? `${stranded} crew without another seat: ${failing(evaluations)}`
      : 'no crew left without another seat';
  return {
    id: 'emergency-tier',
    matched,
    reason,
    evaluations,
    plan: matched ? planSeats(situation.setup, situation.thresholds, relocatable) : null,
  };
}

function escalateRow(): RowWithPlan {
  return { id: 'escalate', matched: true, reason: 'no row above matched', evaluations: [], plan: null };
}

function replacementRow({ values, situation, relocatable }: RowContext): RowWithPlan {
  const { setup, thresholds } = situation;
  const crewCount = setup.crew.length;
  const wait = evaluateRule(lifeboatThroughWaitRule, values, thresholds, 'nominal');
  if (wait.status !== 'pass') {
    return {
      id: 'replacement-feasible',
      matched: false,
      reason: `${wait.ruleId} ${wait.status}`,
      evaluations: [wait],
      plan: null,
    };
  }
  // Every option tried is shown, so the table says why the larger crews aboard were not chosen.
  const tried: RuleEvaluation[] = [];
  let lastTried: RuleEvaluation[] = [];
  for (let aboard = Math.min(crewCount, setup.damagedVehicle.seats); aboard >= crewCount - relocatable; aboard--) {
    const plan = planSeats(setup, thresholds, crewCount - aboard);
    if (!plan) continue;
    const emergency = aboard > 0 ? flyability(values, thresholds, 'emergency', aboard, withoutLifeAtReturn) : [];
    tried.push(...emergency);
    if (allPass(emergency)) {
      return {
        id: 'replacement-feasible',
        matched: true,
        reason: `${aboard} crew keep emergency seats on ${setup.damagedVehicle.name}, ${crewCount - aboard} on other vehicles`,
        evaluations: [wait, ...tried],
        plan,
      };
    }
    lastTried = emergency;
  }
  return {
    id: 'replacement-feasible',
    matched: false,
    reason: `no interim plan gives every crew member an emergency seat: ${failing(lastTried)}`,
    evaluations: [wait, ...tried],
    plan: null,
  };
}

function reducedCrewRow({ values, situation, relocatable }: RowContext): RowWithPlan {
  const { setup, thresholds } = situation;
  const crewCount = setup.crew.length;
  const tried: RuleEvaluation[] = [];
  let lastTried: RuleEvaluation[] = [];
  for (let aboard = crewCount - 1; aboard >= crewCount - relocatable && aboard >= 0; aboard--) {
    const evaluations = aboard > 0 ? flyability(values, thresholds, 'nominal', aboard) : [];
    tried.push(...evaluations);
    const plan = planSeats(setup, thresholds, crewCount - aboard);
    if (plan && allPass(evaluations)) {
      return {
        id: 'reduced-crew-nominal',
        matched: true,
        reason: `${aboard} crew pass every nominal rule; ${crewCount - aboard} move to other vehicles`,
        evaluations: tried,
        plan,
      };
    }
    lastTried = evaluations;
  }
  return {
    id: 'reduced-crew-nominal',
    matched: false,
    reason:
      relocatable === 0
        ? 'no crew member has a seat on another vehicle'
        : `no crew of ${crewCount - relocatable} or more passes every nominal rule: ${failing(lastTried)}`,
    evaluations: tried,
    plan: null,
  };
}

const rowChecks: readonly ((context: RowContext) => RowWithPlan)[] = [
  stationRow,
  fullCrewRow,
  replacementRow,
  reducedCrewRow,
  emergencyTierRow,
  escalateRow,
];

/** Every evaluation behind a recommendation, for the rule table. */
export function recommendationEvaluations(recommendation: Recommendation): RuleEvaluation[] {
  return recommendation.rows.flatMap((row) => row.evaluations);
}
