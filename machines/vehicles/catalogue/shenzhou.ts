import { descentFactKey, minThrustersKey, thrusterCountKey, type VehicleClass } from '../vehicleClass';
import { crewModuleSystems } from './crewModule';

/** Shenzhou (Tiangong crew rotation): three modules, like Soyuz; its re-entry module carries the crew. */
export const shenzhou: VehicleClass = {
  id: 'shenzhou',
  name: 'Shenzhou',
  carries: 'crew',
  modules: [
    { id: 'orbital', label: 'orbital module', atEntry: 'jettisoned' },
    { id: 're-entry', label: 're-entry module', atEntry: 'crew' },
    { id: 'service', label: 'service (propulsion) module', atEntry: 'jettisoned' },
  ],
  systems: [
    ...crewModuleSystems('re-entry', { landing: 'Parachute and soft-landing engines' }),
    { id: 'orbital-module-hull', label: 'Orbital module hull', module: 'orbital', criticalIn: ['docked-lifeboat'] },
    { id: 'main-engines', label: 'Main engines', module: 'service', criticalIn: ['deorbit'] },
    {
      id: 'attitude-control',
      label: 'Attitude control (service-module thrusters)',
      module: 'service',
      criticalIn: ['undock', 'deorbit'],
    },
    {
      id: 'service-cooling',
      label: 'Radiator and coolant loop',
      module: 'service',
      criticalIn: [],
      judgedBy: ['peakCabinTempC', 'peakCabinHumidityPct'],
    },
  ],
  thrusterGroups: [{ id: 'attitude', label: 'service-module attitude thrusters', module: 'service', role: 'attitude' }],
  descentModes: [
    {
      id: 'controlled',
      label: 'controlled (lifting) entry',
      kind: 'nominal',
      bypasses: [],
      deorbitBy: 'main-engines',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: ['attitude'],
    },
    {
      id: 'ballistic',
      label: 'ballistic entry',
      kind: 'degraded',
      bypasses: ['entry-guidance', 'attitude-control'],
      deorbitBy: 'main-engines',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: [],
    },
  ],
  life: { countsFrom: 'launch', boundBy: 'not found ("up to 183 days" docked; crews stay ~6 months)', source: 'SZ-WIKI' },
  facts: {
    crewSeats: { value: 3, source: 'SZ-WIKI', basis: 'three crew per mission [SZ-CMSE]' },
    improvisedSeats: { value: 0, source: 'assumed', basis: 'none reported' },
    emergencyOnlyPlaces: { value: 0, source: 'assumed', basis: 'none reported' },
    certifiedLifeDays: {
      value: 183,
      source: 'SZ-WIKI',
      basis:
        '"up to 183 days" docked (an infobox, second-hand); Shenzhou-20 stayed 270 days but returned uncrewed [SZ20-NT-0120]',
    },
    [thrusterCountKey('attitude')]: { value: null, source: 'not found', basis: 'thruster counts not found' },
    [minThrustersKey('controlled', 'attitude')]: { value: null, source: 'not found', basis: 'not found' },
    deorbitDeltaVRequiredMps: {
      value: 120,
      source: 'assumed',
      basis: 'not found; of the order of the Soyuz burn (128 m/s [CSA-58])',
    },
    [descentFactKey('controlled', 'peakG')]: {
      value: 4,
      source: 'assumed',
      basis: 'not found; a lifting entry like Soyuz (~4–5 g [CSA-58])',
    },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: {
      value: 540,
      source: 'assumed',
      basis: 'not found; returns of about nine hours were reported',
    },
    [descentFactKey('ballistic', 'peakG')]: {
      value: 8.5,
      source: 'assumed',
      basis: 'not found; as Soyuz ballistic entries (8.2–8.6 g [UT-TMA11])',
    },
    [descentFactKey('ballistic', 'peakDurationS')]: { value: 10, source: 'assumed', basis: 'a brief ballistic peak [GH-ACC]' },
    [descentFactKey('ballistic', 'undockToLandingMin')]: { value: 540, source: 'assumed', basis: 'as the controlled entry' },
  },
};
