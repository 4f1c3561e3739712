/**
 * What the findings say of a vehicle's systems: which a finding touched, their statuses as rules read
 * them, which are critical in a phase, and whether the descent-thermal estimate stands in.
 */
import type { AssessedValue } from '../types';
import type { ReturnPhase, VehicleClass, VehicleSystem } from '../vehicles/vehicleClass';
import type { Vehicle } from '../vehicles/vehicles';
import { type AssessedValues, assessedReading, type Reading } from './evaluate';
import { statusKey, unclearedSeverity } from './systemStatus';

/** What the findings say of a class's systems, worked out once per values object (values are immutable). */
interface SystemFindings {
  /** Systems with a status, and its severity. */
  reported: readonly { system: VehicleSystem; severity: number }[];
  /** Quantities judging a system a finding found other than nominal. */
  touchedQuantities: ReadonlySet<string>;
  /** Whether a finding degrades (or fails) the system the descent-thermal estimate models. */
  estimateApplies: boolean;
  /** Reported systems critical in some phases, less some bypassed: by the (stable) phase and bypass lists. */
  critical: Map<readonly ReturnPhase[], Map<readonly string[], VehicleSystem[]>>;
}

const findingsByValues = new WeakMap<AssessedValues, WeakMap<VehicleClass, SystemFindings>>();

/** Per class: its status keys, and the findings last worked out with the status values they came from. */
interface ClassStatus {
  keys: readonly string[];
  last: { statuses: (AssessedValue | undefined)[]; findings: SystemFindings } | null;
}
const statusByClass = new WeakMap<VehicleClass, ClassStatus>();

function systemFindings(vehicle: Vehicle, values: AssessedValues): SystemFindings {
  const vehicleClass = vehicle.vehicleClass;
  let byClass = findingsByValues.get(values);
  if (!byClass) {
    byClass = new WeakMap();
    findingsByValues.set(values, byClass);
  }
  let findings = byClass.get(vehicleClass);
  if (!findings) {
    let status = statusByClass.get(vehicleClass);
    if (!status) {
      status = { keys: vehicleClass.systems.map((s) => statusKey(s.module, s.id)), last: null };
      statusByClass.set(vehicleClass, status);
    }
    // A Monte Carlo sample copies the values with the same status objects: the last findings still hold.
    const last = status.last;
    if (last && status.keys.every((key, i) => values[key] === last.statuses[i])) findings = last.findings;
    else {
      const statuses = status.keys.map((key) => values[key]);
      findings = workOutFindings(vehicleClass, statuses);
      status.last = { statuses, findings };
    }
    byClass.set(vehicleClass, findings);
  }
  return findings;
}

function workOutFindings(vehicleClass: VehicleClass, statuses: readonly (AssessedValue | undefined)[]): SystemFindings {
  const reported: { system: VehicleSystem; severity: number }[] = [];
  const touchedQuantities = new Set<string>();
  let estimate = false;
  vehicleClass.systems.forEach((system, i) => {
    const severity = statuses[i]?.nominal;
    if (severity === undefined) return;
    reported.push({ system, severity });
    if (severity > 0) for (const q of system.judgedBy ?? []) touchedQuantities.add(q);
    if (system.estimate === 'descent-thermal' && severity >= 2) estimate = true;
  });
  return { reported, touchedQuantities, estimateApplies: estimate, critical: new Map() };
}

/** Whether a finding found the system other than nominal. */
export function touched(values: AssessedValues, system: VehicleSystem): boolean {
  return (values[statusKey(system.module, system.id)]?.nominal ?? 0) > 0;
}

/**
 * Quantities judging a system a finding touched: a rule reading one applies though nobody reported it.
 * A rule reading an untouched, unreported quantity does not apply: the systems behind it perform as the class says.
 */
export function touchedQuantities(vehicle: Vehicle, values: AssessedValues): ReadonlySet<string> {
  return systemFindings(vehicle, values).touchedQuantities;
}

/** A system's status as a rule reads it: its severity; `uncleared` is unknown, which never passes. */
export function systemStatusReading(values: AssessedValues, system: VehicleSystem): Reading {
  const key = statusKey(system.module, system.id);
  const reported = assessedReading(values, key);
  return reported.value === unclearedSeverity ? { ...reported, value: null, nominalValue: null } : reported;
}

/** The systems a finding touched (any status, nominal included: cleared) that are critical in one of `phases`. */
export function reportedCriticalSystems(
  vehicle: Vehicle,
  values: AssessedValues,
  phases: readonly ReturnPhase[],
  bypassed: readonly string[] = noBypass,
): VehicleSystem[] {
  const findings = systemFindings(vehicle, values);
  if (findings.reported.length === 0) return noSystems;
  let byBypass = findings.critical.get(phases);
  if (!byBypass) {
    byBypass = new Map();
    findings.critical.set(phases, byBypass);
  }
  let systems = byBypass.get(bypassed);
  if (!systems) {
    systems = [];
    for (const { system } of findings.reported) {
      if (!bypassed.includes(system.id) && system.criticalIn.some((phase) => phases.includes(phase))) systems.push(system);
    }
    byBypass.set(bypassed, systems);
  }
  return systems;
}
const noSystems: VehicleSystem[] = [];
const noBypass: readonly string[] = [];

/** The descent-thermal estimate stands in only while a finding degrades (or fails) the system it models. */
export function estimateApplies(vehicle: Vehicle, values: AssessedValues): boolean {
  return systemFindings(vehicle, values).estimateApplies;
}
