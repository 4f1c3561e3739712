import type { VehicleSystem } from '../vehicleClass';

/**
 * The systems every capsule's crew module has, whatever the class: what a finding against its
 * structure, entry or landing hardware is judged by. Which phase needs each is the capsule's general
 * design (a heat shield in entry, parachutes in landing); a class adds its own propulsion and cooling.
 */
export function crewModuleSystems(module: string, extra: { landing: string } = { landing: 'parachutes' }): VehicleSystem[] {
  return [
    {
      id: 'pressure-hull',
      label: 'Pressure hull',
      module,
      criticalIn: ['docked-lifeboat', 'undock', 'deorbit', 'entry', 'landing'],
      judgedBy: ['descentModuleLeakRateKpaPerHour'],
    },
    { id: 'hatch-seal', label: 'Hatch seal', module, criticalIn: ['docked-lifeboat', 'undock', 'deorbit', 'entry'] },
    { id: 'windows', label: 'Windows', module, criticalIn: ['docked-lifeboat', 'entry'] },
    { id: 'heat-shield', label: 'Heat shield', module, criticalIn: ['entry'] },
    { id: 'thermal-protection', label: 'Thermal blankets and backshell', module, criticalIn: ['entry'] },
    { id: 'module-separation', label: 'Module separation (pyrotechnics)', module, criticalIn: ['entry'] },
    { id: 'entry-guidance', label: 'Entry guidance and its sensors', module, criticalIn: ['entry'] },
    { id: 'parachutes', label: 'Parachutes', module, criticalIn: ['landing'] },
    {
      id: 'power',
      label: 'Batteries and power',
      module,
      criticalIn: ['docked-lifeboat', 'undock', 'deorbit', 'entry', 'landing'],
    },
    ...(extra.landing === 'parachutes'
      ? []
      : [{ id: 'landing-system', label: extra.landing, module, criticalIn: ['landing'] } satisfies VehicleSystem]),
  ];
}
