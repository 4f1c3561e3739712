/**
 * The statechart's events, defined once as a schema: scenario files, operator actions and audit
 * entries all carry these, and the machine's event type is inferred from it.
 */

import { perThrusterGroup } from '../rules/quantities';
import { systemStatuses } from '../rules/systemStatus';
import { decidableOutcomes, outcomeIds } from '../types';
import { maxSamples, maxSeed } from '../uncertainty/runOptions';
import { z } from '../zod';
import type { DescribedEventType } from './eventMeanings';
import { dispositionKinds, dissentLevels, dissentProblem, pollVotes } from './poll';
import { hasVisibleText } from './text';
import { quantityNameSchema, systemCompletions, systemStatusSchema } from './vocabulary';

export const isoUtc = z.iso.datetime({ offset: false, error: 'an ISO 8601 UTC time such as 2022-12-15T00:45:00Z' });
export const idSchema = z
  .string()
  .regex(/^[a-z0-9][a-z0-9-]*$/, 'a lower-case id of letters, digits and dashes')
  .describe('an id: lower-case letters, digits and dashes');
export const sourceKey = z.string().min(1).describe('a key of this file\'s sources, "derived" or "assumed"');
const visibleText = (what: string) =>
  z.string().refine(hasVisibleText, `${what} with visible characters (not only spaces or invisible ones)`);

export const actorSchema = z
  .strictObject({ name: z.string().min(1), role: z.string().min(1) })
  .describe('who: an object with a name and a role, e.g. { "name": "Thermal team", "role": "engineering" }');

const assessedValueSchema = z
  .strictObject({
    nominal: z.number(),
    low: z.number().optional(),
    high: z.number().optional(),
    source: sourceKey,
  })
  .refine((v) => (v.low ?? v.nominal) <= v.nominal && v.nominal <= (v.high ?? v.nominal), {
    error: (issue) => `low ≤ nominal ≤ high, got ${rangeFound(issue.input)}`,
  });

/** `low 70, nominal 50`: the ends of a range as found (numbers only, so nothing of the input but them). */
export function rangeFound(value: unknown, middle = 'nominal'): string {
  const ends = value as Record<string, unknown>;
  return ['low', middle, 'high']
    .filter((end) => typeof ends[end] === 'number')
    .map((end) => `${end} ${ends[end]}`)
    .join(', ');
}

/** Whom a poll asks: each position once, by a name an operator's role can carry. */
export const pollPositionsSchema = z
  .array(
    z.string().refine((p) => hasVisibleText(p) && p === p.trim(), 'a position with visible characters, not padded with spaces'),
    { error: 'a list of positions, e.g. ["flight director", "thermal"]' },
  )
  .min(1, 'at least one position')
  .max(24, 'at most 24 positions')
  .refine((positions) => new Set(positions).size === positions.length, 'each position named once');

/**
 * Every event says when in scenario time it happens and who sent it, so a fold needs no clock. A
 * scripted event also describes itself and cites its sources (required in scenario files).
 */
const stamp = {
  at: isoUtc,
  by: actorSchema,
  description: z.string().min(1).optional(),
  sources: z.array(sourceKey).min(1).optional(),
};

/**
 * A finding or report: a quantity with its value, a system's status, or both. A status names the
 * module and the system it concerns (ids of the vehicle's class) and cites the event's sources.
 */
const report = {
  quantity: quantityNameSchema.optional(),
  crewCount: z.number().int().min(1).max(7).optional(),
  thrusterGroup: idSchema.optional(),
  value: assessedValueSchema.optional(),
  module: idSchema.optional(),
  system: idSchema.meta({ description: 'the system of that module the finding is about', ...systemCompletions }).optional(),
  status: systemStatusSchema.optional(),
  odds: z.partialRecord(z.enum(systemStatuses), z.number().gt(0).lt(1)).optional(),
};

type ReportFields = {
  quantity?: string | undefined;
  value?: unknown;
  thrusterGroup?: string | undefined;
  module?: string | undefined;
  system?: string | undefined;
  status?: string | undefined;
  odds?: Partial<Record<string, number>> | undefined;
};

/** What the report's shape cannot say: which fields go together. */
function reportProblems(event: ReportFields, context: z.RefinementCtx): void {
  const add = (path: string, message: string) => context.addIssue({ code: 'custom', path: [path], message });
  if (event.quantity === undefined && event.status === undefined)
    add('quantity', 'a quantity with its value, or a system status (or both)');
  if (event.quantity !== undefined && event.value === undefined) add('value', `a value for ${event.quantity}`);
  if (event.quantity === undefined && event.value !== undefined) add('quantity', 'the quantity the value is of');
  if (event.status !== undefined && (event.module === undefined || event.system === undefined))
    add(event.module === undefined ? 'module' : 'system', 'the module and the system a status is about');
  if (event.status === undefined && (event.module !== undefined || event.system !== undefined))
    add('status', 'a status for the system named');
  if (event.odds !== undefined) {
    const probabilities = Object.values(event.odds).filter((p): p is number => p !== undefined);
    if (event.status === undefined) add('odds', 'a status the odds are the alternatives to');
    else if (event.status in event.odds) add('odds', `no odds for the stated status (${event.status}): it has the rest`);
    if (probabilities.reduce((sum, p) => sum + p, 0) >= 1) add('odds', 'probabilities that add up to less than 1');
  }
  const perGroup = event.quantity !== undefined && perThrusterGroup.has(event.quantity);
  if (perGroup && event.thrusterGroup === undefined) add('thrusterGroup', `the thruster group ${event.quantity} is about`);
  if (!perGroup && event.thrusterGroup !== undefined) add('thrusterGroup', 'no thruster group: the quantity is not per group');
}

/** An event's `type` (every type has its words for the JSON Schema: a new one without them does not compile). */
const eventType = <T extends DescribedEventType>(type: T) => z.literal(type);
const plain = <T extends DescribedEventType>(type: T) => z.strictObject({ type: eventType(type), ...stamp });

export const crewReturnEventSchema = z.discriminatedUnion('type', [
  plain('anomaly.detect'),
  plain('safing.complete'),
  plain('station.emergency'),
  z.strictObject({ type: eventType('inspection.finding'), ...stamp, ...report }).superRefine(reportProblems),
  plain('inspection.complete'),
  z.strictObject({ type: eventType('assessment.report'), ...stamp, ...report }).superRefine(reportProblems),
  plain('assessment.complete'),
  z.strictObject({
    type: eventType('decision.confirm'),
    ...stamp,
    rationale: visibleText('a rationale').optional(),
    // Where the plan leaves a crew without a lifeboat for a period: the authority accepts it, on record.
    acceptsPeriodWithoutLifeboat: z.literal(true).optional(),
  }),
  z.strictObject({
    type: eventType('decision.override'),
    ...stamp,
    outcome: z.enum(decidableOutcomes),
    rationale: visibleText('a rationale'),
  }),
  z.strictObject({
    type: eventType('thresholds.change'),
    ...stamp,
    key: z.string().min(1),
    value: z.number(),
    previousValue: z.number().optional(),
    reason: z.string().optional(),
  }),
  z.strictObject({ type: eventType('seats.relocate'), ...stamp, crewId: idSchema, vehicleId: idSchema }),
  plain('campaign.interimPlanInPlace'),
  z.strictObject({ type: eventType('commonCause.raise'), ...stamp, holdDays: assessedValueSchema.optional() }),
  plain('commonCause.clear'),
  plain('replacement.launch'),
  plain('replacement.dock'),
  plain('seats.transfer'),
  plain('damagedVehicle.returnUncrewed'),
  plain('return.undock'),
  plain('return.deorbit'),
  plain('return.land'),
  // The decision authority asks each position for its call on one outcome, before deciding.
  z.strictObject({
    type: eventType('poll.open'),
    ...stamp,
    outcome: z.enum(decidableOutcomes),
    positions: pollPositionsSchema,
  }),
  // One position's call, by that position's operator (its role is the position).
  z
    .strictObject({
      type: eventType('poll.vote'),
      ...stamp,
      position: z.string().min(1),
      vote: z.enum(pollVotes),
      dissent: z.enum(dissentLevels),
      rationale: visibleText('a rationale').optional(),
    })
    .superRefine((event, context) => {
      const problem = dissentProblem(event.vote, event.dissent, event.rationale);
      if (problem) context.addIssue({ code: 'custom', path: ['dissent'], message: problem });
    }),
  // The decision authority's disposition of a poll's formal dissents: escalated (to whom) or risk accepted.
  z
    .strictObject({
      type: eventType('poll.disposition'),
      ...stamp,
      kind: z.enum(dispositionKinds),
      to: visibleText('whom the dissent is escalated to').optional(),
      rationale: visibleText('a rationale'),
    })
    .superRefine((event, context) => {
      if (event.to !== undefined && event.kind !== 'escalated')
        context.addIssue({ code: 'custom', path: ['to'], message: 'whom it goes to only with an escalation' });
    }),
  // A Monte Carlo result attached to the record, so a decision taken on it carries it; its seed, sample
  // count and ranges let anyone draw the same samples again. No transition handles it.
  z.strictObject({
    type: eventType('odds.attach'),
    ...stamp,
    samples: z.number().int().min(1).max(maxSamples),
    seed: z.number().int().min(0).max(maxSeed),
    inputs: z
      .array(z.strictObject({ key: z.string().min(1), low: z.number(), nominal: z.number(), high: z.number() }))
      .max(500)
      .describe('the ranges drawn: each assessed value with its low, nominal and high'),
    outcomes: z.partialRecord(z.enum(outcomeIds), z.number().min(0).max(1)).describe('how often each outcome was picked'),
  }),
  // A free-text note for the record: no transition handles it.
  z.strictObject({ type: eventType('session.note'), ...stamp, text: visibleText('a note') }),
  // A shift handover, by the operator taking over: from whom (`from`), to whom (`by`), when (`at`).
  z.strictObject({ type: eventType('operator.handover'), ...stamp, from: actorSchema }),
]);

export type CrewReturnEvent = z.infer<typeof crewReturnEventSchema>;
export type CrewReturnEventType = CrewReturnEvent['type'];
export const crewReturnEventTypes: readonly CrewReturnEventType[] = crewReturnEventSchema.options.map((o) => o.shape.type.value);

/** Events that only add to the record: the machine handles none of them and refuses them only once the session ends. */
export const recordOnlyEventTypes: ReadonlySet<CrewReturnEventType> = new Set([
  'session.note',
  'operator.handover',
  'odds.attach',
]);

type WithoutStamp<E> = E extends unknown ? Omit<E, 'at' | 'by'> : never;
/** An event as an operator asks for it; recording stamps it with scenario time and its actor. */
export type OperatorRequest = WithoutStamp<CrewReturnEvent>;

/** The event of one type, as an action or guard that handles only that type reads it. */
export type CrewReturnEventOf<T extends CrewReturnEventType> = Extract<CrewReturnEvent, { type: T }>;
