import { z } from 'zod';
import { reportedQuantityByName } from '../machines/quantities';
import { decidableOutcomes } from '../machines/types';

const isoUtc = z.iso.datetime({ offset: false, error: 'an ISO 8601 UTC time such as 2022-12-15T00:45:00Z' });
const id = z.string().regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and dashes');
const sourceKey = z.string().min(1).describe('a key of this file\'s sources, "derived" or "assumed"');

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
  z.strictObject({ type: z.literal('decision.confirm'), ...stamp, rationale: z.string().optional() }),
  z.strictObject({
    type: z.literal('decision.override'),
    ...stamp,
    outcome: z.enum(decidableOutcomes),
    rationale: z.string().trim().min(1, 'a rationale that is not empty'),
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

export const scenarioSchema = z
  .strictObject({
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
      damagedVehicle: z.strictObject({ id, name: z.string().min(1), seats: z.number().int().min(1).max(7), launchedUtc: isoUtc }),
      otherVehicles: z.array(
        z.strictObject({
          id,
          name: z.string().min(1),
          spareSeats: z.number().int().min(0).max(7),
          improvisableSeats: z.number().int().min(0).max(7),
        }),
      ),
      crew: z
        .array(z.strictObject({ id, name: z.string().min(1), canRelocateTo: z.array(id) }))
        .min(1)
        .max(7),
    }),
    events: z.array(scenarioEventSchema),
  })
  .superRefine((scenario, ctx) => {
    const known = new Set([...Object.keys(scenario.sources), 'derived', 'assumed']);
    const checkSource = (source: string, path: (string | number)[]) => {
      if (!known.has(source)) {
        ctx.addIssue({ code: 'custom', path, message: `a key of this file's sources, "derived" or "assumed", got "${source}"` });
      }
    };
    const vehicleIds = new Set(scenario.setup.otherVehicles.map((v) => v.id));
    scenario.setup.crew.forEach((member, i) => {
      member.canRelocateTo.forEach((vehicleId, j) => {
        if (!vehicleIds.has(vehicleId)) {
          ctx.addIssue({
            code: 'custom',
            path: ['setup', 'crew', i, 'canRelocateTo', j],
            message: 'the id of one of setup.otherVehicles',
          });
        }
      });
    });
    let previousUtc = scenario.setup.startUtc;
    scenario.events.forEach((event, i) => {
      for (const [j, s] of event.sources.entries()) checkSource(s, ['events', i, 'sources', j]);
      if (event.type === 'inspection.finding' || event.type === 'assessment.report') {
        checkSource(event.value.source, ['events', i, 'value', 'source']);
        const perCrew = reportedQuantityByName.get(event.quantity)?.perCrewCount;
        if (perCrew && event.crewCount === undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['events', i, 'crewCount'],
            message: `a crew count: ${event.quantity} is reported per crew count`,
          });
        }
        if (perCrew === false && event.crewCount !== undefined) {
          ctx.addIssue({
            code: 'custom',
            path: ['events', i, 'crewCount'],
            message: `no crew count: ${event.quantity} is not per crew`,
          });
        }
      }
      if (Date.parse(event.at) < Date.parse(previousUtc)) {
        ctx.addIssue({
          code: 'custom',
          path: ['events', i, 'at'],
          message: `a time no earlier than the previous event's (${previousUtc})`,
        });
      }
      previousUtc = event.at;
    });
  });

export type Scenario = z.infer<typeof scenarioSchema>;
export type ScenarioEvent = z.infer<typeof scenarioEventSchema>;

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, { io: 'input', unrepresentable: 'any' });
}
