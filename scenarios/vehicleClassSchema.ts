/** A vehicle class as a scenario file may describe it: the catalogue's shape (machines/vehicles/vehicleClass.ts). */

import { reportedQuantityNames } from '../machines/rules/quantities';
import { idSchema as id, rangeFound, sourceKey } from '../machines/statechart/events';
import { quantityCompletions } from '../machines/statechart/vocabulary';
import { returnPhases } from '../machines/vehicles/vehicleClass';
import { z } from '../machines/zod';

/** A fact: a number, a range where sources disagree or engineers revise it, or "unknown" (never passes a rule). */
export const factSchema = z
  .strictObject({
    value: z.union([z.number(), z.literal('unknown')]),
    low: z.number().optional(),
    high: z.number().optional(),
    source: sourceKey,
    basis: z.string().min(1).optional(),
  })
  .refine((f) => f.source !== 'assumed' || f.basis !== undefined, { message: 'a basis for an assumed value', path: ['basis'] })
  .refine((f) => f.value === 'unknown' || ((f.low ?? f.value) <= f.value && f.value <= (f.high ?? f.value)), {
    error: (issue) => `low ≤ value ≤ high, got ${rangeFound(issue.input, 'value')}`,
  });

const label = z.string().min(1);

export const vehicleClassSchema = z
  .strictObject({
    id,
    name: label,
    carries: z.enum(['crew', 'cargo']),
    modules: z
      .array(z.strictObject({ id, label, atEntry: z.enum(['crew', 'jettisoned']) }))
      .min(1)
      .describe('which module carries the crew through entry, which are jettisoned before it'),
    systems: z.array(
      z.strictObject({
        id,
        label,
        module: id,
        criticalIn: z.array(z.enum(returnPhases)).describe('phases in which the system must work'),
        judgedBy: z.array(z.enum(reportedQuantityNames).meta(quantityCompletions)).optional(),
        estimate: z.literal('descent-thermal').optional(),
      }),
    ),
    thrusterGroups: z.array(
      z.strictObject({ id, label, module: id, role: z.enum(['deorbit', 'attitude', 'translation', 'entry-attitude']) }),
    ),
    descentModes: z.array(
      z.strictObject({
        id,
        label,
        kind: z.enum(['nominal', 'degraded']),
        bypasses: z.array(id),
        deorbitBy: id,
        deorbitDeltaVQuantity: z.enum(['deorbitDeltaVAvailableMps', 'backupDeorbitDeltaVAvailableMps']),
        needsThrusterGroups: z.array(id),
      }),
    ),
    life: z.strictObject({ countsFrom: z.enum(['launch', 'docking']), boundBy: label, source: sourceKey }),
    facts: z.record(z.string(), factSchema),
  })
  .describe('a vehicle class in the catalogue’s shape (machines/vehicles/vehicleClass.ts)');
