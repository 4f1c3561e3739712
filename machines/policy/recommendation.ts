/** What the recommendation policy reads (a situation) and what it answers (a recommendation, row by row). */
import type { AssessedValues, RuleEvaluation } from '../rules/evaluate';
import type { MissionSetup, OutcomeId } from '../types';
import type { SeatAssignment } from './seatPlan';
import type { ThresholdValues } from './thresholds';

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
  | 'contingency'
  | 'replacement-feasible'
  | 'crew-swap'
  | 'reduced-crew-nominal'
  | 'emergency-tier'
  | 'escalate';

export interface PolicyRowResult {
  id: PolicyRowId;
  statement: string;
  outcome: OutcomeId;
  matched: boolean;
  reason: string;
  evaluations: RuleEvaluation[];
}

/** When the damaged vehicle leaves uncrewed: at once (nobody waits on it) or once the replacement has docked. */
export type UncrewedDeparture = 'now' | 'after-replacement-docks';

export interface Recommendation {
  outcome: OutcomeId;
  decidingRow: PolicyRowId;
  /** Every row, each evaluated once, with why it did or did not match; rows below the deciding one say what the next option would have been. */
  rows: PolicyRowResult[];
  seatPlan: SeatAssignment[] | null;
  crewAboardDamagedVehicle: number | null;
  /** The descent mode the crew aboard would fly: a degraded one only where the emergency tier allows it. */
  descentModeId: string | null;
  /** For a replacement: when the damaged vehicle leaves uncrewed. */
  damagedVehicleLeavesUncrewed: UncrewedDeparture | null;
  /** For continuing with a rescue prepared: what would launch it. */
  contingency: ContingencyTrigger | null;
  /** For a crew swap: who rides which vehicle home now, and who waits, with or without a lifeboat. */
  crewSwap: CrewSwap | null;
}

/**
 * This case's crew rides another docked vehicle home now, in the seats its own crew gives up; that
 * crew waits for the replacement on the damaged vehicle as a lifeboat, or without one for a period
 * the profile allows, which the decision must accept on record.
 */
export interface CrewSwap {
  homeVehicleId: string;
  /** The other vehicle's own crew, who wait: by name where the scenario names them. */
  waiting: readonly string[];
  waitingCount: number;
  lifeboatVehicleId: string | null;
  /** Days the waiting crew has no lifeboat (the wait's worst end); null when they keep one. */
  daysWithoutLifeboat: number | null;
}

/** What launches the prepared rescue: a finding against a pending system, or the date by which it must launch. */
export interface ContingencyTrigger {
  /** Status keys of the systems suspect or not yet cleared: a finding that fails one beyond the emergency tier launches the rescue. */
  pendingStatusKeys: string[];
  /** The last day to launch so the rescue arrives before the lifeboat allowance ends; null when the lead time is unknown. */
  launchByUtc: string | null;
}
