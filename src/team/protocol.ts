/**
 * The team server's JSON API, as both sides read it: each request and response as a schema, and the
 * exact message each signed thing signs (one builder per message, used by the console and the server).
 */
import { scenarioSchema } from '../../scenarios/schema';
import { checkpointSchema } from '../record/checkpointSchema';
import { checkpointSeenSchema, hex64, packetSchema } from '../record/packetSchema';
import { fingerprintSchema, signatureSchema } from '../record/signatureSchema';
import { canonicalJson } from '../session/canonicalJson';
import { z } from '../session/model';
import { publicKeyRecordSchema } from './serverInfo';

const utcTime = z.iso.datetime({ offset: false, error: 'a UTC time such as 2026-12-06T12:00:00Z' });

export const sessionIdSchema = z.uuid({ error: 'a session id: a UUID such as 0f8c7d2e-4b1a-4c3e-9a55-2f1d6e7b8c90' });

/** What the decision authority signs to open a session: its id, title, genesis hash, opening time and own key. */
export interface SessionGenesis {
  sessionId: string;
  title: string;
  genesisHash: string;
  openedUtc: string;
  authorityFingerprint: string;
}
export const sessionGenesisMessage = (genesis: SessionGenesis) => `crew-return/session/v1:${canonicalJson(genesis)}`;

export const createSessionRequestSchema = z.strictObject({
  id: sessionIdSchema,
  title: z.string().min(1, 'a session title').max(200, 'a session title of at most 200 characters'),
  scenario: packetSchema.shape.scenario,
  profile: packetSchema.shape.profile,
  openedUtc: utcTime,
  authority: publicKeyRecordSchema,
  /** The authority's signature over `sessionGenesisMessage`. */
  genesisSignature: signatureSchema,
});
export type CreateSessionRequest = z.infer<typeof createSessionRequestSchema>;

/** What an operator signs to register their key: the key record itself, proving they hold its private half. */
export const keyRegistrationMessage = (key: z.infer<typeof publicKeyRecordSchema>) =>
  `crew-return/key/v1:${canonicalJson({ name: key.name, role: key.role, fingerprint: key.fingerprint, publicKey: key.publicKey })}`;

export const registerKeyRequestSchema = z.strictObject({
  key: publicKeyRecordSchema,
  /** The key's own signature over `keyRegistrationMessage`. */
  signature: signatureSchema,
});
export type RegisterKeyRequest = z.infer<typeof registerKeyRequestSchema>;

/** What the decision authority signs to admit a key to a session. */
export interface AdmissionGrant {
  sessionId: string;
  admitted: z.infer<typeof publicKeyRecordSchema>;
  admittedUtc: string;
}
export const admissionMessage = (grant: AdmissionGrant) => `crew-return/admission/v1:${canonicalJson(grant)}`;

export const admissionRequestSchema = z.strictObject({
  /** The fingerprint of a registered key. */
  admitted: fingerprintSchema,
  admittedUtc: utcTime,
  /** The session authority's signature over `admissionMessage`. */
  signature: signatureSchema,
});
export type AdmissionRequest = z.infer<typeof admissionRequestSchema>;

export const appendRequestSchema = z.strictObject({
  /** The entry count this append extends: the entry's seq is one more. */
  extends: z.number().int().min(0),
  entry: packetSchema.shape.entries.element,
  appendedBy: fingerprintSchema,
  checkpointSeen: checkpointSeenSchema,
  /** The appender's signature over `appendMessage`, by a key admitted to the session. */
  signature: signatureSchema,
});
export type AppendRequest = z.infer<typeof appendRequestSchema>;

/**
 * Checkpoints and Merkle proofs, as a console parses them: a checkpoint (GET
 * /api/sessions/:id/checkpoints/latest, the `checkpoint` live event, an append's answer), checked with
 * checkExtends against the server key of GET /api/server.
 */
export const checkpointResponseSchema = checkpointSchema;

const treeSize = (what: string) => z.number().int(`${what}: a whole number of entries`).min(1, `${what}: 1 entry or more`);

/** GET /api/sessions/:id/consistency?from=N&to=M: that the log of M entries begins with the log of N (RFC 9162 2.1.4). */
export const consistencyProofSchema = z.strictObject({
  log: sessionIdSchema,
  fromSize: treeSize('fromSize'),
  toSize: treeSize('toSize'),
  proof: z.array(hex64),
});
export type ConsistencyProof = z.infer<typeof consistencyProofSchema>;

/** GET /api/sessions/:id/inclusion?seq=S&size=N: that entry S is leaf S − 1 of the log of N entries (RFC 9162 2.1.3). */
export const inclusionProofSchema = z.strictObject({
  log: sessionIdSchema,
  seq: z.number().int().min(1, 'seq: an entry number, 1 or more'),
  treeSize: treeSize('treeSize'),
  proof: z.array(hex64),
});
export type InclusionProof = z.infer<typeof inclusionProofSchema>;

/*
 * The server's answers as a console reads them. The envelopes are plain objects (a field the server
 * adds later, such as a checkpoint, is let through unread); what is hashed or signed inside them is
 * checked strictly by its own schema.
 */
const sessionSummaryShape = {
  id: sessionIdSchema,
  title: z.string(),
  openedUtc: z.string(),
  genesisHash: hex64,
  authority: publicKeyRecordSchema,
  entryCount: z.number().int().min(0),
  /** The last entry's hash, or the genesis hash before any entry. */
  headHash: hex64,
};
export const sessionSummarySchema = z.object(sessionSummaryShape);
export type SessionSummary = z.infer<typeof sessionSummarySchema>;

/** A session with what a console folds: the scenario and the profile. */
export const sessionDetailSchema = z.object({
  ...sessionSummaryShape,
  scenario: createSessionRequestSchema.shape.scenario,
  profile: createSessionRequestSchema.shape.profile,
  genesisSignature: signatureSchema,
});
export type SessionDetail = z.infer<typeof sessionDetailSchema>;

export const admissionSchema = z.object({
  sessionId: sessionIdSchema,
  admitted: publicKeyRecordSchema,
  admittedBy: fingerprintSchema,
  admittedUtc: z.string(),
  signature: signatureSchema,
});

export type Admission = z.infer<typeof admissionSchema>;

/** An entry as the server keeps it, with who appended it and what they had seen. */
export const storedEntrySchema = z.object({
  entry: appendRequestSchema.shape.entry,
  appendedBy: fingerprintSchema,
  checkpointSeen: checkpointSeenSchema,
  signature: signatureSchema,
  appendedUtc: z.string(),
});

export type StoredEntry = z.infer<typeof storedEntrySchema>;

/**
 * What an author signs to keep a case on the server: the scenario's canonical JSON, as kept. Each
 * keeping is a new version, signed anew; a console verifies the latest against the registered key.
 */
export const caseSigningMessage = (scenario: z.infer<typeof scenarioSchema>) => `crew-return/case/v1:${canonicalJson(scenario)}`;

export const keepCaseRequestSchema = z.strictObject({
  /** The scenario as the editor or a file has it: checked by the same schema and checks as `decide`. */
  scenario: scenarioSchema,
  /** The fingerprint of the registered key that keeps it. */
  keyId: fingerprintSchema,
  /** That key's signature over `caseSigningMessage`. */
  signature: signatureSchema,
});
export type KeepCaseRequest = z.infer<typeof keepCaseRequestSchema>;

/** GET /api/cases: the latest version of each case, who kept it and when, and how many versions were kept. */
export const keptCaseSummarySchema = z.object({
  id: scenarioSchema.shape.id,
  title: z.string(),
  kind: scenarioSchema.shape.kind,
  keptBy: publicKeyRecordSchema,
  keptUtc: z.string(),
  versions: z.number().int().min(1),
});
export type KeptCaseSummary = z.infer<typeof keptCaseSummarySchema>;

/** GET /api/cases/:id (and a keep's answer): the latest version, with what a console verifies it by. */
export const keptCaseSchema = z.object({
  ...keptCaseSummarySchema.shape,
  scenario: scenarioSchema,
  signature: signatureSchema,
});
export type KeptCase = z.infer<typeof keptCaseSchema>;

/** A field of a request that was refused, and what was expected there. */
const requestProblemSchema = z.object({ path: z.string(), expected: z.string() });
export type RequestProblem = z.infer<typeof requestProblemSchema>;

export const appendResponseSchema = z.discriminatedUnion('outcome', [
  /** With the server's signed checkpoint of the log this entry ends. */
  z.object({
    outcome: z.literal('appended'),
    seq: z.number().int().min(1),
    hash: hex64,
    appendedUtc: z.string(),
    checkpoint: checkpointResponseSchema,
  }),
  /** Someone appended first: the console takes in the newer entries and tries again. */
  z.object({ outcome: z.literal('stale'), entryCount: z.number().int().min(0), headHash: hex64 }),
  z.object({ outcome: z.literal('not-admitted'), fingerprint: z.string(), message: z.string() }),
  z.object({ outcome: z.literal('invalid'), problems: z.array(requestProblemSchema) }),
]);
export type AppendResponse = z.infer<typeof appendResponseSchema>;

/** Any other refusal the server words: not found, exists already, invalid, or its own failure. */
export const refusalSchema = z.union([
  z.object({ outcome: z.enum(['not-found', 'exists', 'server-error']), message: z.string() }),
  z.object({ outcome: z.literal('invalid'), problems: z.array(requestProblemSchema) }),
]);
