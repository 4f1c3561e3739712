import { descentFactKey, minThrustersKey, thrusterCountKey, type VehicleClass } from '../vehicleClass';
import { crewModuleSystems } from './crewModule';

/** Boeing CST-100 Starliner: its deorbit and attitude thrusters sit on a service module jettisoned before entry. */
export const starliner: VehicleClass = {
  id: 'starliner',
  name: 'CST-100 Starliner',
  carries: 'crew',
  modules: [
    { id: 'crew-module', label: 'crew module', atEntry: 'crew' },
    { id: 'service-module', label: 'service module (OMAC and RCS "doghouse" thrusters, helium)', atEntry: 'jettisoned' },
  ],
  systems: [
    ...crewModuleSystems('crew-module', { landing: 'Parachutes and airbags' }),
    { id: 'crew-module-rcs', label: 'Crew-module RCS thrusters', module: 'crew-module', criticalIn: ['entry'] },
    { id: 'omac', label: 'OMAC thrusters (deorbit)', module: 'service-module', criticalIn: ['deorbit'] },
    { id: 'rcs-doghouses', label: 'Service-module RCS thrusters', module: 'service-module', criticalIn: ['undock', 'deorbit'] },
    {
      id: 'helium-pressurant',
      label: 'Helium pressurant manifolds',
      module: 'service-module',
      criticalIn: ['undock', 'deorbit'],
    },
    {
      id: 'service-module-cooling',
      label: 'Service-module cooling',
      module: 'service-module',
      criticalIn: [],
      judgedBy: ['peakCabinTempC'],
    },
  ],
  thrusterGroups: [
    { id: 'sm-rcs', label: 'service-module RCS thrusters (4 doghouses)', module: 'service-module', role: 'attitude' },
    { id: 'omac', label: 'OMAC thrusters', module: 'service-module', role: 'deorbit' },
    { id: 'cm-rcs', label: 'crew-module RCS thrusters', module: 'crew-module', role: 'entry-attitude' },
  ],
  descentModes: [
    {
      id: 'controlled',
      label: 'OMAC deorbit burn, controlled entry, parachutes and airbags',
      kind: 'nominal',
      bypasses: [],
      deorbitBy: 'omac',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: ['sm-rcs', 'omac'],
    },
  ],
  life: {
    countsFrom: 'docking',
    boundBy: 'docked duration limited by the crew module batteries (~45 days, later assessed as extendable to ~90)',
    source: 'assumed',
  },
  facts: {
    crewSeats: {
      value: 4,
      source: 'assumed',
      basis: 'seats 4 on NASA missions (up to 7 by design), from the published vehicle description',
    },
    improvisedSeats: { value: 0, source: 'assumed', basis: 'none reported' },
    emergencyOnlyPlaces: { value: 0, source: 'assumed', basis: 'none reported' },
    certifiedLifeDays: {
      value: 45,
      high: 90,
      source: 'assumed',
      basis: 'docked limit of ~45 days (batteries) cited during the 2024 Crew Flight Test, reported extendable to ~90: a range',
    },
    [thrusterCountKey('sm-rcs')]: {
      value: 28,
      source: 'assumed',
      basis: '28 RCS thrusters in 4 doghouses on the service module (published design)',
    },
    [thrusterCountKey('omac')]: { value: 20, source: 'assumed', basis: '20 OMAC thrusters (published design)' },
    [thrusterCountKey('cm-rcs')]: { value: 12, source: 'assumed', basis: '12 crew-module RCS thrusters (published design)' },
    [minThrustersKey('controlled', 'sm-rcs')]: {
      value: 24,
      source: 'assumed',
      basis: 'not found; control with one doghouse lost (28 − 4 per doghouse) is taken as the minimum',
    },
    [minThrustersKey('controlled', 'omac')]: {
      value: 16,
      source: 'assumed',
      basis: 'not found; one of the four OMAC quads lost is taken as the minimum',
    },
    deorbitDeltaVRequiredMps: {
      value: 100,
      source: 'assumed',
      basis: 'not found; of the order of the Soyuz burn (128 m/s [CSA-58])',
    },
    [descentFactKey('controlled', 'peakG')]: {
      value: 4,
      source: 'assumed',
      basis: 'not found; of the order of other capsules (4–5 g [CSA-58])',
    },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'not found; the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: {
      value: 360,
      source: 'assumed',
      basis: 'not found; about 6 h (OFT-2 and CFT returns)',
    },
  },
};
