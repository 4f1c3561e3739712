/**
 * What a class of vehicle is, as data: its modules, its systems and the phases in which each is
 * critical, its thruster groups, its descent modes and what each needs, and its facts. The catalogue
 * holds the classes the project knows; a scenario file may describe a class of its own in this shape.
 */

import { impossibleValue, type QuantityDefinition, type ReportedQuantityName } from '../rules/quantities';

/** The phases of a crew's return, from keeping the vehicle docked as a lifeboat to landing. */
export const returnPhases = ['docked-lifeboat', 'undock', 'deorbit', 'entry', 'landing'] as const;
export type ReturnPhase = (typeof returnPhases)[number];

/** Phases a crew riding the vehicle home goes through. */
export const ridePhases: readonly ReturnPhase[] = ['undock', 'deorbit', 'entry', 'landing'];

/**
 * A fact of a class with its FACTS.md key, or `assumed` with its basis. `value: null` is unknown (no
 * source gives it): a rule reading it never passes. `low`/`high`: sources disagree or engineers revise it;
 * a rule reads the conservative end.
 */
export interface VehicleFact {
  value: number | null;
  low?: number | undefined;
  high?: number | undefined;
  source: string;
  basis?: string | undefined;
}

interface VehicleModule {
  id: string;
  label: string;
  /** `crew`: carries the crew through entry; `jettisoned`: separated before entry; `station-side`: stays docked. */
  atEntry: 'crew' | 'jettisoned';
}

export interface VehicleSystem {
  id: string;
  label: string;
  module: string;
  /** Phases in which the system must work: a finding against it is judged in these. */
  criticalIn: readonly ReturnPhase[];
  /**
   * Quantities whose limits judge the consequence of damage to it (the cooling loop: the descent cabin's
   * temperature and humidity). They are required only once a finding touches the system, or reported.
   */
  judgedBy?: readonly ReportedQuantityName[] | undefined;
  /** A model that estimates a quantity it is judged by, applied only while a finding degrades the system. */
  estimate?: 'descent-thermal' | undefined;
}

interface ThrusterGroup {
  id: string;
  label: string;
  module: string;
  role: 'deorbit' | 'attitude' | 'translation' | 'entry-attitude';
  /** The fact key of its thruster count: `thrusters.<id>`. */
}

export interface DescentMode {
  id: string;
  label: string;
  /** A degraded mode (backup engine, ballistic entry) serves the emergency tier only. */
  kind: 'nominal' | 'degraded';
  /** Systems the mode does without (a backup deorbit does without the main engine). */
  bypasses: readonly string[];
  /** The system that delivers the deorbit burn in this mode. */
  deorbitBy: string;
  /** The assessed quantity giving the delta-v that system can deliver. */
  deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps' | 'backupDeorbitDeltaVAvailableMps';
  /** Thruster groups it needs, each with at least the count given by the fact `descent.<mode>.minThrusters.<group>`. */
  needsThrusterGroups: readonly string[];
}

/** What certified life counts from and what bounds it. */
interface LifeBasis {
  countsFrom: 'launch' | 'docking';
  boundBy: string;
  source: string;
}

export interface VehicleClass {
  id: string;
  name: string;
  carries: 'crew' | 'cargo';
  modules: readonly VehicleModule[];
  systems: readonly VehicleSystem[];
  thrusterGroups: readonly ThrusterGroup[];
  descentModes: readonly DescentMode[];
  life: LifeBasis;
  facts: Readonly<Record<string, VehicleFact>>;
}

export type VehicleFacts = VehicleClass['facts'];

type FactRange = QuantityDefinition['range'];
// Physically possible values, as for assessed quantities: outside them a fact is refused, not judged.
const places: FactRange = { min: 0, max: 7, integer: true };
const thrusterCount: FactRange = { min: 0, max: 64, integer: true };

/** Facts every class states. */
export const vehicleFactLabels = {
  crewSeats: { label: 'Crew seats', unit: 'seats', worse: 'lower', range: places },
  improvisedSeats: { label: 'Improvised seats fitted or certified', unit: 'seats', worse: 'lower', range: places },
  emergencyOnlyPlaces: {
    label: 'Emergency-only places (crew strapped in unsuited, a cargo area)',
    unit: 'places',
    worse: 'lower',
    range: places,
  },
  certifiedLifeDays: {
    label: 'Certified docked life',
    unit: 'days',
    worse: 'lower',
    range: { min: 0, max: 3650, minExclusive: true },
  },
  deorbitDeltaVRequiredMps: { label: 'Deorbit delta-v required', unit: 'm/s', worse: 'higher', range: { min: 0, max: 10_000 } },
} as const satisfies Record<string, FactDefinition>;
type VehicleFactKey = keyof typeof vehicleFactLabels;

export const descentFactLabels = {
  peakG: { label: 'peak g-load', unit: 'g', worse: 'higher', range: { min: 0, max: 50, minExclusive: true } },
  peakDurationS: { label: 'peak g-load duration', unit: 's', worse: 'higher', range: { min: 0, max: 3600 } },
  undockToLandingMin: {
    label: 'undock to landing',
    unit: 'min',
    worse: 'higher',
    range: { min: 0, max: 3000, minExclusive: true },
  },
} as const satisfies Record<string, FactDefinition>;
export type DescentFactKey = keyof typeof descentFactLabels;

export const descentFactKey = (modeId: string, fact: DescentFactKey) => `descent.${modeId}.${fact}`;
export const thrusterCountKey = (groupId: string) => `thrusters.${groupId}`;
export const minThrustersKey = (modeId: string, groupId: string) => `descent.${modeId}.minThrusters.${groupId}`;

type FactDefinition = { label: string; unit: string; worse: 'higher' | 'lower'; range: FactRange };
// Every rule reading a fact asks for its definition: worked out once per key.
const factDefinitions = new Map<string, FactDefinition | undefined>();

/** Label, unit and the worse direction of any fact key a class can have. */
export function factDefinition(key: string): FactDefinition | undefined {
  if (!factDefinitions.has(key)) factDefinitions.set(key, workOutFactDefinition(key));
  return factDefinitions.get(key);
}

function workOutFactDefinition(key: string): FactDefinition | undefined {
  if (key in vehicleFactLabels) return vehicleFactLabels[key as VehicleFactKey];
  const thrusters = /^thrusters\.(.+)$/.exec(key);
  if (thrusters) return { label: `Thrusters in group ${thrusters[1]}`, unit: 'thrusters', worse: 'lower', range: thrusterCount };
  const min = /^descent\.([^.]+)\.minThrusters\.(.+)$/.exec(key);
  if (min)
    return { label: `${min[1]}: thrusters of group ${min[2]} needed`, unit: 'thrusters', worse: 'higher', range: thrusterCount };
  const descent = /^descent\.([^.]+)\.([^.]+)$/.exec(key);
  const definition = descent ? descentFactLabels[descent[2] as DescentFactKey] : undefined;
  return descent && definition ? { ...definition, label: `${descent[1]}: ${definition.label}` } : undefined;
}

/** The fact keys a class must state: those of every class, its descent modes' and its thruster groups'. */
export function requiredFactKeys(vehicleClass: Pick<VehicleClass, 'descentModes' | 'thrusterGroups'>): string[] {
  return [
    ...Object.keys(vehicleFactLabels),
    ...vehicleClass.thrusterGroups.map((g) => thrusterCountKey(g.id)),
    ...vehicleClass.descentModes.flatMap((m) => [
      ...(Object.keys(descentFactLabels) as DescentFactKey[]).map((f) => descentFactKey(m.id, f)),
      ...m.needsThrusterGroups.map((g) => minThrustersKey(m.id, g)),
    ]),
  ];
}

/** Why a fact's value, low or high end is impossible for it, each at its field; none for an unknown key or value. */
export function impossibleFactProblems(key: string, fact: VehicleFact): { path: (string | number)[]; message: string }[] {
  const definition = factDefinition(key);
  if (!definition) return [];
  return (['low', 'value', 'high'] as const).flatMap((end) => {
    const v = fact[end];
    const why = typeof v === 'number' ? impossibleValue(definition, v) : null;
    return why ? [{ path: [end], message: `${definition.label}: ${why}` }] : [];
  });
}

/** The end of a fact's range a rule judges: the worse one. */
export function conservativeFact(key: string, fact: VehicleFact | undefined): number {
  if (!fact || fact.value === null) return Number.NaN;
  const worse = factDefinition(key)?.worse ?? 'higher';
  return worse === 'higher' ? (fact.high ?? fact.value) : (fact.low ?? fact.value);
}

/** What is inconsistent in a class that its shape cannot say, as (path, expected) pairs. */
export function vehicleClassProblems(vehicleClass: VehicleClass): { path: (string | number)[]; message: string }[] {
  const problems: { path: (string | number)[]; message: string }[] = [];
  const modules = new Map(vehicleClass.modules.map((m) => [m.id, m]));
  const systems = new Set(vehicleClass.systems.map((s) => s.id));
  const groups = new Set(vehicleClass.thrusterGroups.map((g) => g.id));
  const moduleIds = [...modules.keys()].join(', ');
  if (vehicleClass.carries === 'crew' && ![...modules.values()].some((m) => m.atEntry === 'crew'))
    problems.push({ path: ['modules'], message: 'a module that carries the crew through entry (atEntry "crew")' });
  vehicleClass.systems.forEach((system, i) => {
    const module = modules.get(system.module);
    if (!module) problems.push({ path: ['systems', i, 'module'], message: `one of the class's modules (${moduleIds})` });
    else if (module.atEntry === 'jettisoned' && system.criticalIn.some((p) => p === 'entry' || p === 'landing'))
      problems.push({
        path: ['systems', i, 'criticalIn'],
        message: `no entry or landing phase: ${module.label} is jettisoned before entry`,
      });
  });
  vehicleClass.thrusterGroups.forEach((group, i) => {
    if (!modules.has(group.module))
      problems.push({ path: ['thrusterGroups', i, 'module'], message: `one of the class's modules (${moduleIds})` });
  });
  vehicleClass.descentModes.forEach((mode, i) => {
    if (!systems.has(mode.deorbitBy))
      problems.push({ path: ['descentModes', i, 'deorbitBy'], message: "one of the class's systems" });
    mode.bypasses.forEach((id, j) => {
      if (!systems.has(id)) problems.push({ path: ['descentModes', i, 'bypasses', j], message: "one of the class's systems" });
    });
    mode.needsThrusterGroups.forEach((id, j) => {
      if (!groups.has(id))
        problems.push({ path: ['descentModes', i, 'needsThrusterGroups', j], message: "one of the class's thruster groups" });
    });
  });
  for (const key of requiredFactKeys(vehicleClass)) {
    if (!vehicleClass.facts[key]) problems.push({ path: ['facts', key], message: 'a fact, with its source (or "unknown")' });
  }
  for (const [key, fact] of Object.entries(vehicleClass.facts))
    for (const problem of impossibleFactProblems(key, fact)) problems.push({ ...problem, path: ['facts', key, ...problem.path] });
  return problems;
}
