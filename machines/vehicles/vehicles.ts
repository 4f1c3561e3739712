/**
 * A vehicle of a scenario: its class (from the catalogue, or described by the scenario itself) with the
 * scenario's sourced overrides. Acceptance policy, how much margin the decision authority demands, lives
 * in `thresholds.ts`, the same for every class.
 */
import { vehicleCatalogue } from './catalogue';
import {
  conservativeFact,
  type DescentMode,
  type VehicleClass,
  type VehicleFact,
  type VehicleFacts,
  type VehicleSystem,
} from './vehicleClass';

export interface Vehicle {
  id: string;
  name: string;
  classId: string;
  vehicleClass: VehicleClass;
  /** Absent for a vehicle whose launch the scenario does not state: its age, and so its life, is unknown. */
  launchedUtc?: string;
  /** When it docked, for a class whose life counts from docking. */
  dockedUtc?: string;
  /** Seats already taken by crew who are not part of this case (another vehicle's own crew). */
  seatsTaken: number;
  /** The names of that own crew, where the scenario gives them: a plan that leaves them waiting names them. */
  ownCrew: readonly string[];
  facts: VehicleFacts;
  /** Fact keys the scenario overrode. */
  overridden: readonly string[];
  descentModes: readonly DescentMode[];
}

/** A fact as a scenario file writes it: `"unknown"` where no source gives it. */
type FileFact = Omit<VehicleFact, 'value'> & { value: number | 'unknown' | null };
/** A class as a scenario file describes it. */
type FileVehicleClass = Omit<VehicleClass, 'facts'> & { facts: Readonly<Record<string, FileFact>> };

export interface VehicleSpec {
  id: string;
  name: string;
  /** A class of the catalogue by id, or one the scenario describes in full. */
  class: string | FileVehicleClass;
  launchedUtc?: string | undefined;
  dockedUtc?: string | undefined;
  seatsTaken?: number | undefined;
  ownCrew?: readonly string[] | undefined;
  overrides?: Readonly<Record<string, FileFact>> | undefined;
}

const factOfFile = (f: FileFact): VehicleFact => ({ ...f, value: f.value === 'unknown' ? null : f.value });
const factsOfFile = (facts: Readonly<Record<string, FileFact>>): VehicleFacts =>
  Object.fromEntries(Object.entries(facts).map(([key, f]) => [key, factOfFile(f)]));

// One class object per described class, so what is worked out per class is worked out once.
const describedClasses = new WeakMap<FileVehicleClass, VehicleClass>();

/** The class a spec names or describes; undefined for an id the catalogue does not have. */
export function classOf(spec: Pick<VehicleSpec, 'class'>): VehicleClass | undefined {
  if (typeof spec.class === 'string') return vehicleCatalogue[spec.class];
  let described = describedClasses.get(spec.class);
  if (!described) {
    described = { ...spec.class, facts: factsOfFile(spec.class.facts) };
    describedClasses.set(spec.class, described);
  }
  return described;
}

export function resolveVehicle(spec: VehicleSpec): Vehicle {
  const vehicleClass = classOf(spec);
  if (!vehicleClass) throw new Error(`no vehicle class ${String(spec.class)}`);
  const overrides = factsOfFile(spec.overrides ?? {});
  return {
    id: spec.id,
    name: spec.name,
    classId: vehicleClass.id,
    vehicleClass,
    ...(spec.launchedUtc ? { launchedUtc: spec.launchedUtc } : {}),
    ...(spec.dockedUtc ? { dockedUtc: spec.dockedUtc } : {}),
    seatsTaken: spec.seatsTaken ?? spec.ownCrew?.length ?? 0,
    ownCrew: spec.ownCrew ?? [],
    facts: { ...vehicleClass.facts, ...overrides },
    overridden: Object.keys(overrides),
    descentModes: vehicleClass.descentModes,
  };
}

/** A fact's conservative end, NaN when no source gives it (so a rule reading it is unknown, never a pass). */
export function fact(vehicle: Vehicle, key: string): number {
  return conservativeFact(key, vehicle.facts[key]);
}

/** A count fact (seats, places) at its conservative end; 0 when unknown, as nobody can be seated on an unknown. */
function countFact(vehicle: Vehicle, key: string): number {
  const value = fact(vehicle, key);
  return Number.isFinite(value) ? value : 0;
}

/** Seats free for this case's crew: the class's seats less those taken by others. */
export function freeSeats(vehicle: Vehicle): number {
  return Math.max(0, countFact(vehicle, 'crewSeats') - vehicle.seatsTaken);
}

/** Improvised seats usable under the profile's allowance. */
export function usableImprovisedSeats(vehicle: Vehicle, allowedPerVehicle: number): number {
  return Math.min(countFact(vehicle, 'improvisedSeats'), allowedPerVehicle);
}

/** Emergency-only places (unsuited, a cargo area) usable under the profile's allowance: a lifeboat's, never a ride home. */
export function usableEmergencyOnlyPlaces(vehicle: Vehicle, allowedPerVehicle: number): number {
  return Math.min(countFact(vehicle, 'emergencyOnlyPlaces'), allowedPerVehicle);
}

export function systemOf(vehicle: Vehicle, systemId: string): VehicleSystem | undefined {
  return vehicle.vehicleClass.systems.find((s) => s.id === systemId);
}
