/**
 * Converts a scenario file of the earlier format (no `format`) to format 2. What it infers is said,
 * change by change, so the author can check it: statuses are inferred only where the earlier format's
 * quantities show damage to a system the class names.
 */
import { statusKey } from '../machines/rules/systemStatus';
import { vehicleCatalogue } from '../machines/vehicles/catalogue';
import { minThrustersKey, thrusterCountKey, type VehicleClass } from '../machines/vehicles/vehicleClass';
import { scenarioFormat } from './shape';

type Json = Record<string, unknown>;

export interface Migration {
  scenario: Json;
  changes: string[];
}

const isObject = (value: unknown): value is Json => typeof value === 'object' && value !== null && !Array.isArray(value);

/** Null when the file is not an earlier-format scenario (already migrated, or not a scenario at all). */
export function migrateScenario(input: unknown): Migration | null {
  if (!isObject(input) || 'format' in input || !isObject(input.setup)) return null;
  const changes: string[] = [];
  const { $schema, ...rest } = input;
  const scenario: Json = { ...($schema === undefined ? {} : { $schema }), format: scenarioFormat, ...structuredClone(rest) };
  changes.push(`format: ${scenarioFormat}`);
  const setup = scenario.setup as Json;
  const vehicles = [setup.damagedVehicle, ...(Array.isArray(setup.otherVehicles) ? setup.otherVehicles : [])].filter(isObject);
  vehicles.forEach((vehicle, i) => {
    migrateOverrides(vehicle, i === 0 ? 'setup.damagedVehicle' : `setup.otherVehicles[${i - 1}]`, changes);
  });
  const damagedClass = isObject(setup.damagedVehicle) ? classNamed(setup.damagedVehicle.class) : undefined;
  if (Array.isArray(scenario.events) && damagedClass) {
    scenario.events.forEach((event, i) => {
      if (isObject(event)) migrateFinding(event, damagedClass, `events[${i}]`, changes);
    });
  }
  return { scenario, changes };
}

const classNamed = (id: unknown): VehicleClass | undefined => (typeof id === 'string' ? vehicleCatalogue[id] : undefined);
const attitudeGroup = (c: VehicleClass) => c.thrusterGroups.find((g) => g.role === 'attitude');

function migrateOverrides(vehicle: Json, path: string, changes: string[]): void {
  const vehicleClass = classNamed(vehicle.class);
  const overrides = vehicle.overrides;
  if (!vehicleClass || !isObject(overrides)) return;
  const group = attitudeGroup(vehicleClass);
  if (!group) return;
  if ('attitudeThrusters' in overrides) {
    overrides[thrusterCountKey(group.id)] = overrides.attitudeThrusters;
    delete overrides.attitudeThrusters;
    changes.push(`${path}.overrides: attitudeThrusters → ${thrusterCountKey(group.id)}`);
  }
  if ('minAttitudeThrusters' in overrides) {
    for (const mode of vehicleClass.descentModes.filter((m) => m.needsThrusterGroups.includes(group.id))) {
      overrides[minThrustersKey(mode.id, group.id)] = overrides.minAttitudeThrusters;
      changes.push(`${path}.overrides: minAttitudeThrusters → ${minThrustersKey(mode.id, group.id)}`);
    }
    delete overrides.minAttitudeThrusters;
  }
}

/** Quantities of the earlier format that show damage, the system each shows it in, and when. */
const damageShownBy: Readonly<
  Record<string, { system: (c: VehicleClass) => string | undefined; damaged: (v: number) => boolean }>
> = {
  coolantRemainingPct: { system: coolingSystem, damaged: (v) => v < 100 },
  holeDiameterMm: { system: coolingSystem, damaged: (v) => v > 0 },
  descentModuleLeakRateKpaPerHour: { system: () => 'pressure-hull', damaged: (v) => v > 0 },
};

function coolingSystem(c: VehicleClass): string | undefined {
  return c.systems.find((s) => s.estimate === 'descent-thermal' || s.judgedBy?.includes('peakCabinTempC'))?.id;
}

function migrateFinding(event: Json, vehicleClass: VehicleClass, path: string, changes: string[]): void {
  if (event.type !== 'inspection.finding' && event.type !== 'assessment.report') return;
  if (event.quantity === 'attitudeThrustersLost') {
    const group = attitudeGroup(vehicleClass);
    if (group) {
      event.quantity = 'thrustersLost';
      event.thrusterGroup = group.id;
      changes.push(`${path}: attitudeThrustersLost → thrustersLost of group ${group.id}`);
    }
  }
  const shown = typeof event.quantity === 'string' ? damageShownBy[event.quantity] : undefined;
  const value = isObject(event.value) ? event.value.nominal : undefined;
  const systemId = shown?.system(vehicleClass);
  const system = vehicleClass.systems.find((s) => s.id === systemId);
  if (!shown || !system || typeof value !== 'number' || !shown.damaged(value) || event.status !== undefined) return;
  event.module = system.module;
  event.system = system.id;
  event.status = 'degraded';
  changes.push(
    `${path}: ${String(event.quantity)} ${value} shows damage: status degraded of ${statusKey(system.module, system.id)}`,
  );
}
