/**
 * The vehicle catalogue: what a class of vehicle is and can do (FACTS.md §4–5). Acceptance policy,
 * how much margin the decision authority demands, lives in `thresholds.ts`, the same for every class.
 */

/** A fact of a class with its FACTS.md key, or `assumed` with its basis. `null`: no source gives it. */
export interface VehicleFact {
  value: number | null;
  source: string;
  basis?: string;
}

export interface DescentMode {
  id: string;
  label: string;
  /** A degraded mode (backup engine, ballistic entry) serves the emergency tier only. */
  kind: 'nominal' | 'degraded';
  /** Whether the mode needs attitude control down to entry: a ballistic entry does without it. */
  needsAttitudeControl: boolean;
  /** The assessed quantity giving the delta-v this mode's deorbit engine can deliver. */
  deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps' | 'backupDeorbitDeltaVAvailableMps';
}

export const vehicleClassIds = ['soyuz-ms', 'crew-dragon', 'progress-ms'] as const;
export type VehicleClassId = (typeof vehicleClassIds)[number];

/** Per-class facts; descent-mode facts are keyed `descent.<mode id>.<fact>`. */
export type VehicleFacts = Readonly<Record<string, VehicleFact>>;

export interface VehicleClass {
  id: VehicleClassId;
  name: string;
  carries: 'crew' | 'cargo';
  descentModes: readonly DescentMode[];
  facts: VehicleFacts;
}

/** Facts every class states (a cargo class too: common-cause questions compare systems). */
export const vehicleFactLabels = {
  crewSeats: { label: 'Crew seats', unit: 'seats' },
  improvisedSeats: { label: 'Improvised seats fitted or certified', unit: 'seats' },
  certifiedLifeDays: { label: 'Certified docked life', unit: 'days' },
  attitudeThrusters: { label: 'Attitude-control thrusters', unit: 'thrusters' },
  minAttitudeThrusters: { label: 'Thrusters needed for a controlled deorbit and entry', unit: 'thrusters' },
  deorbitDeltaVRequiredMps: { label: 'Deorbit delta-v required', unit: 'm/s' },
} as const;
export type VehicleFactKey = keyof typeof vehicleFactLabels;

export const descentFactLabels = {
  peakG: { label: 'peak g-load', unit: 'g' },
  peakDurationS: { label: 'peak g-load duration', unit: 's' },
  undockToLandingMin: { label: 'undock to landing', unit: 'min' },
} as const;
export type DescentFactKey = keyof typeof descentFactLabels;

export const descentFactKey = (modeId: string, fact: DescentFactKey) => `descent.${modeId}.${fact}`;

const notFound = (basis: string): VehicleFact => ({ value: null, source: 'not found', basis });

const soyuzMs: VehicleClass = {
  id: 'soyuz-ms',
  name: 'Soyuz MS',
  carries: 'crew',
  descentModes: [
    {
      id: 'controlled',
      label: 'automatic controlled (lifting) entry',
      kind: 'nominal',
      needsAttitudeControl: true,
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
    },
    {
      id: 'backup-engine',
      label: 'deorbit on the 8 aft attitude thrusters (main engine failed), controlled entry',
      kind: 'degraded',
      needsAttitudeControl: true,
      deorbitDeltaVQuantity: 'backupDeorbitDeltaVAvailableMps',
    },
    {
      id: 'ballistic',
      label: 'ballistic entry (dissimilar backup for loss of attitude control)',
      kind: 'degraded',
      needsAttitudeControl: false,
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
    },
  ],
  facts: {
    crewSeats: { value: 3, source: 'WP-SMS', basis: '3 individually moulded Kazbek-U liners [ESA-KAZ]' },
    improvisedSeats: {
      value: 0,
      source: 'assumed',
      basis: 'no improvised Soyuz seat is reported; a liner needs a seat position',
    },
    certifiedLifeDays: {
      value: 210,
      source: 'WP-SMS',
      basis: '~210 days in an earlier listing, ~200 in a 2024 one; MS-23 was planned for 215 [SB-215]: unresolved',
    },
    attitudeThrusters: { value: 28, source: 'RSW-KDU', basis: 'service module: 28 thrusters in 14 pairs' },
    minAttitudeThrusters: {
      value: 14,
      source: 'assumed',
      basis:
        'not found; each of the 14 pairs is split across two independent manifolds [RSW-KDU], so one manifold is taken as enough',
    },
    deorbitDeltaVRequiredMps: { value: 128, source: 'NSF-MS17', basis: 'main engine, ~4 min 40 s, 128 m/s [CSA-58]' },
    [descentFactKey('controlled', 'peakG')]: { value: 5, source: 'CSA-58', basis: 'nominal entry ~4–5 g' },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'not found; taken at the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: { value: 203, source: 'NASA-SLT', basis: '~3 h 23 min' },
    [descentFactKey('backup-engine', 'peakG')]: {
      value: 5,
      source: 'assumed',
      basis: 'the entry itself is the controlled one [RSW-KDU]; nominal ~4–5 g [CSA-58]',
    },
    [descentFactKey('backup-engine', 'peakDurationS')]: { value: 90, source: 'assumed', basis: 'as the controlled entry' },
    [descentFactKey('backup-engine', 'undockToLandingMin')]: {
      value: 203,
      source: 'assumed',
      basis: 'as the controlled entry [NASA-SLT]; a longer thruster burn is minutes',
    },
    [descentFactKey('ballistic', 'peakG')]: {
      value: 8.6,
      source: 'UT-TMA11',
      basis: 'TMA-11 8.2–8.6 g, TMA-10 8.5 g [WSF-TMA10]; one TMA-1 report up to 13 g [THE-TMA1]',
    },
    [descentFactKey('ballistic', 'peakDurationS')]: {
      value: 10,
      source: 'assumed',
      basis: 'not found; a ballistic peak is brief (the NASA-STD-3001 10 g / 10 s bracket [GH-ACC])',
    },
    [descentFactKey('ballistic', 'undockToLandingMin')]: {
      value: 203,
      source: 'assumed',
      basis: 'as the controlled entry [NASA-SLT]',
    },
  },
};

const crewDragon: VehicleClass = {
  id: 'crew-dragon',
  name: 'Crew Dragon',
  carries: 'crew',
  descentModes: [
    {
      id: 'controlled',
      label: 'controlled entry after a Draco deorbit burn',
      kind: 'nominal',
      needsAttitudeControl: true,
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
    },
  ],
  facts: {
    crewSeats: { value: 4, source: 'SPACE-DRG5', basis: '4 on NASA flights; designed for up to 7 [PAT-7SEAT]' },
    improvisedSeats: {
      value: 0,
      source: 'assumed',
      basis: 'a fifth seat is fitted per vehicle (Endurance, Jan 2023 [SPACE-DRG5]): override it where fitted',
    },
    certifiedLifeDays: { value: 210, source: 'CCP-KIT', basis: 'at least 210 days, a commercial-crew requirement [SE-210]' },
    attitudeThrusters: { value: 16, source: 'DT-DRACO', basis: '16 Draco for attitude, orbit changes and deorbit' },
    minAttitudeThrusters: {
      value: 14,
      source: 'assumed',
      basis: 'crew value not found; Dragon cargo was "fail tolerant of 2 Draco engines" [RAP-D1]',
    },
    deorbitDeltaVRequiredMps: {
      value: 100,
      source: 'assumed',
      basis: 'not found; a deorbit from station altitude is of the order of the Soyuz burn (128 m/s [CSA-58])',
    },
    [descentFactKey('controlled', 'peakG')]: { value: 4.2, source: 'AP-42G', basis: 'Demo-2 return' },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'not found; taken at the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: {
      value: 360,
      source: 'DISC-D2',
      basis: '6–30 h depending on undock time and site; the shortest taken',
    },
  },
};

const progressMs: VehicleClass = {
  id: 'progress-ms',
  name: 'Progress MS',
  carries: 'cargo',
  descentModes: [],
  facts: {
    crewSeats: { value: 0, source: 'WP-PROG', basis: 'no descent module; burns up on entry [OV-PMS06]' },
    improvisedSeats: { value: 0, source: 'WP-PROG', basis: 'no descent module to seat anyone in' },
    certifiedLifeDays: { value: 180, source: 'SFI-PMS2', basis: 'typically ~6 months docked' },
    attitudeThrusters: notFound('largely the Soyuz design; thruster count not found (28 is not assumed) [WP-PROG]'),
    minAttitudeThrusters: notFound('not found'),
    deorbitDeltaVRequiredMps: notFound('not found'),
  },
};

export const vehicleCatalogue: Readonly<Record<VehicleClassId, VehicleClass>> = {
  'soyuz-ms': soyuzMs,
  'crew-dragon': crewDragon,
  'progress-ms': progressMs,
};

/** Every fact key a class has: the keys a scenario may override. */
export function factKeysOf(classId: VehicleClassId): string[] {
  return Object.keys(vehicleCatalogue[classId].facts);
}

/** A vehicle of a scenario: its class's facts with the scenario's sourced overrides applied. */
export interface Vehicle {
  id: string;
  name: string;
  classId: VehicleClassId;
  /** Absent for a vehicle whose launch the scenario does not state: its age, and so its life, is unknown. */
  launchedUtc?: string;
  /** Seats already taken by crew who are not part of this case (another vehicle's own crew). */
  seatsTaken: number;
  facts: VehicleFacts;
  /** Fact keys the scenario overrode. */
  overridden: readonly string[];
  descentModes: readonly DescentMode[];
}

export interface VehicleSpec {
  id: string;
  name: string;
  class: VehicleClassId;
  launchedUtc?: string | undefined;
  seatsTaken?: number | undefined;
  overrides?: Readonly<Record<string, VehicleFact>> | undefined;
}

export function resolveVehicle(spec: VehicleSpec): Vehicle {
  const vehicleClass = vehicleCatalogue[spec.class];
  const overrides = spec.overrides ?? {};
  return {
    id: spec.id,
    name: spec.name,
    classId: spec.class,
    ...(spec.launchedUtc ? { launchedUtc: spec.launchedUtc } : {}),
    seatsTaken: spec.seatsTaken ?? 0,
    facts: { ...vehicleClass.facts, ...overrides },
    overridden: Object.keys(overrides),
    descentModes: vehicleClass.descentModes,
  };
}

/** A fact's value, NaN when no source gives it (so a rule reading it is unknown, never a pass). */
export function fact(vehicle: Vehicle, key: string): number {
  return vehicle.facts[key]?.value ?? Number.NaN;
}

/** Seats free for this case's crew: the class's seats less those taken by others. */
export function freeSeats(vehicle: Vehicle): number {
  return Math.max(0, (vehicle.facts.crewSeats?.value ?? 0) - vehicle.seatsTaken);
}

/** Improvised seats usable under the profile's allowance. */
export function usableImprovisedSeats(vehicle: Vehicle, allowedPerVehicle: number): number {
  return Math.min(vehicle.facts.improvisedSeats?.value ?? 0, allowedPerVehicle);
}
