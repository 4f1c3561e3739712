import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Situation } from '../machines/policy/policy';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import type { AssessedValues } from '../machines/rules/evaluate';
import type { CrewReturnEvent, CrewReturnInput } from '../machines/statechart/context';
import type { MissionSetup } from '../machines/types';
import { resolveVehicle } from '../machines/vehicles/vehicles';
import type { Scenario } from '../scenarios/schema';
import { parseScenario } from '../src/files/scenarioFile';

// Tests run from the project root; happy-dom's import.meta.url is not a file URL.
export const scenarioDir = join(process.cwd(), 'scenarios');

export function builtInScenarioFiles(): string[] {
  return readdirSync(scenarioDir).filter((f) => f.endsWith('.json') && f !== 'schema.json');
}

export function loadBuiltInScenario(file: string): Scenario {
  const parsed = parseScenario(file, readFileSync(join(scenarioDir, file), 'utf8'));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => `${p.path}: ${p.expected}`).join('\n'));
  return parsed.value;
}

/** Three crew, one of whom can move to a vehicle with one improvisable seat: the MS-22 shape. */
export const threeCrewSetup: MissionSetup = {
  damagedVehicle: {
    ...resolveVehicle({ id: 'soyuz', name: 'Soyuz', class: 'soyuz-ms' }),
    launchedUtc: '2030-01-01T00:00:00Z',
  },
  otherVehicles: [
    resolveVehicle({
      id: 'dragon',
      name: 'Dragon',
      class: 'crew-dragon',
      launchedUtc: '2030-02-01T00:00:00Z',
      seatsTaken: 4,
      overrides: { improvisedSeats: { value: 1, source: 'SPACE-DRG' } },
    }),
  ],
  crew: [
    { id: 'cdr', name: 'Commander', canRelocateTo: [] },
    { id: 'fe1', name: 'Engineer', canRelocateTo: [] },
    { id: 'fe2', name: 'Astronaut', canRelocateTo: ['dragon'] },
  ],
};

const v = (nominal: number, high = nominal) => ({ nominal, high, low: nominal, source: 'assumed' });

/** Values under which the default profile recommends launching a replacement (as for MS-22). */
export const ms22LikeValues: AssessedValues = {
  // The external coolant loop lost its coolant: the thermal rules apply, and the estimate stands in where no report is.
  'status.instrument.external-cooling': { nominal: 3, source: 'assumed' },
  'peakCabinTempC.crew3': v(40, 43),
  'peakCabinHumidityPct.crew3': v(60),
  'peakCabinTempC.crew2': v(37, 39),
  'peakCabinHumidityPct.crew2': v(60),
  'peakCabinTempC.crew1': v(35, 37),
  'peakCabinHumidityPct.crew1': v(60),
  descentModuleLeakRateKpaPerHour: v(0),
  deorbitDeltaVAvailableMps: { nominal: 160, low: 150, source: 'assumed' },
  'thrustersLost.attitude': v(0),
  replacementLeadTimeDays: v(45),
  openCommonCauseQuestions: v(0),
};

export const dayAfterLaunchUtc = (days: number) => new Date(Date.parse('2030-01-01T00:00:00Z') + days * 86_400_000).toISOString();

export function situation(overrides: Partial<Situation> = {}): Situation {
  return {
    setup: threeCrewSetup,
    values: ms22LikeValues,
    thresholds: defaultThresholdValues,
    nowUtc: dayAfterLaunchUtc(100),
    stationUnsafe: false,
    ...overrides,
  };
}

export const modelInput: CrewReturnInput = {
  setup: threeCrewSetup,
  thresholds: defaultThresholdValues,
  startUtc: dayAfterLaunchUtc(100),
  values: ms22LikeValues,
};

export const by = { name: 'Test operator', role: 'flight control' };

/** A machine event without its stamp (scenario time and actor). */
export type UnstampedEvent = CrewReturnEvent extends infer E ? (E extends CrewReturnEvent ? Omit<E, 'at' | 'by'> : never) : never;

/** A machine event stamped at a fixed scenario time. */
export function ev<T extends CrewReturnEvent['type']>(
  type: T,
  payload: Omit<Extract<CrewReturnEvent, { type: T }>, 'type' | 'at' | 'by'> = {} as never,
): CrewReturnEvent {
  return { type, at: dayAfterLaunchUtc(100), by, ...payload } as CrewReturnEvent;
}

/** A CSV reader for the quoted cells the export writes. */
export function readCsv(csv: string): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < csv.length; i++) {
    const c = csv[i] as string;
    if (quoted) {
      if (c === '"' && csv[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') {
      row.push(cell);
      cell = '';
    } else if (c === '\r' && csv[i + 1] === '\n') {
      row.push(cell);
      rows.push(row);
      row = [];
      cell = '';
      i++;
    } else cell += c;
  }
  return rows;
}
