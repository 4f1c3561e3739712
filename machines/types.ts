/** Domain types shared by the flight rules, the policy and the statechart. Units are in the names. */

export type OutcomeId =
  | 'return-on-damaged-vehicle'
  | 'return-reduced-crew'
  | 'launch-replacement'
  | 'emergency-return'
  | 'nominal-return'
  | 'undecided';

/** Outcomes the decision authority can choose (confirm or override into). */
export const decidableOutcomes = [
  'return-on-damaged-vehicle',
  'return-reduced-crew',
  'launch-replacement',
  'emergency-return',
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
}

export interface Actor {
  name: string;
  role: string;
}

export interface CrewMember {
  id: string;
  name: string;
  /** Other docked vehicles this crew member's seat liner can be moved to. */
  canRelocateTo: string[];
}

export interface DamagedVehicle {
  id: string;
  name: string;
  seats: number;
  launchedUtc: string;
}

export interface OtherVehicle {
  id: string;
  name: string;
  spareSeats: number;
  /** Seats that could be improvised (e.g. a seat liner fitted in a cargo position). */
  improvisableSeats: number;
}

/** The fixed facts of a case, known before any event. */
export interface MissionSetup {
  crew: CrewMember[];
  damagedVehicle: DamagedVehicle;
  otherVehicles: OtherVehicle[];
}
