/** Domain types shared by the flight rules, the policy and the statechart. Units are in the names. */
import type { Vehicle } from './vehicles/vehicles';

export const outcomeIds = [
  'return-on-damaged-vehicle',
  'return-reduced-crew',
  'launch-replacement',
  'emergency-return',
  'continue-with-contingency',
  'nominal-return',
  'undecided',
] as const;
export type OutcomeId = (typeof outcomeIds)[number];

/** Outcomes the decision authority can choose (confirm or override into). */
export const decidableOutcomes = [
  'return-on-damaged-vehicle',
  'return-reduced-crew',
  'launch-replacement',
  'emergency-return',
  'continue-with-contingency',
] as const satisfies readonly OutcomeId[];
export type DecidableOutcome = (typeof decidableOutcomes)[number];

export type Tier = 'nominal' | 'emergency';

/**
 * A value an engineering team reports. `low`/`high` bound its uncertainty; a rule reads the
 * conservative end. `source` is a FACTS.md key, `derived` or `assumed`.
 */
export interface AssessedValue {
  nominal: number;
  low?: number;
  high?: number;
  source: string;
  /**
   * Where a finding gives odds for a system's status: other severities and how likely each is (the
   * stated one has the rest). Rules judge the stated status; the Monte Carlo draws from these.
   */
  odds?: readonly { value: number; probability: number }[];
}

export interface Actor {
  name: string;
  role: string;
}

interface CrewMember {
  id: string;
  name: string;
  /** Other docked vehicles this crew member's seat liner can be moved to. */
  canRelocateTo: string[];
}

/** The fixed facts of a case, known before any event. */
export interface MissionSetup {
  crew: CrewMember[];
  /** The crew's damaged ride home; its launch date is always stated. */
  damagedVehicle: Vehicle & { launchedUtc: string };
  /** Other docked vehicles, crew or cargo. */
  otherVehicles: Vehicle[];
}
