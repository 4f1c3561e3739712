/** The scenario file as read: its fields (shape.ts) and the checks across them (checks.ts); also published as JSON Schema. */
import { z } from '../machines/zod';
import { crossFieldProblems } from './checks';
import { partsOf, salvageParts } from './parts';
import { type scenarioEventSchema, scenarioShape, scriptedStamp } from './shape';

/**
 * The checks across fields run even when the shape fails, on the parts that parsed: one pass reports
 * every problem that can be known (an editor shows them all as the draft is typed, never in two rounds).
 */
export const scenarioSchema = scenarioShape.superRefine(
  (scenario, ctx) => {
    const parts = ctx.issues.length ? salvageParts(ctx.value) : partsOf(scenario);
    for (const { path, message } of crossFieldProblems(parts)) ctx.addIssue({ code: 'custom', path, message });
  },
  { when: () => true },
);

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
