import { type Scenario, scenarioSchema } from '../../scenarios/schema';
import { issueProblems, type Parsed, parseJsonText, plainSchemaErrors } from '../session/inputProblem';
import type { z } from '../session/model';
import { crewReturnEventTypes } from '../session/model';

export function parseScenario(file: string, text: string): Parsed<Scenario> {
  const json = parseJsonText(file, text);
  return json.ok ? validateScenario(file, json.value) : json;
}

export function validateScenario(file: string, data: unknown): Parsed<Scenario> {
  const result = scenarioSchema.safeParse(data, { error: plainSchemaErrors });
  if (result.success) return { ok: true, value: result.data };
  return { ok: false, problems: issueProblems(file, result.error.issues, describeIssue) };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && issue.discriminator === 'type')
    return `a known event type (one of ${eventTypes.join(', ')})`;
  return issue.message;
}

const eventTypes = crewReturnEventTypes;
