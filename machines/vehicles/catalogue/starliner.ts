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
    boundBy: 'the crew-module batteries: a 45-day docked limit on the Crew Flight Test, extended in flight',
    source: 'STL-SNN-45',
  },
  facts: {
    crewSeats: { value: 4, source: 'STL-SFI-CM12', basis: 'up to 7 by design; NASA station flights up to 4 [STL-WIKIW]' },
    improvisedSeats: { value: 0, source: 'assumed', basis: 'none reported' },
    emergencyOnlyPlaces: { value: 0, source: 'assumed', basis: 'none reported' },
    certifiedLifeDays: {
      value: 45,
      high: 90,
      source: 'STL-SNN-45',
      basis:
        '45 days (batteries) on the Crew Flight Test, 90 discussed [STL-MINT-90]; a design life of up to seven months [STL-WIKIW]',
    },
    [thrusterCountKey('sm-rcs')]: { value: 28, source: 'STL-APR-0615', basis: '28 RCS in 4 "doghouses" [STL-SAYZ-0807]' },
    [thrusterCountKey('omac')]: {
      value: 20,
      source: 'STL-SAYZ-0807',
      basis: '20 OMAC in the 4 doghouses; OMAC gives the deorbit burn [STL-ARS-0710]',
    },
    [thrusterCountKey('cm-rcs')]: { value: 12, source: 'STL-SFI-CM12', basis: '12 MR-104J for attitude during entry' },
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
