/**
 * The threshold vocabulary: its keys, the table of their definitions (about 140 of these lines are that
 * table, one entry per threshold with its label, limits and source) and the checks on a set of values.
 * Kept in one file past ~300 lines: the table is typed by the keys and read by the checks, so the table
 * alone cannot leave without an import cycle, and moving the checks out would send some 25 importers
 * (app, CLI, reports, tests, bench) to a second module for one vocabulary.
 */
import { closestNames } from '../closestNames';
import type { Tier } from '../types';

export type ThresholdUnit = '°C' | '%RH' | '%' | 'kPa/h' | 'g' | 'count' | 'status' | 'days';

/** Plausible range for any value in a unit: outside it a value is a typo, not a judgement. */
export const plausibleRangeByUnit: Record<ThresholdUnit, { min: number; max: number; integer?: boolean }> = {
  '°C': { min: 0, max: 80 },
  '%RH': { min: 0, max: 100 },
  '%': { min: 0, max: 300 },
  'kPa/h': { min: 0, max: 101.3 },
  g: { min: 1, max: 20 },
  count: { min: 0, max: 16, integer: true },
  // Severities of a system status: nominal 0, suspect 1, degraded 2, failed 3 (uncleared 4 never passes).
  status: { min: 0, max: 3, integer: true },
  days: { min: 0, max: 365 },
};

/** Thresholds with a nominal and an emergency tier: the key in force is `<base>.nominal` / `<base>.emergency`. */
export const tieredThresholdBases = [
  'maxDescentCabinTempC',
  'maxDescentCabinHumidityPct',
  'maxDescentModuleLeakRateKpaPerHour',
  'minDeorbitDeltaVMarginPct',
  'minAttitudeFaultTolerance',
  'maxCertifiedLifeUsedPct',
  'maxDescentPeakG',
  'maxSystemStatusSeverity',
] as const;
/** Thresholds with one value for both tiers. */
const singleThresholdKeys = [
  'maxLifeboatLifeUsedPct',
  'maxEmergencyOnlyPlacesPerVehicle',
  'maxDaysWithoutLifeboat',
  'maxOpenCommonCauseQuestions',
  'maxImprovisedSeatsPerVehicle',
] as const;
type TieredThresholdBase = (typeof tieredThresholdBases)[number];
type SingleThresholdKey = (typeof singleThresholdKeys)[number];
/** What a rule names: a tiered base or a single key. */
export type ThresholdBase = TieredThresholdBase | SingleThresholdKey;
export type ThresholdKey = `${TieredThresholdBase}.${Tier}` | SingleThresholdKey;

export interface ThresholdDefinition {
  key: ThresholdKey;
  label: string;
  unit: ThresholdUnit;
  /** `max`: a value at or below the threshold passes; `min`: at or above. */
  kind: 'max' | 'min';
  /** Present when the threshold has nominal and emergency tiers; absent when one value serves both. */
  tier?: Tier;
  defaultValue: number;
  source: string;
  basis: string;
}

function tiered(
  base: TieredThresholdBase,
  label: string,
  unit: ThresholdUnit,
  kind: 'max' | 'min',
  nominal: { value: number; source: string; basis: string },
  emergency: { value: number; source: string; basis: string },
): ThresholdDefinition[] {
  return [
    {
      key: `${base}.nominal` as const,
      label,
      unit,
      kind,
      tier: 'nominal',
      defaultValue: nominal.value,
      source: nominal.source,
      basis: nominal.basis,
    },
    {
      key: `${base}.emergency` as const,
      label,
      unit,
      kind,
      tier: 'emergency',
      defaultValue: emergency.value,
      source: emergency.source,
      basis: emergency.basis,
    },
  ];
}

export const thresholdDefinitions: readonly ThresholdDefinition[] = [
  ...tiered(
    'maxDescentCabinTempC',
    'Peak descent cabin temperature',
    '°C',
    'max',
    { value: 27, source: '3001-SEC', basis: 'NASA-STD-3001 cabin operating limit 18–27 °C (seen second-hand)' },
    {
      value: 40,
      source: 'assumed',
      basis: '~40 °C "would not be healthy for the crew" [SD-0215]; accepted only in an emergency',
    },
  ),
  ...tiered(
    'maxDescentCabinHumidityPct',
    'Peak descent cabin relative humidity',
    '%RH',
    'max',
    { value: 75, source: '3001-SEC', basis: 'NASA-STD-3001 cabin operating limit 25–75 % RH (seen second-hand)' },
    { value: 100, source: 'assumed', basis: 'humidity alone does not stop an emergency return; no figures were published' },
  ),
  ...tiered(
    'maxDescentModuleLeakRateKpaPerHour',
    'Descent module pressure loss',
    'kPa/h',
    'max',
    { value: 0.1, source: 'assumed', basis: 'no published Soyuz figure; a sealed descent module is expected' },
    { value: 1, source: 'assumed', basis: 'suited crew tolerates a slow leak for a ~3.5 h descent [NASA-LT]' },
  ),
  ...tiered(
    'minDeorbitDeltaVMarginPct',
    'Deorbit delta-v margin (available / required − 1)',
    '%',
    'min',
    { value: 5, source: 'assumed', basis: 'a reserve for burn dispersions; no published figure' },
    { value: 0, source: 'assumed', basis: 'in an emergency the burn itself must be possible, nothing more' },
  ),
  ...tiered(
    'minAttitudeFaultTolerance',
    'Attitude-control fault tolerance left (working thrusters − the class minimum)',
    'count',
    'min',
    {
      value: 1,
      source: 'SWEHB-HR31',
      basis: 'NASA human rating: at least single failure tolerance to catastrophic events [NPR-2A]',
    },
    { value: 0, source: 'assumed', basis: 'an emergency accepts no failure tolerance left, never fewer thrusters than needed' },
  ),
  ...tiered(
    'maxCertifiedLifeUsedPct',
    'Share of certified docked life used',
    '%',
    'max',
    { value: 100, source: 'WP-SMS', basis: 'within the certified life (Soyuz MS ~210 days, Crew Dragon ≥ 210 [CCP-KIT])' },
    {
      value: 110,
      source: 'assumed',
      basis: 'life is extended case by case (MS-23 was planned for 215 days against ~200–210 [SB-215]); 10 % assumed',
    },
  ),
  ...tiered(
    'maxDescentPeakG',
    'Peak entry g-load of the descent mode',
    'g',
    'max',
    { value: 5, source: 'GH-ACC', basis: 'NASA-STD-3001 Vol. 2, deconditioned crew, chest-to-back: 5 g for 90 s' },
    {
      value: 10,
      source: 'GH-ACC',
      basis:
        'NASA-STD-3001 Vol. 2: 10 g for 10 s, the bracket of a brief ballistic peak (nominal vs contingency split not found)',
    },
  ),
  ...tiered(
    'maxSystemStatusSeverity',
    'Worst status accepted of a system the phase needs (0 nominal, 1 suspect, 2 degraded, 3 failed)',
    'status',
    'max',
    {
      value: 0,
      source: 'SWEHB-HR31',
      basis:
        'a crew rides home only on systems that work as designed or are cleared by analysis (single failure tolerance kept [NPR-2A])',
    },
    {
      value: 2,
      source: 'assumed',
      basis: 'in an emergency a degraded or suspect system is flown, a failed one is not (a degraded mode may stand in for it)',
    },
  ),
  {
    key: 'maxLifeboatLifeUsedPct',
    label: 'Share of certified life a vehicle kept only as a lifeboat may reach',
    unit: '%',
    kind: 'max',
    defaultValue: 110,
    source: 'assumed',
    basis:
      'a lifeboat flies only in an emergency, where the emergency life limit applies; life is extended case by case (MS-23 planned for 215 days against ~200–210 [SB-215])',
  },
  {
    key: 'maxEmergencyOnlyPlacesPerVehicle',
    label: 'Emergency-only places (unsuited, a cargo area) counted per lifeboat',
    unit: 'count',
    kind: 'max',
    defaultValue: 2,
    source: 'STL-N9-0825',
    basis: 'Crew-8’s Dragon was made a six-person lifeboat with two extra places, its two extra crew flying unsuited (2024)',
  },
  {
    key: 'maxDaysWithoutLifeboat',
    label:
      'Days a crew may be left without a lifeboat while a replacement comes (a plan that needs it is offered, and decided only with a recorded acceptance)',
    unit: 'days',
    kind: 'max',
    defaultValue: 0,
    source: 'NA-LIFE',
    basis: 'the lifeboat rule: every crew member aboard has an assigned seat on a docked return vehicle',
  },
  {
    key: 'maxOpenCommonCauseQuestions',
    label: 'Open common-cause questions at replacement launch',
    unit: 'count',
    kind: 'max',
    defaultValue: 0,
    source: 'SPO-0213',
    basis: 'the replacement launch was postponed "until the cause is determined"',
  },
  {
    key: 'maxImprovisedSeatsPerVehicle',
    label: 'Improvised seats counted per vehicle (seat policy)',
    unit: 'count',
    kind: 'max',
    defaultValue: 1,
    source: 'SPACE-DRG',
    basis: 'a seat liner was fitted in Crew Dragon Endurance, making it a 5-seat lifeboat',
  },
];

/** A value for every threshold, keyed by the one vocabulary of threshold keys. */
export type ThresholdValues = Readonly<Record<ThresholdKey, number>>;
/** Some thresholds by key: a profile file's overrides, what an exploration changed, a set to record. */
export type PartialThresholdValues = Readonly<Partial<Record<ThresholdKey, number>>>;

const thresholdKeys: ReadonlySet<string> = new Set<string>([
  ...tieredThresholdBases.flatMap((b) => [`${b}.nominal`, `${b}.emergency`]),
  ...singleThresholdKeys,
]);
export const isThresholdKey = (key: string): key is ThresholdKey => thresholdKeys.has(key);

/** The value of a key read from input (an event, a file, a record): undefined when it is no threshold. */
export const thresholdValue = (thresholds: ThresholdValues, key: string): number | undefined =>
  isThresholdKey(key) ? thresholds[key] : undefined;

/** Keys of earlier profiles: vehicle facts now, or vehicle-relative policy. Refused with what replaced them. */
const removedThresholdKeys: Readonly<Record<string, string>> = {
  certifiedLifeDays:
    'certified life is a fact of each vehicle class (the vehicle catalogue); the policy is maxCertifiedLifeUsedPct.nominal / .emergency (% of that life)',
  maxAttitudeThrustersLost:
    'thrusters are facts of each vehicle class; the policy is minAttitudeFaultTolerance.nominal / .emergency (working thrusters − the class minimum)',
  minDeorbitDeltaVMps:
    'the deorbit burn is a fact of each vehicle class; the policy is minDeorbitDeltaVMarginPct.nominal / .emergency (available / required − 1, in %)',
  thinMarginPctOfLimit:
    "a thin margin is judged by each rule's own caution band, in its own unit (2 °C, 0.05 kPa/h, …): a share of the limit meant nothing on a °C scale",
};

/** What to say of a key that is not a threshold (a removed one, tiered or not, says what replaced it). */
export function unknownThresholdKey(key: string): string {
  const base = key.replace(/\.(nominal|emergency)$/, '');
  const replacedBy = removedThresholdKeys[base];
  if (replacedBy) return `${base} was removed: ${replacedBy}`;
  // The key is the problem's path already: these words name the nearest keys, never the twenty-odd of them.
  const closest = closestNames(key, [...thresholdDefinitionByKey.keys()]);
  return closest.length
    ? `a known threshold key (closest: ${closest.join(', ')})`
    : 'a known threshold key: a limit with its tier (maxDescentCabinTempC.nominal, ….emergency) or a campaign limit (maxDaysWithoutLifeboat)';
}

export const thresholdDefinitionByKey: ReadonlyMap<string, ThresholdDefinition> = new Map<string, ThresholdDefinition>(
  thresholdDefinitions.map((d) => [d.key, d]),
);

export const defaultThresholdValues = Object.fromEntries(
  thresholdDefinitions.map((d) => [d.key, d.defaultValue]),
) as ThresholdValues;

/** The key of the threshold a rule reads in a tier (single-valued thresholds serve both tiers). */
export function thresholdKeyFor(base: ThresholdBase, tier: Tier): ThresholdKey {
  return (tieredThresholdBases as readonly string[]).includes(base)
    ? (`${base as TieredThresholdBase}.${tier}` as const)
    : (base as SingleThresholdKey);
}

export interface ThresholdProblem {
  key: string;
  expected: string;
}

/** Checks a complete set of values: known keys, finite, in range, emergency no stricter than nominal. */
export function validateThresholdValues(values: Readonly<Record<string, unknown>>): ThresholdProblem[] {
  return [...valueProblems(values), ...tierOrderProblems(values)];
}

/** Each value on its own: a known key, a finite number in the unit's plausible range. */
export function valueProblems(values: Readonly<Record<string, unknown>>): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const [key, value] of Object.entries(values)) {
    const definition = thresholdDefinitionByKey.get(key);
    if (!definition) {
      problems.push({ key, expected: unknownThresholdKey(key) });
      continue;
    }
    const range = plausibleRangeByUnit[definition.unit];
    const unit = definition.unit === 'count' ? '' : ` ${definition.unit}`;
    const what = `${range.integer ? 'a whole number' : 'a number'}${unit ? ` of${unit}` : ''} from ${range.min} to ${range.max}`;
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      problems.push({ key, expected: `${what}, got ${JSON.stringify(value) ?? String(value)}` });
    } else if (value < range.min || value > range.max || (range.integer && !Number.isInteger(value))) {
      problems.push({ key, expected: `${what}, got ${value}` });
    }
  }
  return problems;
}

/** Values together: an emergency limit never stricter than its nominal one. */
function tierOrderProblems(values: Readonly<Record<string, unknown>>): ThresholdProblem[] {
  const problems: ThresholdProblem[] = [];
  for (const definition of thresholdDefinitions) {
    if (definition.tier !== 'emergency') continue;
    const base = definition.key.slice(0, -'.emergency'.length);
    const emergency = values[definition.key];
    const nominal = values[`${base}.nominal`];
    if (typeof emergency !== 'number' || typeof nominal !== 'number') continue;
    const stricter = definition.kind === 'max' ? emergency < nominal : emergency > nominal;
    if (stricter) {
      const bound = definition.kind === 'max' ? 'at least' : 'at most';
      problems.push({
        key: definition.key,
        expected: `an emergency limit no stricter than the nominal one (${bound} ${nominal} ${definition.unit}), got ${emergency}`,
      });
    }
  }
  return problems;
}
