import type { Scenario } from '../../scenarios/schema';
import { type FieldProblem, formatPath, type Parsed, parseJsonText } from '../session/inputProblem';
import { checkScenario } from '../session/scenarioCheck';

export function parseScenario(file: string, text: string): Parsed<Scenario> {
  const json = parseJsonText(file, text);
  return json.ok ? validateScenario(file, json.value) : json;
}

export function validateScenario(file: string, data: unknown): Parsed<Scenario> {
  const result = checkScenario(data);
  if (result.ok) return result;
  return { ok: false, problems: result.problems.map(({ path, expected }) => ({ file, path: formatPath(path), expected })) };
}

/**
 * Every problem of a draft scenario in one pass, the shape's and the checks across fields, each at its
 * field: what an editor calls as the draft is typed (the same schema and checks as `decide`).
 */
export function scenarioProblems(draft: unknown): FieldProblem[] {
  const result = checkScenario(draft);
  return result.ok ? [] : result.problems;
}
