import type { ThresholdBase } from '../policy/thresholds';
import type { RuleQuantity } from './quantities';

type Discipline =
  | 'thermal'
  | 'pressure'
  | 'propulsion-attitude'
  | 'descent'
  | 'vehicle-life'
  | 'seats'
  | 'common-cause'
  | 'systems';

/** An acceptance criterion as data: the evaluator reads it, the UI shows it. */
export interface FlightRule {
  id: string;
  statement: string;
  discipline: Discipline;
  /** The quantity it reads; per-crew quantities are reported for each crew count. */
  quantity: RuleQuantity;
  perCrewCount: boolean;
  comparator: '<=' | '>=';
  /** Threshold base key; the tier picks `.nominal` / `.emergency` where the profile has both. */
  threshold: ThresholdBase;
  /**
   * How near its limit a pass is worth a caution, in the rule's own unit: a pass within it is "thin"
   * (an update of the assessment could change it). `by design`: the reading is a fact of the plan or
   * the vehicle (a seat count, a rated load), so a pass at the limit is met by construction, never thin.
   * Null: no band (a count or an ordinal status, where at the limit is simply at the limit).
   */
  caution: number | 'by design' | null;
  rationale: string;
  source: string;
}

export const peakCabinTempRule: FlightRule = {
  id: 'thermal.peak-cabin-temp',
  statement: 'Predicted peak cabin temperature during descent stays within the limit',
  discipline: 'thermal',
  quantity: 'peakCabinTempC',
  perCrewCount: true,
  comparator: '<=',
  threshold: 'maxDescentCabinTempC',
  caution: 2,
  rationale: 'With the external loop empty, crew and equipment heat stays in the cabin; fewer crew, less heat',
  source: 'SD-0215',
};

export const peakCabinHumidityRule: FlightRule = {
  id: 'thermal.peak-cabin-humidity',
  statement: 'Predicted peak cabin humidity during descent stays within the limit',
  discipline: 'thermal',
  quantity: 'peakCabinHumidityPct',
  perCrewCount: true,
  comparator: '<=',
  threshold: 'maxDescentCabinHumidityPct',
  caution: 5,
  rationale: 'Humidity "would soar" without heat rejection; crew exhalation and sweat add to it',
  source: 'SD-0215',
};

const descentModuleLeakRule: FlightRule = {
  id: 'pressure.descent-module-leak',
  statement: 'The descent module holds pressure',
  discipline: 'pressure',
  quantity: 'descentModuleLeakRateKpaPerHour',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxDescentModuleLeakRateKpaPerHour',
  caution: 0.05,
  rationale: 'The crew rides the descent module home; a leak there is a direct hazard',
  source: 'assumed',
};

export const lifeAtReturnRule: FlightRule = {
  id: 'vehicle-life.at-return',
  statement: 'The share of its certified life the vehicle has used when it returns stays within the limit',
  discipline: 'vehicle-life',
  quantity: 'lifeUsedAtReturnPct',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxCertifiedLifeUsedPct',
  caution: 5,
  rationale: 'Beyond its certified life a vehicle is not qualified to carry crew (Soyuz: its peroxide ages [RSW-SA])',
  source: 'WP-SMS',
};

/** Rules about the crew aboard the damaged vehicle, whatever descent mode it flies. */
export const crewRules: readonly FlightRule[] = [
  peakCabinTempRule,
  peakCabinHumidityRule,
  descentModuleLeakRule,
  lifeAtReturnRule,
];

export const deorbitMarginRule: FlightRule = {
  id: 'propulsion.deorbit-margin',
  statement: "The mode's deorbit engine delivers the class's deorbit burn with margin (available / required − 1)",
  discipline: 'propulsion-attitude',
  quantity: 'deorbitDeltaVMarginPct',
  perCrewCount: false,
  comparator: '>=',
  threshold: 'minDeorbitDeltaVMarginPct',
  caution: 5,
  rationale: 'Without the full burn the vehicle cannot leave orbit on its planned track',
  source: 'NSF-MS17',
};

export const thrusterToleranceRule: FlightRule = {
  id: 'thrusters.fault-tolerance',
  statement: "Working thrusters of each group the descent mode needs exceed the mode's minimum by the tolerance",
  discipline: 'propulsion-attitude',
  quantity: 'thrusterFaultToleranceLeft',
  perCrewCount: false,
  comparator: '>=',
  threshold: 'minAttitudeFaultTolerance',
  caution: null,
  rationale:
    'Which group is lost decides: attitude control holds the burn direction and entry orientation, a deorbit group gives the burn; a ballistic entry needs neither',
  source: 'SWEHB-HR31',
};

export const peakGRule: FlightRule = {
  id: 'descent.peak-g-load',
  statement: "The descent mode's peak g-load stays within the crew's limit",
  discipline: 'descent',
  quantity: 'descentPeakG',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxDescentPeakG',
  caution: 'by design',
  rationale: 'A deconditioned crew tolerates less sustained acceleration; a ballistic entry peaks above 8 g',
  source: 'GH-ACC',
};

/** Rules about the descent mode flown: a degraded mode is tried for the emergency tier only. */
export const descentModeRules: readonly FlightRule[] = [deorbitMarginRule, thrusterToleranceRule, peakGRule];

/** Every system the return needs in the mode flown, as the findings left it: nominal (or cleared) within the tier's limit. */
export const returnSystemsRule: FlightRule = {
  id: 'systems.return',
  statement:
    'Each system a finding touched that the return needs in this descent mode (undock, deorbit, entry, landing) is within the tier’s worst accepted status',
  discipline: 'systems',
  quantity: 'systemStatus',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxSystemStatusSeverity',
  caution: null,
  rationale:
    'Damage to a heat shield, window, hatch seal, parachute, separation pyrotechnic, guidance sensor or battery is judged where it matters; a module jettisoned before entry matters only before it goes',
  source: 'SWEHB-HR31',
};

/** A vehicle kept docked as a lifeboat: what it needs while docked (hull, hatch, power), judged at the emergency tier. */
export const lifeboatSystemsRule: FlightRule = {
  id: 'systems.lifeboat',
  statement: 'Each system a finding touched that a docked lifeboat needs is within the tier’s worst accepted status',
  discipline: 'systems',
  quantity: 'systemStatus',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxSystemStatusSeverity',
  caution: null,
  rationale: 'Crew who keep a vehicle as their lifeboat shelter in it and may have to leave in it at any moment',
  source: 'NA-LIFE',
};

const flyabilityRules: readonly FlightRule[] = [...crewRules, ...descentModeRules, returnSystemsRule];

/** Can every vehicle that holds crew through the wait serve as their lifeboat until the replacement arrives? */
export const lifeThroughWaitRule: FlightRule = {
  id: 'vehicle-life.through-wait',
  statement: 'Each vehicle kept as a lifeboat stays within the lifeboat life allowance until the replacement arrives',
  discipline: 'vehicle-life',
  quantity: 'lifeUsedAtReplacementArrivalPct',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxLifeboatLifeUsedPct',
  caution: 5,
  rationale:
    'Crew keep an emergency seat for the whole wait; a lifeboat flies only in an emergency, so it is held to the emergency allowance, not to the life certified for a planned return; a vehicle nobody waits on need not last it',
  source: 'NA-LIFE',
};

/** Continuing to fly home later on a vehicle whose findings are pending: it must still be within its certified life then. */
export const lifeUntilClearedRule: FlightRule = {
  id: 'vehicle-life.until-cleared',
  statement:
    'The vehicle stays within its certified life through the rescue’s lead time, so it can still fly the crew home once its findings are cleared',
  discipline: 'vehicle-life',
  quantity: 'lifeUsedAtReplacementArrivalPct',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxCertifiedLifeUsedPct',
  caution: 5,
  rationale: 'Continuing is a plan to ride the vehicle home: a clearance that comes after its life has run out comes too late',
  source: 'WP-SMS',
};

/** A crew left without a lifeboat while a replacement comes: only for as long as the profile allows, and only accepted on record. */
export const withoutLifeboatRule: FlightRule = {
  id: 'lifeboat.period-without',
  statement: 'A crew left without a lifeboat waits no longer than the profile allows (and the decision records the acceptance)',
  discipline: 'seats',
  quantity: 'daysWithoutLifeboat',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxDaysWithoutLifeboat',
  caution: 2,
  rationale:
    'The lifeboat rule gives every crew member a seat home at any moment; a period without one is a risk the authority accepts, by name and for a time',
  source: 'NA-LIFE',
};

/** A crew swap: this case's crew rides another docked vehicle home, in the seats its own crew gives up. */
export const swapSeatsRule: FlightRule = {
  id: 'seats.crew-swap',
  statement: 'This crew fits the seats of the docked vehicle that takes it home (its own crew gives them up)',
  discipline: 'seats',
  quantity: 'crewSwappedHome',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxImprovisedSeatsPerVehicle',
  caution: 'by design',
  rationale: 'Every crew member rides in a seat with their own moulded liner',
  source: 'ESA-KAZ',
};

export const damagedVehicleSeatsRule: FlightRule = {
  id: 'seats.damaged-vehicle',
  statement: 'Crew aboard the damaged vehicle fit its seats (improvised ones within the seat policy)',
  discipline: 'seats',
  quantity: 'crewAboardDamagedVehicle',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxImprovisedSeatsPerVehicle',
  caution: 'by design',
  rationale: 'Every crew member rides in a seat with their own moulded liner',
  source: 'ESA-KAZ',
};

export const otherVehicleSeatsRule: FlightRule = {
  id: 'seats.other-vehicles',
  statement:
    'Crew moved to other docked vehicles fit the free seats their liners can go to (improvised ones within the seat policy)',
  discipline: 'seats',
  quantity: 'crewOnOtherVehicles',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxImprovisedSeatsPerVehicle',
  caution: 'by design',
  rationale: 'Crew size is limited by the seats of the docked vehicles (the lifeboat rule)',
  source: 'NA-LIFE',
};

/** A plan never seats more crew than a vehicle has seats for, improvised ones within the seat policy. */
const seatRules: readonly FlightRule[] = [damagedVehicleSeatsRule, otherVehicleSeatsRule];

/** May the replacement launch now? */
export const commonCauseRule: FlightRule = {
  id: 'common-cause.replacement-cleared',
  statement: 'No open question that the same defect is in the replacement or the fleet',
  discipline: 'common-cause',
  quantity: 'openCommonCauseQuestions',
  perCrewCount: false,
  comparator: '<=',
  threshold: 'maxOpenCommonCauseQuestions',
  caution: null,
  rationale: 'A replacement with the same defect would strand the crew a second time',
  source: 'SPO-0213',
};

export const allRules: readonly FlightRule[] = [
  ...flyabilityRules,
  lifeboatSystemsRule,
  lifeThroughWaitRule,
  lifeUntilClearedRule,
  withoutLifeboatRule,
  swapSeatsRule,
  ...seatRules,
  commonCauseRule,
];

const ruleById: ReadonlyMap<string, FlightRule> = new Map(allRules.map((rule) => [rule.id, rule]));

/** The rule a recorded evaluation names; undefined for an id no rule has (a record of other logic). */
export const ruleOfId = (id: string): FlightRule | undefined => ruleById.get(id);
