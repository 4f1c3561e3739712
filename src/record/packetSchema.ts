/**
 * The decision packet's shape, as a schema every packet is read with; the packet, entry and seal types
 * are what it gives. Format 4 entries say in their hashed content whose they are (`provenance`);
 * format 3 entries (written before) do not, and are read as they were then.
 */
import { scenarioSchema } from '../../scenarios/schema';
import { entryDerivedSchema } from '../session/derivedRecord';
import {
  actorSchema,
  crewReturnEventSchema,
  pollPositionsSchema,
  type ThresholdValues,
  thresholdDefinitions,
  validateThresholdValues,
  z,
} from '../session/model';
import { checkpointSchema } from './checkpointSchema';
import { base64url, fingerprintSchema, signatureSchema } from './signatureSchema';

export const packetFormatVersion = 4;
/** The format before entries carried their provenance: still read and verified as it was. */
export const provenanceFreeFormatVersion = 3;

/** A SHA-256 hash as the ledger and the team log write it. */
export const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 lower-case hex digits');

/**
 * Whose an entry is: the scenario's step `step` (the index of its event in the scenario whose canonical
 * JSON hashes to `scenarioHash`), or an operator's, which must be signed wherever it stands.
 */
const provenanceSchema = z.discriminatedUnion('kind', [
  z.strictObject({ kind: z.literal('scripted'), scenarioHash: hex64, step: z.number().int().min(0) }),
  z.strictObject({ kind: z.literal('operator') }),
]);
export type Provenance = z.infer<typeof provenanceSchema>;

const entrySchema = z.strictObject({
  seq: z.number().int().min(1),
  /** The decision logic that derived this entry. */
  logicVersion: z.number().int().min(1),
  wallClockUtc: z.string(),
  /** Absent only in a format 3 entry. */
  provenance: provenanceSchema.optional(),
  /** The event exactly as the machine took it: type, scenario time, actor and payload. */
  event: crewReturnEventSchema,
  /** What the event produced; the thresholds in force are pinned by `profile.hash`. */
  derived: entryDerivedSchema,
  profile: z.strictObject({ id: z.string(), version: z.string(), hash: hex64 }),
  previousHash: hex64,
  hash: hex64,
  /** The actor's signature over `hash` (outside it): every operator's entry carries one. */
  signature: signatureSchema.optional(),
});
export type AuditEntry = z.infer<typeof entrySchema>;

/**
 * The packet's last word, signed: how many entries it holds and the head they end in, so entries
 * dropped, appended or re-derived after it are caught.
 */
const sealSchema = z.strictObject({
  entryCount: z.number().int().min(0),
  headHash: z.string(),
  genesisHash: hex64,
  sealedUtc: z.string(),
  logicVersion: z.number().int().min(1),
  by: actorSchema,
  /** What signing it means: the record as exported by `by`. */
  meaning: z.literal('exported'),
  signature: signatureSchema,
});
export type Seal = z.infer<typeof sealSchema>;

/** The profile a packet was recorded under holds every threshold, each valid: the replay reads them all. */
const recordedThresholdValues = z
  .record(z.string(), z.number())
  .superRefine((values, context) => {
    for (const { key, unit } of thresholdDefinitions)
      if (!Object.hasOwn(values, key))
        context.addIssue({
          code: 'custom',
          path: [key],
          message: `a value in ${unit} (every threshold is recorded; this one is missing)`,
        });
    for (const problem of validateThresholdValues(values))
      context.addIssue({ code: 'custom', path: [problem.key], message: problem.expected });
  })
  // Every key checked just above: the values are a whole threshold set.
  .pipe(z.custom<ThresholdValues>());

/** The checkpoint of the team log an appender had seen, which its append countersigns (null: none yet). */
export const checkpointSeenSchema = z.strictObject({ treeSize: z.number().int().min(0), rootHash: hex64 }).nullable();
export type CheckpointSeen = z.infer<typeof checkpointSeenSchema>;

/**
 * Where a team session's entries were appended, for verifying offline what the server signed: each
 * entry's append (who appended it, the checkpoint they had seen, their signature), in order, and the
 * last checkpoint the exporting console checked, signed by the server's key.
 */
const teamLogSchema = z.strictObject({
  sessionId: z.string().min(1),
  serverKey: z.strictObject({ fingerprint: fingerprintSchema, publicKey: base64url('an Ed25519 public key') }),
  appends: z.array(
    z.strictObject({ appendedBy: fingerprintSchema, checkpointSeen: checkpointSeenSchema, signature: signatureSchema }),
  ),
  checkpoint: checkpointSchema,
});
export type TeamLogRecord = z.infer<typeof teamLogSchema>;

export const packetSchema = z
  .strictObject({
    format: z.literal('crew-return-decision-packet'),
    formatVersion: z.union([z.literal(packetFormatVersion), z.literal(provenanceFreeFormatVersion)], {
      error: `format version ${packetFormatVersion} or ${provenanceFreeFormatVersion} (a packet of an earlier format is read by the build that wrote it)`,
    }),
    scenario: scenarioSchema,
    profile: z.strictObject({
      id: z.string(),
      version: z.string(),
      values: recordedThresholdValues,
      contentHash: hex64,
      pollPositions: pollPositionsSchema.readonly().optional(),
    }),
    entryCount: z.number().int().min(0),
    headHash: z.string(),
    entries: z.array(entrySchema),
    seal: sealSchema.optional(),
    teamLog: teamLogSchema.optional(),
  })
  .superRefine((packet, context) => {
    const provenanceFree = packet.formatVersion === provenanceFreeFormatVersion;
    for (const [i, entry] of packet.entries.entries())
      if (provenanceFree !== (entry.provenance === undefined))
        context.addIssue({
          code: 'custom',
          path: ['entries', i, 'provenance'],
          message: provenanceFree
            ? `no provenance in a format ${provenanceFreeFormatVersion} packet`
            : `whose entry it is (scripted or operator): every entry of a format ${packetFormatVersion} packet says`,
        });
  });
export type DecisionPacket = z.infer<typeof packetSchema>;
