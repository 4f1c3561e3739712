/** The scenario file as read: its fields (shape.ts) and the checks across them (checks.ts); also published as JSON Schema. */
import { z } from '../machines/zod';
import { scenarioProblems } from './checks';
import { type scenarioEventSchema, scenarioShape, scriptedStamp } from './shape';

export const scenarioSchema = scenarioShape.superRefine((scenario, ctx) => {
  for (const { path, message } of scenarioProblems(scenario)) ctx.addIssue({ code: 'custom', path, message });
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    // In JSON Schema `allOf` each part judges every field: the event's own part names the fields allowed.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === scriptedStamp) delete jsonSchema.additionalProperties;
    },
  });
}
