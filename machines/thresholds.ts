import type { Tier } from './types';

export type ThresholdUnit = '°C' | '%RH' | 'kPa/h' | 'm/s' | 'count' | 'days';

/** Plausible range for any value in a unit: outside it a value is a typo, not a judgement. */
export const plausibleRangeByUnit: Record<ThresholdUnit, { min: number; max: number; integer?: boolean }> = {
  '°C': { min: 0, max: 80 },
  '%RH': { min: 0, max: 100 },
  'kPa/h': { min: 0, max: 101.3 },
  'm/s': { min: 0, max: 1000 },
  count: { min: 0, max: 16, integer: true },
  days: { min: 1, max: 3650 },
};

export interface ThresholdDefinition {
  key: string;
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
  base: string,
  label: string,
  unit: ThresholdUnit,
  kind: 'max' | 'min',
  nominal: { value: number; source: string; basis: string },
  emergency: { value: number; source: string; basis: string },
): ThresholdDefinition[] {
  return [
    {
      key: `${base}.nominal`,
      label,
      unit,
      kind,
      tier: 'nominal',
      defaultValue: nominal.value,
      source: nominal.source,
      basis: nominal.basis,
    },
    {
      key: `${base}.emergency`,
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
  {
    key: 'minDeorbitDeltaVMps',
    label: 'Deorbit delta-v available',
    unit: 'm/s',
    kind: 'min',
    defaultValue: 128,
    source: 'NASA-LT',
    basis: 'Soyuz deorbit burn ~4.5 min, 128 m/s',
  },
  ...tiered(
    'maxAttitudeThrustersLost',
    'Attitude-control thrusters lost',
    'count',
    'max',
    { value: 0, source: 'assumed', basis: 'nominal entry expects every thruster' },
    { value: 2, source: 'assumed', basis: 'redundant thrusters cover a loss of two' },
  ),
  {
    key: 'certifiedLifeDays',
    label: 'Certified life in flight',
    unit: 'days',
    kind: 'max',
    defaultValue: 210,
    source: 'WIKI-SMS',
    basis: 'Soyuz MS certified docked life ~210 days ("about 6 months") [WIKI-SMS][PLAN-2015]',
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
    label: 'Improvised seats allowed per other vehicle',
    unit: 'count',
    kind: 'max',
    defaultValue: 1,
    source: 'SPACE-DRG',
    basis: 'a seat liner was fitted in Crew Dragon Endurance, making it a 5-seat lifeboat',
  },
];

export type ThresholdValues = Readonly<Record<string, number>>;

export const thresholdDefinitionByKey: ReadonlyMap<string, ThresholdDefinition> = new Map(
  thresholdDefinitions.map((d) => [d.key, d]),
);

export const defaultThresholdValues: ThresholdValues = Object.fromEntries(
  thresholdDefinitions.map((d) => [d.key, d.defaultValue]),
);

/** The key of the threshold a rule reads in a tier (single-valued thresholds serve both tiers). */
export function thresholdKeyFor(base: string, tier: Tier): string {
  const tieredKey = `${base}.${tier}`;
  return thresholdDefinitionByKey.has(tieredKey) ? tieredKey : base;
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
      problems.push({ key, expected: `a known threshold key (one of ${[...thresholdDefinitionByKey.keys()].join(', ')})` });
      continue;
    }
    const range = plausibleRangeByUnit[definition.unit];
    const what = `${range.integer ? 'a whole number' : 'a number'} of ${definition.unit} from ${range.min} to ${range.max}`;
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
