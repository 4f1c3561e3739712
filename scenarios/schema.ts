/** The scenario file as read: its fields (shape.ts) and the checks across them (checks.ts); published as JSON Schema by jsonSchema.ts. */
import type { z } from '../machines/zod';
import { crossFieldProblems } from './checks';
import { partsOf, salvageParts } from './parts';
import { type scenarioEventSchema, scenarioShape } from './shape';

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
