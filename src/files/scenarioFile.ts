import { plainIssueMessage, scenarioIssueWords } from '../../scenarios/issueWords';
import { type Scenario, scenarioSchema } from '../../scenarios/schema';
import {
  type FieldProblem,
  fieldProblems,
  issueProblems,
  type Parsed,
  parseJsonText,
  plainSchemaErrors,
} from '../session/inputProblem';

export function parseScenario(file: string, text: string): Parsed<Scenario> {
  const json = parseJsonText(file, text);
  return json.ok ? validateScenario(file, json.value) : json;
}

export function validateScenario(file: string, data: unknown): Parsed<Scenario> {
  const result = checkScenario(data);
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: issueProblems(file, result.error.issues, plainIssueMessage) };
}

/**
 * Every problem of a draft scenario in one pass, the shape's and the checks across fields, each at its
 * field: what an editor calls as the draft is typed (the same schema and checks as `decide`).
 */
export function scenarioProblems(draft: unknown): FieldProblem[] {
  const result = checkScenario(draft);
  return result.success ? [] : fieldProblems(result.error.issues, plainIssueMessage);
}

const checkScenario = (draft: unknown) =>
  scenarioSchema.safeParse(draft, {
    // The value found goes into the words (shown short, controls spelled out), never raw.
    reportInput: true,
    error: (issue) => plainSchemaErrors(issue) ?? scenarioIssueWords(issue),
  });
