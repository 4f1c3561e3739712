import type { Scenario } from '../../scenarios/schema';
import { canonicalJson } from './canonicalJson';

/** A scenario the user opened from a file: never a built-in one, so it keeps the file it came from. */
export interface OpenedScenario {
  scenario: Scenario;
  fileName: string;
  /** The id the file gave: differs from `scenario.id` when it clashed with one already in the library. */
  idInFile: string;
  addedUtc: string;
}

/** `soyuz-ms-22` → `soyuz-ms-22-imported-2`, `-3`, …: the first such id nothing in the library has. */
export function importedCopyId(id: string, takenIds: ReadonlySet<string>): string {
  if (!takenIds.has(id)) return id;
  let copy = 2;
  while (takenIds.has(`${id}-imported-${copy}`)) copy++;
  return `${id}-imported-${copy}`;
}

/**
 * Admits a scenario opened from a file beside those already in the library (built-in or opened):
 * an id that clashes gets an imported copy's id, so nothing in the library is replaced.
 */
export function admitOpenedScenario(
  library: readonly Scenario[],
  opened: readonly OpenedScenario[],
  scenario: Scenario,
  fileName: string,
  addedUtc: string,
): OpenedScenario {
  const taken = new Set([...library.map((s) => s.id), ...opened.map((o) => o.scenario.id)]);
  const id = importedCopyId(scenario.id, taken);
  // Only the built-in record is history: a file that claims to be one, edited or not, is a case like any other.
  const builtIn = library.find((s) => s.id === scenario.id);
  const historical =
    scenario.kind === 'historical' && builtIn !== undefined && canonicalJson(builtIn) === canonicalJson(scenario);
  const admitted = { ...scenario, id, kind: historical ? scenario.kind : ('hypothetical' as const) };
  return { scenario: admitted, fileName, idInFile: scenario.id, addedUtc };
}
