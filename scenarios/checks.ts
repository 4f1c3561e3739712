/** What the schema's shapes cannot say: values that are impossible together or for their quantity. */

import { seatCapacity } from '../machines/policy/seatPlan';
import { defaultThresholdValues, thresholdDefinitionByKey, unknownThresholdKey } from '../machines/policy/thresholds';
import { impossibleValue, perThrusterGroup, reportedQuantityByName } from '../machines/rules/quantities';
import {
  factDefinition,
  impossibleFactProblems,
  requiredFactKeys,
  type VehicleClass,
  vehicleClassProblems,
} from '../machines/vehicles/vehicleClass';
import { classOf, resolveVehicle, type VehicleSpec } from '../machines/vehicles/vehicles';
import { closestWords, foundWords } from './issueWords';
import type { ScenarioParts, ScenarioVehicle } from './parts';

export interface ScenarioProblem {
  path: (string | number)[];
  message: string;
}

/** Every check across fields that the parts which parsed allow: a part that failed its shape is skipped, not guessed. */
export function crossFieldProblems(parts: ScenarioParts): ScenarioProblem[] {
  return [...sourceProblems(parts), ...setupProblems(parts), ...eventProblems(parts)];
}

function sourceProblems(parts: ScenarioParts): ScenarioProblem[] {
  if (!parts.sources) return [];
  const known = new Set([...Object.keys(parts.sources), 'derived', 'assumed']);
  const problems: ScenarioProblem[] = [];
  const check = (source: string, path: (string | number)[]) => {
    if (!known.has(source))
      problems.push({ path, message: `a key of this file's sources, "derived" or "assumed", got ${foundWords(source)}` });
  };
  for (const { path, spec } of vehiclesOf(parts)) {
    for (const [j, s] of (spec.sources ?? []).entries()) check(s, [...path, 'sources', j]);
    if (typeof spec.class !== 'string') {
      check(spec.class.life.source, [...path, 'class', 'life', 'source']);
      // A fact no source gives is "not found", with its basis, as in the catalogue.
      for (const [key, f] of Object.entries(spec.class.facts))
        if (f.source !== 'not found') check(f.source, [...path, 'class', 'facts', key, 'source']);
    }
    for (const [key, override] of Object.entries(spec.overrides ?? {}))
      check(override.source, [...path, 'overrides', key, 'source']);
  }
  parts.events.forEach((event, i) => {
    if (!event) return;
    for (const [j, s] of event.sources.entries()) check(s, ['events', i, 'sources', j]);
    if ((event.type === 'inspection.finding' || event.type === 'assessment.report') && event.value)
      check(event.value.source, ['events', i, 'value', 'source']);
    if (event.type === 'commonCause.raise' && event.holdDays) check(event.holdDays.source, ['events', i, 'holdDays', 'source']);
  });
  return problems;
}

/** Every vehicle of the setup that parsed, with its field path. */
function vehiclesOf(parts: ScenarioParts) {
  const { damagedVehicle, otherVehicles } = parts;
  const vehicles: { path: (string | number)[]; spec: ScenarioVehicle }[] = [];
  if (damagedVehicle) vehicles.push({ path: ['setup', 'damagedVehicle'], spec: damagedVehicle });
  otherVehicles.forEach((spec, i) => {
    if (spec) vehicles.push({ path: ['setup', 'otherVehicles', i], spec });
  });
  return vehicles;
}

function setupProblems(parts: ScenarioParts): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const { startUtc, damagedVehicle, allOtherVehicles, allCrew } = parts;
  const start = startUtc === undefined ? Number.NaN : Date.parse(startUtc);

  const damagedClass = damagedVehicle && (classOf(damagedVehicle) as VehicleClass);
  if (damagedClass && damagedClass.carries !== 'crew') {
    problems.push({
      path: ['setup', 'damagedVehicle', 'class'],
      message: `a crew vehicle class (${damagedClass.id} carries cargo only: no crew rides it home)`,
    });
  }
  const vehicles = vehiclesOf(parts);
  for (const { path, spec } of vehicles) {
    if (typeof spec.class === 'string') continue;
    for (const problem of vehicleClassProblems(classOf(spec) as VehicleClass))
      problems.push({ ...problem, path: [...path, 'class', ...problem.path] });
  }
  const seenVehicles = new Map<string, string>();
  for (const { path, spec } of vehicles) {
    if (spec.launchedUtc && Date.parse(spec.launchedUtc) > start) {
      problems.push({ path: [...path, 'launchedUtc'], message: `a launch no later than the scenario start (${startUtc})` });
    }
    const first = seenVehicles.get(spec.id);
    if (first) problems.push({ path: [...path, 'id'], message: `an id no other vehicle has ("${spec.id}" is ${first}'s)` });
    else seenVehicles.set(spec.id, path.join('.'));
    problems.push(...vehicleProblems(spec, path));
  }
  parts.crew.forEach((member, i) => {
    if (!member || !allOtherVehicles) return;
    member.canRelocateTo.forEach((vehicleId, j) => {
      if (!allOtherVehicles.some((v) => v.id === vehicleId)) {
        problems.push({
          path: ['setup', 'crew', i, 'canRelocateTo', j],
          message: `the id of one of setup.otherVehicles (${allOtherVehicles.map((v) => v.id).join(', ') || 'there are none'}), got ${foundWords(vehicleId)}`,
        });
      }
    });
  });
  if (allCrew) problems.push(...crewProblems(allCrew));
  if (allCrew && damagedVehicle && allOtherVehicles) {
    // Physically available seats: every fitted improvised seat counts, whatever the seat policy.
    const allImprovised = { ...defaultThresholdValues, maxImprovisedSeatsPerVehicle: Number.POSITIVE_INFINITY };
    const seats = [damagedVehicle, ...allOtherVehicles].map((spec) => ({
      name: spec.name,
      seats: seatCapacity(resolveVehicle(spec), allImprovised),
    }));
    const total = seats.reduce((n, v) => n + v.seats, 0);
    if (allCrew.length > total) {
      problems.push({
        path: ['setup', 'crew'],
        message: `no more crew than the seats of all docked vehicles together (${seats.map((v) => `${v.seats} on ${v.name}`).join(', ')}: ${total}), got ${allCrew.length}`,
      });
    }
  }
  return problems;
}

/** One vehicle's overrides, seats taken and docking time against its class. */
function vehicleProblems(spec: VehicleSpec, path: (string | number)[]): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const vehicleClass = classOf(spec) as VehicleClass;
  const keys = [...new Set([...requiredFactKeys(vehicleClass), ...Object.keys(vehicleClass.facts)])];
  for (const [key, override] of Object.entries(spec.overrides ?? {})) {
    if (!keys.includes(key) || !factDefinition(key)) {
      problems.push({
        path: [...path, 'overrides', key],
        message: `a fact of class ${vehicleClass.id}, got ${foundWords(key)}${closestWords(key, keys) || ' (machines/vehicles/catalogue lists them)'}`,
      });
    }
    const asFact = { ...override, value: override.value === 'unknown' ? null : override.value };
    for (const problem of impossibleFactProblems(key, asFact))
      problems.push({ ...problem, path: [...path, 'overrides', key, ...problem.path] });
  }
  problems.push(...seatsTakenProblems(spec, path));
  // A crew vehicle's life is read (to fly home, to wait as a lifeboat); a cargo ship's never is.
  if (vehicleClass.carries === 'crew' && vehicleClass.life.countsFrom === 'docking' && !spec.dockedUtc) {
    problems.push({
      path: [...path, 'dockedUtc'],
      message: `a docking time: the life of class ${vehicleClass.id} counts from docking`,
    });
  }
  return problems;
}

function crewProblems(crew: readonly { id: string }[]): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const seenCrew = new Set<string>();
  crew.forEach((member, i) => {
    if (seenCrew.has(member.id))
      problems.push({ path: ['setup', 'crew', i, 'id'], message: `a crew id used once ("${member.id}" is repeated)` });
    seenCrew.add(member.id);
  });
  return problems;
}

/** Seats taken by a vehicle's own crew fit in its seats (its crew seats as overridden, at their upper end). */
function seatsTakenProblems(spec: VehicleSpec, path: (string | number)[]): ScenarioProblem[] {
  const taken = spec.seatsTaken ?? spec.ownCrew?.length;
  if (taken === undefined) return [];
  const vehicle = resolveVehicle(spec);
  const seats = vehicle.facts.crewSeats;
  const most = seats?.value === null || seats === undefined ? Number.NaN : (seats.high ?? seats.value);
  if (!Number.isInteger(most) || most < 0 || taken <= most) return [];
  const field = spec.seatsTaken === undefined ? 'ownCrew' : 'seatsTaken';
  return [
    {
      path: [...path, field],
      message: `${field === 'ownCrew' ? 'an own crew of' : 'seats taken from'} 0 to ${most} (the crew seats of ${spec.name}), got ${taken}`,
    },
  ];
}

function eventProblems(parts: ScenarioParts): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  const { damagedVehicle, allOtherVehicles, allCrew } = parts;
  const crewIds = allCrew && new Set(allCrew.map((c) => c.id));
  const damagedClass = damagedVehicle && (classOf(damagedVehicle) as VehicleClass);
  const vehicleIds = damagedVehicle && allOtherVehicles && [damagedVehicle.id, ...allOtherVehicles.map((v) => v.id)];
  let previousUtc = parts.startUtc;
  parts.events.forEach((event, i) => {
    if (!event) return;
    const at = (...path: (string | number)[]) => ['events', i, ...path];
    if (event.type === 'inspection.finding' || event.type === 'assessment.report') {
      if (damagedClass) problems.push(...findingProblems(damagedClass, event, at));
      const definition = event.quantity === undefined ? undefined : reportedQuantityByName.get(event.quantity);
      if (definition?.perCrewCount && event.crewCount === undefined) {
        problems.push({ path: at('crewCount'), message: `a crew count: ${event.quantity} is reported per crew count` });
      }
      if (definition?.perCrewCount === false && event.crewCount !== undefined) {
        problems.push({ path: at('crewCount'), message: `no crew count: ${event.quantity} is not per crew` });
      }
      if (allCrew && event.crewCount !== undefined && event.crewCount > allCrew.length) {
        problems.push({
          path: at('crewCount'),
          message: `a crew count no larger than the crew (${allCrew.length}), got ${event.crewCount}`,
        });
      }
      if (definition && event.value) problems.push(...impossibleValueProblems(definition.name, event.value, at('value')));
    }
    if (event.type === 'commonCause.raise' && event.holdDays) {
      problems.push(...impossibleValueProblems('commonCauseHoldDays', event.holdDays, at('holdDays')));
    }
    if (event.type === 'thresholds.change' && !thresholdDefinitionByKey.has(event.key)) {
      problems.push({ path: at('key'), message: unknownThresholdKey(event.key) });
    }
    if (event.type === 'seats.relocate') {
      if (crewIds && !crewIds.has(event.crewId))
        problems.push({ path: at('crewId'), message: `the id of one of setup.crew, got ${foundWords(event.crewId)}` });
      if (vehicleIds && !vehicleIds.includes(event.vehicleId))
        problems.push({
          path: at('vehicleId'),
          message: `the id of a vehicle of setup (${vehicleIds.join(', ')}), got ${foundWords(event.vehicleId)}`,
        });
    }
    if (previousUtc !== undefined && Date.parse(event.at) < Date.parse(previousUtc)) {
      problems.push({ path: at('at'), message: `a time no earlier than the previous event's (${previousUtc}), got ${event.at}` });
    }
    previousUtc = event.at;
  });
  return problems;
}

/** A finding's system, module and thruster group are those of the damaged vehicle's class. */
function findingProblems(
  vehicleClass: VehicleClass,
  event: {
    quantity?: string | undefined;
    thrusterGroup?: string | undefined;
    module?: string | undefined;
    system?: string | undefined;
  },
  at: (...path: (string | number)[]) => (string | number)[],
): ScenarioProblem[] {
  const problems: ScenarioProblem[] = [];
  if (event.system !== undefined) {
    const system = vehicleClass.systems.find((s) => s.id === event.system);
    if (!system) {
      problems.push({
        path: at('system'),
        message: `a system of class ${vehicleClass.id}, got ${foundWords(event.system)}${closestWords(
          event.system,
          vehicleClass.systems.map((s) => s.id),
        )}`,
      });
    } else if (event.module !== undefined && system.module !== event.module) {
      problems.push({ path: at('module'), message: `the module of ${system.id}: ${system.module}, got ${event.module}` });
    }
  }
  if (event.quantity !== undefined && perThrusterGroup.has(event.quantity) && event.thrusterGroup !== undefined) {
    const groups = vehicleClass.thrusterGroups.map((g) => g.id);
    if (!groups.includes(event.thrusterGroup)) {
      problems.push({
        path: at('thrusterGroup'),
        message: `a thruster group of class ${vehicleClass.id} (${groups.join(', ') || 'it has none'})`,
      });
    }
  }
  return problems;
}

function impossibleValueProblems(
  quantity: string,
  value: { nominal: number; low?: number | undefined; high?: number | undefined },
  path: (string | number)[],
): ScenarioProblem[] {
  const definition = reportedQuantityByName.get(quantity);
  if (!definition) return [];
  const problems: ScenarioProblem[] = [];
  for (const end of ['low', 'nominal', 'high'] as const) {
    const v = value[end];
    const why = v === undefined ? null : impossibleValue(definition, v);
    if (why) problems.push({ path: [...path, end], message: `${definition.label}: ${why}` });
  }
  return problems;
}
