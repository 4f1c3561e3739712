import { descentFactKey, type VehicleClass } from '../vehicleClass';
import { crewModuleSystems } from './crewModule';

/** Soyuz 7K-T (Salyut 6 era): two suited crew; a main and a backup deorbit engine in one propulsion unit. */
export const soyuz7kT: VehicleClass = {
  id: 'soyuz-7k-t',
  name: 'Soyuz 7K-T',
  carries: 'crew',
  modules: [
    { id: 'orbital', label: 'orbital module', atEntry: 'jettisoned' },
    { id: 'descent', label: 'descent module', atEntry: 'crew' },
    { id: 'instrument', label: 'instrument-assembly (service) module', atEntry: 'jettisoned' },
  ],
  systems: [
    ...crewModuleSystems('descent', { landing: 'Soft-landing engines' }),
    { id: 'main-engine', label: 'Main engine', module: 'instrument', criticalIn: ['deorbit'] },
    { id: 'backup-engine', label: 'Backup engine', module: 'instrument', criticalIn: [] },
    { id: 'attitude-control', label: 'Attitude control', module: 'instrument', criticalIn: ['undock', 'deorbit'] },
  ],
  thrusterGroups: [],
  descentModes: [
    {
      id: 'controlled',
      label: 'main-engine deorbit, controlled entry',
      kind: 'nominal',
      bypasses: [],
      deorbitBy: 'main-engine',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: [],
    },
    {
      id: 'backup-ballistic',
      label: 'backup-engine deorbit, ballistic entry',
      kind: 'degraded',
      bypasses: ['main-engine', 'entry-guidance'],
      deorbitBy: 'backup-engine',
      deorbitDeltaVQuantity: 'backupDeorbitDeltaVAvailableMps',
      needsThrusterGroups: [],
    },
  ],
  life: { countsFrom: 'launch', boundBy: 'not found ("life had expired after 90 days", translated)', source: 'S34-MEMIM' },
  facts: {
    crewSeats: {
      value: 2,
      source: 'S7KT-RSW',
      basis: 'two in Sokol suits; the third seat gave way to life support after Soyuz 11 [S7KT-INFOG]',
    },
    improvisedSeats: { value: 0, source: 'assumed', basis: 'none' },
    emergencyOnlyPlaces: { value: 0, source: 'assumed', basis: 'none' },
    certifiedLifeDays: { value: 90, source: 'S34-MEMIM', basis: '~90 days, from a translated page (second-hand)' },
    deorbitDeltaVRequiredMps: {
      value: 115,
      source: 'assumed',
      basis: 'not found; of the order of the Soyuz MS burn (128 m/s [CSA-58])',
    },
    [descentFactKey('controlled', 'peakG')]: {
      value: 4,
      source: 'assumed',
      basis: 'a lifting entry like Soyuz MS (~4–5 g [CSA-58])',
    },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: { value: 203, source: 'assumed', basis: 'as Soyuz MS [NASA-SLT]' },
    [descentFactKey('backup-ballistic', 'peakG')]: {
      value: 10,
      low: 8,
      source: 'S33-RP1357',
      basis: 'Soyuz 33: backup-engine burn, ballistic entry up to 10 g',
    },
    [descentFactKey('backup-ballistic', 'peakDurationS')]: {
      value: 10,
      source: 'assumed',
      basis: 'a brief ballistic peak [GH-ACC]',
    },
    [descentFactKey('backup-ballistic', 'undockToLandingMin')]: {
      value: 203,
      source: 'assumed',
      basis: 'as the controlled entry',
    },
  },
};
