import { scenarioSchema } from '../../scenarios/schema';
import { type DecisionPacket, packetFormatVersion } from '../record/ledger';
import { type InputProblem, issueProblems, type Parsed, parseJsonText, plainSchemaErrors } from '../session/inputProblem';
import {
  actorSchema,
  crewReturnEventSchema,
  estimatedSource,
  pollPositionsSchema,
  thresholdDefinitions,
  validateThresholdValues,
  z,
} from '../session/model';
import { signatureSchema } from './keyFile';

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 lower-case hex digits');
const evaluation = z.strictObject({
  rule: z.string(),
  tier: z.string(),
  crew: z.number().int().optional(),
  vehicle: z.string().optional(),
  mode: z.string().optional(),
  value: z.number().nullable(),
  threshold: z.number(),
  margin: z.number().nullable(),
  status: z.string(),
  source: z.literal(estimatedSource).optional(),
});
const entrySchema = z.strictObject({
  seq: z.number().int().min(1),
  logicVersion: z.number().int().min(1),
  wallClockUtc: z.string(),
  event: crewReturnEventSchema,
  derived: z.strictObject({
    stateBefore: z.string(),
    stateAfter: z.string(),
    applied: z.boolean(),
    refusal: z.string().nullable(),
    recommendation: z.strictObject({ outcome: z.string(), decidingRow: z.string() }).nullable(),
    decision: z.strictObject({ outcome: z.string(), kind: z.string(), poll: z.number().int().min(1).optional() }).nullable(),
    evaluations: z.array(evaluation),
  }),
  profile: z.strictObject({ id: z.string(), version: z.string(), hash: hex64 }),
  previousHash: hex64,
  hash: hex64,
  signature: signatureSchema.optional(),
});
const packetSchema = z.strictObject({
  format: z.literal('crew-return-decision-packet'),
  formatVersion: z.literal(packetFormatVersion, {
    error: `format version ${packetFormatVersion} (a packet of an earlier format is read by the build that wrote it)`,
  }),
  scenario: scenarioSchema,
  profile: z.strictObject({
    id: z.string(),
    version: z.string(),
    values: z.record(z.string(), z.number()),
    contentHash: hex64,
    pollPositions: pollPositionsSchema.optional(),
  }),
  entryCount: z.number().int().min(0),
  headHash: z.string(),
  entries: z.array(entrySchema),
  seal: z
    .strictObject({
      entryCount: z.number().int().min(0),
      headHash: z.string(),
      genesisHash: hex64,
      sealedUtc: z.string(),
      logicVersion: z.number().int().min(1),
      by: actorSchema,
      meaning: z.literal('exported'),
      signature: signatureSchema,
    })
    .optional(),
});

/** Reads a packet file: malformed JSON or a wrong shape is a problem list, not a verdict. */
export function parsePacket(file: string, text: string): Parsed<DecisionPacket> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  const result = packetSchema.safeParse(json.value, { error: plainSchemaErrors });
  if (!result.success) {
    return { ok: false, problems: issueProblems(file, result.error.issues) };
  }
  const profileProblems = profileValueProblems(file, result.data.profile.values);
  if (profileProblems.length) return { ok: false, problems: profileProblems };
  // The parsed text itself, not Zod's copy: its key order is the file's, which the fast hashing path needs.
  return { ok: true, value: json.value as DecisionPacket };
}

/** The profile a packet was recorded under holds every threshold, each valid: the replay reads them all. */
function profileValueProblems(file: string, values: Record<string, number>): InputProblem[] {
  const path = (key: string) => `profile.values.${key}`;
  const missing = thresholdDefinitions
    .filter(({ key }) => !Object.hasOwn(values, key))
    .map(({ key, unit }) => ({
      file,
      path: path(key),
      expected: `a value in ${unit} (every threshold is recorded; this one is missing)`,
    }));
  const invalid = validateThresholdValues(values).map((p) => ({ file, path: path(p.key), expected: p.expected }));
  return [...missing, ...invalid];
}
