import type { z } from 'zod';
import { type Scenario, scenarioSchema } from '../../scenarios/schema';
import { formatPath, type InputProblem, type Parsed, parseJsonText } from '../session/inputProblem';
import { crewReturnEventTypes } from '../session/model';

export function parseScenario(file: string, text: string): Parsed<Scenario> {
  const json = parseJsonText(file, text);
  return json.ok ? validateScenario(file, json.value) : json;
}

export function validateScenario(file: string, data: unknown): Parsed<Scenario> {
  const result = scenarioSchema.safeParse(data);
  if (result.success) return { ok: true, value: result.data };
  const problems: InputProblem[] = result.error.issues.map((issue) => ({
    file,
    path: formatPath(issue.path),
    expected: describeIssue(issue),
  }));
  return { ok: false, problems };
}

function describeIssue(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_union' && 'discriminator' in issue && issue.discriminator === 'type') {
    return `a known event type (one of ${eventTypes.join(', ')})`;
  }
  if (issue.code === 'unrecognized_keys') return `no field ${issue.keys.map((k) => `"${k}"`).join(', ')} (not in the schema)`;
  return issue.message;
}

const eventTypes = crewReturnEventTypes;
