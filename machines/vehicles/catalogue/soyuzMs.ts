import { descentFactKey, minThrustersKey, thrusterCountKey, type VehicleClass } from '../vehicleClass';
import { crewModuleSystems } from './crewModule';

export const soyuzMs: VehicleClass = {
  id: 'soyuz-ms',
  name: 'Soyuz MS',
  carries: 'crew',
  modules: [
    { id: 'orbital', label: 'orbital module', atEntry: 'jettisoned' },
    { id: 'descent', label: 'descent module', atEntry: 'crew' },
    { id: 'instrument', label: 'instrument-assembly (service) module', atEntry: 'jettisoned' },
  ],
  systems: [
    ...crewModuleSystems('descent', { landing: 'Soft-landing engines' }),
    { id: 'descent-thrusters', label: 'Descent-module peroxide thrusters', module: 'descent', criticalIn: ['entry'] },
    { id: 'orbital-module-hull', label: 'Orbital module hull', module: 'orbital', criticalIn: ['docked-lifeboat'] },
    { id: 'main-engine', label: 'Main engine (SKD)', module: 'instrument', criticalIn: ['deorbit'] },
    {
      id: 'attitude-control',
      label: 'Attitude control (service-module thrusters)',
      module: 'instrument',
      criticalIn: ['undock', 'deorbit'],
    },
    {
      id: 'external-cooling',
      label: 'External coolant loop and radiator',
      module: 'instrument',
      criticalIn: [],
      judgedBy: ['peakCabinTempC', 'peakCabinHumidityPct'],
      estimate: 'descent-thermal',
    },
  ],
  thrusterGroups: [
    {
      id: 'attitude',
      label: 'service-module attitude thrusters (14 pairs, two manifolds)',
      module: 'instrument',
      role: 'attitude',
    },
    { id: 'descent-module', label: 'descent-module peroxide thrusters', module: 'descent', role: 'entry-attitude' },
  ],
  descentModes: [
    {
      id: 'controlled',
      label: 'automatic controlled (lifting) entry',
      kind: 'nominal',
      bypasses: [],
      deorbitBy: 'main-engine',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: ['attitude'],
    },
    {
      id: 'backup-engine',
      label: 'deorbit on the 8 aft attitude thrusters (main engine failed), controlled entry',
      kind: 'degraded',
      bypasses: ['main-engine'],
      deorbitBy: 'attitude-control',
      deorbitDeltaVQuantity: 'backupDeorbitDeltaVAvailableMps',
      needsThrusterGroups: ['attitude'],
    },
    {
      id: 'ballistic',
      label: 'ballistic entry (dissimilar backup for loss of attitude control)',
      kind: 'degraded',
      bypasses: ['entry-guidance', 'descent-thrusters', 'attitude-control'],
      deorbitBy: 'main-engine',
      deorbitDeltaVQuantity: 'deorbitDeltaVAvailableMps',
      needsThrusterGroups: [],
    },
  ],
  life: {
    countsFrom: 'launch',
    boundBy: 'the hydrogen peroxide of the descent-module thrusters ages ("no more than six months")',
    source: 'RSW-SA',
  },
  facts: {
    crewSeats: { value: 3, source: 'WP-SMS', basis: '3 individually moulded Kazbek-U liners [ESA-KAZ]' },
    improvisedSeats: {
      value: 0,
      source: 'assumed',
      basis: 'no improvised Soyuz seat is reported; a liner needs a seat position',
    },
    emergencyOnlyPlaces: { value: 0, source: 'assumed', basis: 'a descent module of ~3.5 m³ has no room beyond its seats' },
    certifiedLifeDays: {
      value: 210,
      low: 200,
      high: 215,
      source: 'WP-SMS',
      basis: '~210 days in an earlier listing, ~200 in a 2024 one; MS-23 was planned for 215 [SB-215]: unresolved',
    },
    [thrusterCountKey('attitude')]: { value: 28, source: 'RSW-KDU', basis: 'service module: 28 thrusters in 14 pairs' },
    [thrusterCountKey('descent-module')]: { value: 8, source: 'RSW-SA', basis: '8 small peroxide thrusters for entry' },
    [minThrustersKey('controlled', 'attitude')]: {
      value: 14,
      source: 'assumed',
      basis:
        'not found; each of the 14 pairs is split across two independent manifolds [RSW-KDU], so one manifold is taken as enough',
    },
    [minThrustersKey('backup-engine', 'attitude')]: { value: 14, source: 'assumed', basis: 'as the controlled entry' },
    deorbitDeltaVRequiredMps: { value: 128, source: 'NSF-MS17', basis: 'main engine, ~4 min 40 s, 128 m/s [CSA-58]' },
    [descentFactKey('controlled', 'peakG')]: { value: 5, low: 4, source: 'CSA-58', basis: 'nominal entry ~4–5 g' },
    [descentFactKey('controlled', 'peakDurationS')]: {
      value: 90,
      source: 'assumed',
      basis: 'not found; taken at the NASA-STD-3001 5 g bracket [GH-ACC]',
    },
    [descentFactKey('controlled', 'undockToLandingMin')]: { value: 203, source: 'NASA-SLT', basis: '~3 h 23 min' },
    [descentFactKey('backup-engine', 'peakG')]: {
      value: 5,
      source: 'assumed',
      basis: 'the entry itself is the controlled one [RSW-KDU]; nominal ~4–5 g [CSA-58]',
    },
    [descentFactKey('backup-engine', 'peakDurationS')]: { value: 90, source: 'assumed', basis: 'as the controlled entry' },
    [descentFactKey('backup-engine', 'undockToLandingMin')]: {
      value: 203,
      source: 'assumed',
      basis: 'as the controlled entry [NASA-SLT]; a longer thruster burn is minutes',
    },
    [descentFactKey('ballistic', 'peakG')]: {
      value: 8.6,
      low: 8.2,
      source: 'UT-TMA11',
      basis: 'TMA-11 8.2–8.6 g, TMA-10 8.5 g [WSF-TMA10]; one TMA-1 report up to 13 g [THE-TMA1]',
    },
    [descentFactKey('ballistic', 'peakDurationS')]: {
      value: 10,
      source: 'assumed',
      basis: 'not found; a ballistic peak is brief (the NASA-STD-3001 10 g / 10 s bracket [GH-ACC])',
    },
    [descentFactKey('ballistic', 'undockToLandingMin')]: {
      value: 203,
      source: 'assumed',
      basis: 'as the controlled entry [NASA-SLT]',
    },
  },
};
