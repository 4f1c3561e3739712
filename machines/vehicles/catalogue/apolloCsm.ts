import { descentFactKey, minThrustersKey, thrusterCountKey, type VehicleClass } from '../vehicleClass';
import { crewModuleSystems } from './crewModule';

/** Apollo command and service module as flown to Skylab (1973–74). */
export const apolloCsm: VehicleClass = {
  id: 'apollo-csm',
  name: 'Apollo CSM (Skylab)',
  carries: 'crew',
  modules: [
    { id: 'command-module', label: 'command module', atEntry: 'crew' },
    { id: 'service-module', label: 'service module (SPS engine, four RCS quads)', atEntry: 'jettisoned' },
  ],
  systems: [
    ...crewModuleSystems('command-module'),
    { id: 'cm-rcs', label: 'Command-module RCS (two rings)', module: 'command-module', criticalIn: ['entry'] },
    { id: 'sps-engine', label: 'Service propulsion system (SPS) engine', module: 'service-module', criticalIn: ['deorbit'] },
    { id: 'sm-rcs', label: 'Service-module RCS quads', module: 'service-module', criticalIn: ['undock', 'deorbit'] },
    { id: 'fuel-cells', label: 'Fuel cells and cryogenics', module: 'service-module', criticalIn: ['undock', 'deorbit'] },
  ],
  thrusterGroups: [
    { id: 'sm-rcs', label: 'service-module RCS (4 quads of 4)', module: 'service-module', role: 'attitude' },
    { id: 'cm-rcs', label: 'command-module RCS (2 rings of 6)', module: 'command-module', role: 'entry-attitude' },
  ],
  descentModes: [
    {
      id: 'sps-deorbit',
      label: 'SPS deorbit burn, guided entry',
      kind: 'nominal',
      bypasses: [],
      deorbitBy: 'sps-engine',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: ['sm-rcs'],
    },
    {
      id: 'rcs-deorbit',
      label: 'deorbit on the service-module RCS (SPS failed), guided entry',
      kind: 'degraded',
      bypasses: ['sps-engine'],
      deorbitBy: 'sm-rcs',
      deorbitDeltaVQuantity: 'backupDeorbitDeltaVAvailableMps',
      needsThrusterGroups: ['sm-rcs'],
    },
  ],
  life: { countsFrom: 'launch', boundBy: 'consumables and fuel cells of the service module (56 to 84 days)', source: 'assumed' },
  facts: {
    crewSeats: { value: 3, source: 'SKY-NASA-59', basis: 'three couches; five in the rescue configuration [SKY-WIKI-SLR]' },
    improvisedSeats: {
      value: 0,
      source: 'assumed',
      basis: 'two extra couches could be fitted in a rescue configuration (Skylab Rescue, 1973): override where fitted',
    },
    emergencyOnlyPlaces: { value: 0, source: 'assumed', basis: 'none' },
    certifiedLifeDays: {
      value: 84,
      low: 59,
      source: 'SKY-SPHIST',
      basis: 'not found as a limit; Skylab 3 flew 59 days, Skylab 4 84 days (a range of what was flown)',
    },
    [thrusterCountKey('sm-rcs')]: { value: 16, source: 'APL-NASM-RCS', basis: '4 self-contained quads of 4 thrusters' },
    [thrusterCountKey('cm-rcs')]: { value: 12, source: 'APL-DENNIS', basis: '12 in two independent rings for entry [APL-HSW]' },
    [minThrustersKey('sps-deorbit', 'sm-rcs')]: {
      value: 8,
      source: 'assumed',
      basis: 'not found; control on two of the four quads is taken as the minimum (the Skylab 3 analysis, as reported)',
    },
    [minThrustersKey('rcs-deorbit', 'sm-rcs')]: { value: 8, source: 'assumed', basis: 'as the SPS deorbit' },
    deorbitDeltaVRequiredMps: { value: 90, source: 'assumed', basis: 'not found; of the order of a low-orbit deorbit burn' },
    [descentFactKey('sps-deorbit', 'peakG')]: { value: 4, source: 'assumed', basis: 'not found; a lifting entry from low orbit' },
    [descentFactKey('sps-deorbit', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('sps-deorbit', 'undockToLandingMin')]: {
      value: 300,
      source: 'assumed',
      basis: 'not found; about five hours',
    },
    [descentFactKey('rcs-deorbit', 'peakG')]: { value: 4, source: 'assumed', basis: 'as the SPS deorbit' },
    [descentFactKey('rcs-deorbit', 'peakDurationS')]: { value: 90, source: 'assumed', basis: 'as the SPS deorbit' },
    [descentFactKey('rcs-deorbit', 'undockToLandingMin')]: { value: 300, source: 'assumed', basis: 'as the SPS deorbit' },
  },
};
