import type { Scenario } from '../../../scenarios/schema';
import { validateScenario } from '../../files/scenarioFile';
import type { InputProblem } from '../../session/inputProblem';

const modules = import.meta.glob<{ default: unknown }>(['../../../scenarios/*.json', '!../../../scenarios/schema.json'], {
  eager: true,
});

/** The scenarios shipped with the app, validated like any file a user opens. */
export const builtInScenarios: Scenario[] = [];
export const builtInProblems: InputProblem[] = [];

for (const [path, module] of Object.entries(modules)) {
  const parsed = validateScenario(path.replace('../../../', ''), module.default);
  if (parsed.ok) builtInScenarios.push(parsed.value);
  else builtInProblems.push(...parsed.problems);
}
builtInScenarios.sort((a, b) => (a.kind === b.kind ? a.title.localeCompare(b.title) : a.kind === 'historical' ? -1 : 1));
