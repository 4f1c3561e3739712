/** Quantities a finding or an engineering report can set; rules read some, the rest inform. */
export interface QuantityDefinition {
  name: string;
  label: string;
  unit: string;
  perCrewCount: boolean;
}

export const reportedQuantities: readonly QuantityDefinition[] = [
  { name: 'peakCabinTempC', label: 'Predicted peak descent cabin temperature', unit: '°C', perCrewCount: true },
  { name: 'peakCabinHumidityPct', label: 'Predicted peak descent cabin humidity', unit: '%RH', perCrewCount: true },
  { name: 'descentModuleLeakRateKpaPerHour', label: 'Descent module pressure loss', unit: 'kPa/h', perCrewCount: false },
  { name: 'deorbitDeltaVAvailableMps', label: 'Deorbit delta-v available', unit: 'm/s', perCrewCount: false },
  { name: 'attitudeThrustersLost', label: 'Attitude thrusters lost', unit: 'count', perCrewCount: false },
  { name: 'replacementLeadTimeDays', label: 'Replacement lead time', unit: 'days', perCrewCount: false },
  { name: 'openCommonCauseQuestions', label: 'Open common-cause questions', unit: 'count', perCrewCount: false },
  { name: 'commonCauseHoldDays', label: 'Launch hold for common cause', unit: 'days', perCrewCount: false },
  { name: 'holeDiameterMm', label: 'Hole diameter', unit: 'mm', perCrewCount: false },
  { name: 'coolantRemainingPct', label: 'Coolant remaining', unit: '%', perCrewCount: false },
  { name: 'livingVolumeTempC', label: 'Living-volume temperature (docked)', unit: '°C', perCrewCount: false },
  { name: 'instrumentCompartmentTempC', label: 'Instrument compartment temperature (docked)', unit: '°C', perCrewCount: false },
];

export const reportedQuantityByName: ReadonlyMap<string, QuantityDefinition> = new Map(
  reportedQuantities.map((q) => [q.name, q]),
);
