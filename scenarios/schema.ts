import { z } from 'zod';
import { reportedQuantityByName } from '../machines/rules/quantities';
import { hasVisibleText } from '../machines/statechart/text';
import { decidableOutcomes } from '../machines/types';
import { vehicleClassIds } from '../machines/vehicles/vehicles';
import { scenarioProblems } from './checks';

const isoUtc = z.iso.datetime({ offset: false, error: 'an ISO 8601 UTC time such as 2022-12-15T00:45:00Z' });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and dashes');
const sourceKey = z.string().min(1).describe('a key of this file\'s sources, "derived" or "assumed"');

const visibleText = z.string().refine(hasVisibleText, 'a rationale with visible characters (not only spaces or invisible ones)');

const actor = z.strictObject({ name: z.string().min(1), role: z.string().min(1) });

const assessedValue = z
  .strictObject({
    nominal: z.number(),
    low: z.number().optional(),
    high: z.number().optional(),
    source: sourceKey,
  })
  .refine((v) => (v.low ?? v.nominal) <= v.nominal && v.nominal <= (v.high ?? v.nominal), {
    message: 'low ≤ nominal ≤ high',
  });

const factOverride = z
  .strictObject({ value: z.number(), source: sourceKey, basis: z.string().min(1).optional() })
  .refine((o) => o.source !== 'assumed' || o.basis !== undefined, { message: 'a basis for an assumed value', path: ['basis'] });

const vehicleFields = {
  id,
  name: z.string().min(1),
  class: z.enum(vehicleClassIds).describe('a vehicle class of the catalogue (machines/vehicles/vehicles.ts)'),
  sources: z.array(sourceKey).optional().describe('sources for its launch date and seats taken'),
  note: z.string().min(1).optional(),
  overrides: z.record(z.string(), factOverride).optional().describe('class facts this vehicle differs in, each with a source'),
};

const stamp = {
  at: isoUtc,
  by: actor,
  description: z.string().min(1),
  sources: z.array(sourceKey).min(1),
};

const report = {
  quantity: z.string().refine((q) => reportedQuantityByName.has(q), {
    message: `one of ${[...reportedQuantityByName.keys()].join(', ')}`,
  }),
  crewCount: z.number().int().min(1).max(7).optional(),
  value: assessedValue,
};

const plain = <T extends string>(type: T) => z.strictObject({ type: z.literal(type), ...stamp });

export const scenarioEventSchema = z.discriminatedUnion('type', [
  plain('anomaly.detect'),
  plain('safing.complete'),
  plain('station.emergency'),
  z.strictObject({ type: z.literal('inspection.finding'), ...stamp, ...report }),
  plain('inspection.complete'),
  z.strictObject({ type: z.literal('assessment.report'), ...stamp, ...report }),
  plain('assessment.complete'),
  z.strictObject({ type: z.literal('decision.confirm'), ...stamp, rationale: visibleText.optional() }),
  z.strictObject({
    type: z.literal('decision.override'),
    ...stamp,
    outcome: z.enum(decidableOutcomes),
    rationale: visibleText,
  }),
  z.strictObject({
    type: z.literal('thresholds.change'),
    ...stamp,
    key: z.string().min(1),
    value: z.number(),
    previousValue: z.number().optional(),
    reason: z.string().optional(),
  }),
  z.strictObject({ type: z.literal('seats.relocate'), ...stamp, crewId: id, vehicleId: id }),
  plain('campaign.interimPlanInPlace'),
  z.strictObject({ type: z.literal('commonCause.raise'), ...stamp, holdDays: assessedValue.optional() }),
  plain('commonCause.clear'),
  plain('replacement.launch'),
  plain('replacement.dock'),
  plain('seats.transfer'),
  plain('damagedVehicle.returnUncrewed'),
  plain('return.undock'),
  plain('return.deorbit'),
  plain('return.land'),
]);

const expectedOutcome = z.enum([...decidableOutcomes, 'nominal-return', 'undecided']);

const scenarioShape = z.strictObject({
  $schema: z.string().optional(),
  id,
  title: z.string().min(1),
  kind: z.enum(['historical', 'hypothetical']),
  summary: z.string().min(1),
  sources: z.record(z.string(), z.string().min(1)).describe('FACTS.md source keys → citation'),
  expected: z.strictObject({
    outcome: expectedOutcome,
    finalState: z.string().min(1),
    crewAboardDamagedVehicle: z.number().int().min(0).optional(),
    seatByCrewId: z.record(z.string(), z.string()).optional(),
    passesThrough: z.array(z.string().min(1)).optional(),
  }),
  setup: z.strictObject({
    startUtc: isoUtc,
    damagedVehicle: z.strictObject({ ...vehicleFields, launchedUtc: isoUtc }),
    otherVehicles: z.array(
      z.strictObject({
        ...vehicleFields,
        launchedUtc: isoUtc.optional(),
        seatsTaken: z.number().int().min(0).max(7).optional().describe("seats taken by the vehicle's own crew, not in this case"),
      }),
    ),
    crew: z
      .array(z.strictObject({ id, name: z.string().min(1), canRelocateTo: z.array(id) }))
      .min(1)
      .max(7),
  }),
  events: z.array(scenarioEventSchema),
});

export const scenarioSchema = scenarioShape.superRefine((scenario, ctx) => {
  for (const { path, message } of scenarioProblems(scenario)) ctx.addIssue({ code: 'custom', path, message });
});

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioShape = z.infer<typeof scenarioShape>;
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
