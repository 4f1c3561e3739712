import { thrusterCountKey, type VehicleClass } from '../vehicleClass';

export const progressMs: VehicleClass = {
  id: 'progress-ms',
  name: 'Progress MS',
  carries: 'cargo',
  modules: [
    { id: 'cargo', label: 'cargo module', atEntry: 'jettisoned' },
    { id: 'instrument', label: 'instrument-assembly (service) module', atEntry: 'jettisoned' },
  ],
  systems: [
    { id: 'cargo-hull', label: 'Cargo module hull', module: 'cargo', criticalIn: ['docked-lifeboat'] },
    { id: 'external-cooling', label: 'External coolant loop and radiator', module: 'instrument', criticalIn: [] },
  ],
  thrusterGroups: [{ id: 'attitude', label: 'attitude thrusters', module: 'instrument', role: 'attitude' }],
  descentModes: [],
  life: { countsFrom: 'launch', boundBy: 'not found', source: 'SFI-PMS2' },
  facts: {
    crewSeats: { value: 0, source: 'WP-PROG', basis: 'no descent module; burns up on entry [OV-PMS06]' },
    improvisedSeats: { value: 0, source: 'WP-PROG', basis: 'no descent module to seat anyone in' },
    emergencyOnlyPlaces: { value: 0, source: 'WP-PROG', basis: 'no descent module: nobody can ride it home' },
    certifiedLifeDays: { value: 180, source: 'SFI-PMS2', basis: 'typically ~6 months docked' },
    [thrusterCountKey('attitude')]: {
      value: null,
      source: 'not found',
      basis: 'largely the Soyuz design; thruster count not found (28 is not assumed) [WP-PROG]',
    },
    deorbitDeltaVRequiredMps: { value: null, source: 'not found', basis: 'not found' },
  },
};
