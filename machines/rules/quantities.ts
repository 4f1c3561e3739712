import { parseStatusKey, unclearedSeverity } from './systemStatus';

/** The names of the quantities a finding or report can set: the one vocabulary the schema, rules and reports share. */
export const reportedQuantityNames = [
  'peakCabinTempC',
  'peakCabinHumidityPct',
  'descentModuleLeakRateKpaPerHour',
  'deorbitDeltaVAvailableMps',
  'backupDeorbitDeltaVAvailableMps',
  'thrustersLost',
  'replacementLeadTimeDays',
  'openCommonCauseQuestions',
  'commonCauseHoldDays',
  'holeDiameterMm',
  'coolantRemainingPct',
  'livingVolumeTempC',
  'instrumentCompartmentTempC',
  'crewMetabolicHeatW',
  'descentEquipmentHeatW',
  'descentDurationMin',
  'cabinTempAtHatchCloseC',
  'descentCabinHeatCapacityKjPerK',
] as const;
export type ReportedQuantityName = (typeof reportedQuantityNames)[number];

/** Quantities a finding or an engineering report can set; rules read some, the rest inform. */
export interface QuantityDefinition {
  name: ReportedQuantityName | 'systemStatus';
  label: string;
  unit: string;
  perCrewCount: boolean;
  /** Which way is worse: a rule reads the conservative end of a range, the worse one. */
  worse: 'higher' | 'lower';
  /** Physically possible values; outside them an input is refused, not judged. */
  range: { min: number; max: number; minExclusive?: boolean; integer?: boolean };
}

const temperatureC = { min: -100, max: 150 };
const percent = { min: 0, max: 100 };
const positiveDays = { min: 0, max: 3650, minExclusive: true };
const count = { min: 0, max: 64, integer: true };

export const reportedQuantities: readonly QuantityDefinition[] = [
  q('peakCabinTempC', 'Predicted peak descent cabin temperature', '°C', true, 'higher', temperatureC),
  q('peakCabinHumidityPct', 'Predicted peak descent cabin humidity', '%RH', true, 'higher', percent),
  q('descentModuleLeakRateKpaPerHour', 'Descent module pressure loss', 'kPa/h', false, 'higher', { min: 0, max: 101.3 }),
  q('deorbitDeltaVAvailableMps', 'Deorbit delta-v available (main engine)', 'm/s', false, 'lower', { min: 0, max: 10_000 }),
  q('backupDeorbitDeltaVAvailableMps', 'Deorbit delta-v available (backup engine)', 'm/s', false, 'lower', {
    min: 0,
    max: 10_000,
  }),
  q('thrustersLost', 'Thrusters lost', 'count', false, 'higher', count),
  q('replacementLeadTimeDays', 'Replacement lead time', 'days', false, 'higher', positiveDays),
  q('openCommonCauseQuestions', 'Open common-cause questions', 'count', false, 'higher', count),
  q('commonCauseHoldDays', 'Launch hold for common cause', 'days', false, 'higher', positiveDays),
  q('holeDiameterMm', 'Hole diameter', 'mm', false, 'higher', { min: 0, max: 10_000 }),
  q('coolantRemainingPct', 'Coolant remaining', '%', false, 'lower', percent),
  q('livingVolumeTempC', 'Living-volume temperature (docked)', '°C', false, 'higher', temperatureC),
  q('instrumentCompartmentTempC', 'Instrument compartment temperature (docked)', '°C', false, 'higher', temperatureC),
  // The descent-thermal estimate's inputs: a report replaces the model's default.
  q('crewMetabolicHeatW', 'Metabolic heat per crew member (descent)', 'W', false, 'higher', { min: 0, max: 1000 }),
  q('descentEquipmentHeatW', 'Equipment heat in the descent cabin', 'W', false, 'higher', { min: 0, max: 100_000 }),
  q('descentDurationMin', 'Descent duration, hatch close to landing', 'min', false, 'higher', {
    min: 0,
    max: 3000,
    minExclusive: true,
  }),
  q('cabinTempAtHatchCloseC', 'Cabin temperature at hatch close', '°C', false, 'higher', temperatureC),
  q('descentCabinHeatCapacityKjPerK', 'Descent cabin effective heat capacity', 'kJ/K', false, 'lower', {
    min: 0,
    max: 1_000_000,
    minExclusive: true,
  }),
];

function q(
  name: ReportedQuantityName,
  label: string,
  unit: string,
  perCrewCount: boolean,
  worse: QuantityDefinition['worse'],
  range: QuantityDefinition['range'],
): QuantityDefinition {
  return { name, label, unit, perCrewCount, worse, range };
}

export const reportedQuantityByName: ReadonlyMap<string, QuantityDefinition> = new Map(
  reportedQuantities.map((d) => [d.name, d]),
);

/** Quantities reported for one thruster group of the vehicle: `thrustersLost.<group>`. */
export const perThrusterGroup: ReadonlySet<string> = new Set(['thrustersLost']);

export const thrusterGroupKey = (quantity: string, groupId: string) => `${quantity}.${groupId}`;

/** `peakCabinTempC.crew3`: a quantity reported for a given number of crew aboard. */
export function crewQuantityKey(quantity: string, crewCount: number): string {
  return `${quantity}.crew${crewCount}`;
}

const statusDefinition = (moduleId: string, systemId: string): QuantityDefinition => ({
  name: 'systemStatus',
  label: `Status of ${words(systemId)} (${words(moduleId)})`,
  unit: 'status',
  perCrewCount: false,
  worse: 'higher',
  range: { min: 0, max: unclearedSeverity, integer: true },
});
const words = (id: string) => id.replaceAll('-', ' ');

export interface QuantityOfKey {
  definition: QuantityDefinition;
  crewCount?: number;
  thrusterGroup?: string;
}

/** `peakCabinTempC.crew3`, `thrustersLost.draco`, `status.descent.heat-shield` → its definition and qualifier. */
export function quantityOfKey(key: string): QuantityOfKey | undefined {
  const status = parseStatusKey(key);
  if (status) return { definition: statusDefinition(status.moduleId, status.systemId) };
  const crew = /^(.*)\.crew(\d+)$/.exec(key);
  if (crew) {
    const definition = reportedQuantityByName.get(crew[1] as string);
    return definition?.perCrewCount ? { definition, crewCount: Number(crew[2]) } : undefined;
  }
  const dot = key.indexOf('.');
  if (dot > 0 && perThrusterGroup.has(key.slice(0, dot))) {
    const definition = reportedQuantityByName.get(key.slice(0, dot)) as QuantityDefinition;
    const thrusterGroup = key.slice(dot + 1);
    return { definition: { ...definition, label: `${definition.label} (${words(thrusterGroup)})` }, thrusterGroup };
  }
  const definition = reportedQuantityByName.get(key);
  return definition && !perThrusterGroup.has(key) ? { definition } : undefined;
}

/** Quantities the rules read that are worked out (from assessed values, vehicle facts, the seat plan), by name. */
const derivedQuantityLabels = {
  lifeUsedAtReturnPct: 'Share of certified life used at return',
  lifeUsedAtReplacementArrivalPct: 'Share of certified life used when the replacement arrives',
  deorbitDeltaVMarginPct: 'Deorbit delta-v margin',
  thrusterFaultToleranceLeft: 'Thruster fault tolerance left (working thrusters − the mode’s minimum)',
  systemStatus: 'Status of a system the phase needs',
  descentPeakG: 'Peak entry g-load of the descent mode',
  crewAboardDamagedVehicle: 'Crew aboard the damaged vehicle',
  crewOnOtherVehicles: 'Crew moved to other vehicles',
  daysWithoutLifeboat: 'Days a crew waits without a lifeboat',
  crewSwappedHome: 'This crew riding another docked vehicle home',
} as const satisfies Readonly<Record<string, string>>;
type DerivedQuantityName = keyof typeof derivedQuantityLabels;
/** Every quantity a rule can read: reported, or worked out. */
export type RuleQuantity = ReportedQuantityName | DerivedQuantityName;

/** A derived quantity's label; a key qualified by a thruster group (`thrusterFaultToleranceLeft.draco`) names it. */
export function derivedQuantityLabel(key: string): string | undefined {
  const dot = key.indexOf('.');
  const base = dot > 0 ? key.slice(0, dot) : key;
  const label = (derivedQuantityLabels as Readonly<Record<string, string>>)[base];
  if (!label) return undefined;
  return dot > 0 ? `${label}, ${words(key.slice(dot + 1))}` : label;
}

/** A quantity's physical range in words: "from 0 to 101.3 kPa/h", "above 0 up to 3650 days". */
function rangeWords({ range, unit }: Pick<QuantityDefinition, 'range' | 'unit'>): string {
  const { min, max, minExclusive } = range;
  return `${minExclusive ? `above ${min} up to` : `from ${min} to`} ${max}${unit === 'count' ? '' : ` ${unit}`}`;
}

/** The values physically possible for a quantity, in words: "from 0 to 101.3 kPa/h", "whole numbers from 0 to 64". */
export function possibleValuesWords(definition: Pick<QuantityDefinition, 'range' | 'unit'>): string {
  return `${definition.range.integer ? 'whole numbers ' : ''}${rangeWords(definition)}`;
}

/** Why a value is impossible for its quantity, or null when it is possible. */
export function impossibleValue(definition: Pick<QuantityDefinition, 'range' | 'unit'>, value: number): string | null {
  const { min, max, minExclusive, integer } = definition.range;
  const below = minExclusive ? value <= min : value < min;
  if (below || value > max || (integer && !Number.isInteger(value))) {
    return `${integer ? 'a whole number' : 'a number'} ${rangeWords(definition)}, got ${value}`;
  }
  return null;
}
