import { descentFactKey, minThrustersKey, thrusterCountKey, type VehicleClass } from '../vehicleClass';
import { crewModuleSystems } from './crewModule';

export const crewDragon: VehicleClass = {
  id: 'crew-dragon',
  name: 'Crew Dragon',
  carries: 'crew',
  modules: [
    { id: 'capsule', label: 'capsule', atEntry: 'crew' },
    { id: 'trunk', label: 'trunk (radiator, solar cells)', atEntry: 'jettisoned' },
  ],
  systems: [
    ...crewModuleSystems('capsule'),
    { id: 'draco-propulsion', label: 'Draco propulsion', module: 'capsule', criticalIn: ['undock', 'deorbit', 'entry'] },
    {
      id: 'trunk-radiator',
      label: 'Trunk radiator loop',
      module: 'trunk',
      criticalIn: [],
      judgedBy: ['peakCabinTempC', 'peakCabinHumidityPct'],
    },
  ],
  thrusterGroups: [
    { id: 'draco', label: 'Draco thrusters (attitude, orbit changes, deorbit)', module: 'capsule', role: 'attitude' },
  ],
  descentModes: [
    {
      id: 'controlled',
      label: 'controlled entry after a Draco deorbit burn',
      kind: 'nominal',
      bypasses: [],
      deorbitBy: 'draco-propulsion',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: ['draco'],
    },
  ],
  life: { countsFrom: 'launch', boundBy: 'not found (a commercial-crew requirement of at least 210 days)', source: 'CCP-KIT' },
  facts: {
    crewSeats: { value: 4, source: 'SPACE-DRG5', basis: '4 on NASA flights; designed for up to 7 [PAT-7SEAT]' },
    improvisedSeats: {
      value: 0,
      source: 'assumed',
      basis: 'a fifth seat is fitted per vehicle (Endurance, Jan 2023 [SPACE-DRG5]): override it where fitted',
    },
    emergencyOnlyPlaces: {
      value: 0,
      source: 'assumed',
      basis: 'none certified; places improvised in a cargo area are stated per vehicle where fitted',
    },
    certifiedLifeDays: { value: 210, source: 'CCP-KIT', basis: 'at least 210 days, a commercial-crew requirement [SE-210]' },
    [thrusterCountKey('draco')]: { value: 16, source: 'DT-DRACO', basis: '16 Draco for attitude, orbit changes and deorbit' },
    [minThrustersKey('controlled', 'draco')]: {
      value: 14,
      source: 'assumed',
      basis: 'crew value not found; Dragon cargo was "fail tolerant of 2 Draco engines" [RAP-D1]',
    },
    deorbitDeltaVRequiredMps: {
      value: 100,
      source: 'assumed',
      basis: 'not found; a deorbit from station altitude is of the order of the Soyuz burn (128 m/s [CSA-58])',
    },
    [descentFactKey('controlled', 'peakG')]: { value: 4.2, source: 'AP-42G', basis: 'Demo-2 return' },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'not found; taken at the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: {
      value: 360,
      high: 1800,
      source: 'DISC-D2',
      basis: '6–30 h depending on undock time and site',
    },
  },
};
