import type { ThresholdUnit } from './thresholds';

export type Discipline = 'thermal' | 'pressure' | 'propulsion-attitude' | 'vehicle-life' | 'common-cause';

/** An acceptance criterion as data: the evaluator reads it, the UI shows it. */
export interface FlightRule {
  id: string;
  statement: string;
  discipline: Discipline;
  /** The quantity it reads; per-crew quantities are reported for each crew count. */
  quantity: string;
  perCrewCount: boolean;
  comparator: '<=' | '>=';
  /** Threshold base key; the tier picks `.nominal` / `.emergency` where the profile has both. */
  threshold: string;
  unit: ThresholdUnit;
  rationale: string;
  source: string;
}

/** Can the damaged vehicle fly this many crew home now? */
export const flyabilityRules: readonly FlightRule[] = [
  {
    id: 'thermal.peak-cabin-temp',
    statement: 'Predicted peak cabin temperature during descent stays within the limit',
    discipline: 'thermal',
    quantity: 'peakCabinTempC',
    perCrewCount: true,
    comparator: '<=',
    threshold: 'maxDescentCabinTempC',
    unit: '°C',
    rationale: 'With the external loop empty, crew and equipment heat stays in the cabin; fewer crew, less heat',
    source: 'SD-0215',
  },
  {
    id: 'thermal.peak-cabin-humidity',
    statement: 'Predicted peak cabin humidity during descent stays within the limit',
    discipline: 'thermal',
    quantity: 'peakCabinHumidityPct',
    perCrewCount: true,
    comparator: '<=',
    threshold: 'maxDescentCabinHumidityPct',
    unit: '%RH',
    rationale: 'Humidity "would soar" without heat rejection; crew exhalation and sweat add to it',
    source: 'SD-0215',
  },
  {
    id: 'pressure.descent-module-leak',
    statement: 'The descent module holds pressure',
    discipline: 'pressure',
    quantity: 'descentModuleLeakRateKpaPerHour',
    perCrewCount: false,
    comparator: '<=',
    threshold: 'maxDescentModuleLeakRateKpaPerHour',
    unit: 'kPa/h',
    rationale: 'The crew rides the descent module home; a leak there is a direct hazard',
    source: 'assumed',
  },
  {
    id: 'propulsion.deorbit-delta-v',
    statement: 'The deorbit engine can deliver the deorbit burn',
    discipline: 'propulsion-attitude',
    quantity: 'deorbitDeltaVAvailableMps',
    perCrewCount: false,
    comparator: '>=',
    threshold: 'minDeorbitDeltaVMps',
    unit: 'm/s',
    rationale: 'Without the full burn the vehicle cannot leave orbit on its planned track',
    source: 'NASA-LT',
  },
  {
    id: 'attitude.thrusters-lost',
    statement: 'Enough attitude-control thrusters work for undocking and entry',
    discipline: 'propulsion-attitude',
    quantity: 'attitudeThrustersLost',
    perCrewCount: false,
    comparator: '<=',
    threshold: 'maxAttitudeThrustersLost',
    unit: 'count',
    rationale: 'Attitude control holds the burn direction and the entry orientation',
    source: 'TASS-1216',
  },
  {
    id: 'vehicle-life.at-return',
    statement: 'The vehicle is within its certified life when it returns',
    discipline: 'vehicle-life',
    quantity: 'vehicleAgeAtReturnDays',
    perCrewCount: false,
    comparator: '<=',
    threshold: 'certifiedLifeDays',
    unit: 'days',
    rationale: 'Beyond its certified life a vehicle is not qualified to carry crew',
    source: 'WIKI-SMS',
  },
];

/** Can a replacement arrive while the damaged vehicle still serves as a lifeboat? */
export const lifeboatThroughWaitRule: FlightRule = {
  id: 'vehicle-life.lifeboat-through-wait',
  statement: 'The damaged vehicle stays within its certified life until the replacement arrives',
  discipline: 'vehicle-life',
  quantity: 'vehicleAgeAtReplacementArrivalDays',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'certifiedLifeDays',
  unit: 'days',
  rationale: 'Crew kept on the damaged vehicle as an emergency seat need it qualified for the whole wait',
  source: 'WIKI-SMS',
};

/** May the replacement launch now? */
export const commonCauseRule: FlightRule = {
  id: 'common-cause.replacement-cleared',
  statement: 'No open question that the same defect is in the replacement or the fleet',
  discipline: 'common-cause',
  quantity: 'openCommonCauseQuestions',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxOpenCommonCauseQuestions',
  unit: 'count',
  rationale: 'A replacement with the same defect would strand the crew a second time',
  source: 'SPO-0213',
};

export const allRules: readonly FlightRule[] = [...flyabilityRules, lifeboatThroughWaitRule, commonCauseRule];

export function crewQuantityKey(quantity: string, crewCount: number): string {
  return `${quantity}.crew${crewCount}`;
}
