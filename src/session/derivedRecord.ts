/**
 * What an event produced, as the audit record keeps it and verification re-derives it: the schema a
 * packet's entries are checked with, and the types the fold writes.
 */

import type { ThresholdValues } from '../../machines/policy/thresholds';
import { estimatedSource } from '../../machines/thermal/estimate';
import { z } from '../../machines/zod';

/** A rule evaluation as the record keeps it: enough to re-check, small enough for long sessions. */
const recordedEvaluationSchema = z.strictObject({
  rule: z.string(),
  tier: z.string(),
  crew: z.number().int().optional(),
  vehicle: z.string().optional(),
  mode: z.string().optional(),
  value: z.number().nullable(),
  threshold: z.number(),
  margin: z.number().nullable(),
  status: z.string(),
  /** Present only for a value the descent-thermal model estimated (no report): never mistaken for one. */
  source: z.literal(estimatedSource).optional(),
});
export type RecordedEvaluation = z.infer<typeof recordedEvaluationSchema>;

/** The derived record an entry carries (the thresholds in force are pinned by the entry's profile hash instead). */
export const entryDerivedSchema = z.strictObject({
  stateBefore: z.string(),
  stateAfter: z.string(),
  applied: z.boolean(),
  /** Why the machine did not apply the event; null when it did. */
  refusal: z.string().nullable(),
  recommendation: z.strictObject({ outcome: z.string(), decidingRow: z.string() }).nullable(),
  /** `poll`: the number of the GO/NO-GO poll the decision was taken with (absent without one). */
  decision: z.strictObject({ outcome: z.string(), kind: z.string(), poll: z.number().int().min(1).optional() }).nullable(),
  evaluations: z.array(recordedEvaluationSchema),
});
type EntryDerived = z.infer<typeof entryDerivedSchema>;

/** What an event produced, with the thresholds in force after it (the record keeps their hash). */
export type DerivedRecord = EntryDerived & { thresholds: ThresholdValues };
