/**
 * A scenario checked as `decide` checks it: the schema and the checks across fields, every problem in
 * one pass, each at its field in plain words with what was found. The file reader, the editor and the
 * team server (which keeps cases) all call this one check.
 */
import { plainIssueMessage, scenarioIssueWords } from '../../scenarios/issueWords';
import { type Scenario, scenarioSchema } from '../../scenarios/schema';
import { type FieldProblem, fieldProblems, plainSchemaErrors } from './inputProblem';

export type CheckedScenario = { ok: true; value: Scenario } | { ok: false; problems: FieldProblem[] };

export function checkScenario(draft: unknown): CheckedScenario {
  const result = scenarioSchema.safeParse(draft, {
    // The value found goes into the words (shown short, controls spelled out), never raw.
    reportInput: true,
    error: (issue) => plainSchemaErrors(issue) ?? scenarioIssueWords(issue),
  });
  return result.success
    ? { ok: true, value: result.data }
    : { ok: false, problems: fieldProblems(result.error.issues, plainIssueMessage) };
}
