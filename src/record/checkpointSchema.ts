/**
 * A checkpoint as anyone reads it (the network, a packet): its fields and their words. Its own module,
 * without the Merkle code, so that a packet's schema does not load a hash library.
 */
import { z } from '../session/model';
import { signatureSchema } from './signatureSchema';

/** The root of the tree of no leaves: SHA-256 of nothing (merkle.ts computes it; its tests hold the two equal). */
export const emptyRootHash = 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855';

const checkpointFields = {
  log: z
    .string({ error: 'the id of the session whose log this is' })
    .min(1, 'the id of the session whose log this is')
    .max(200, 'a session id of at most 200 characters'),
  treeSize: z
    .number({ error: 'a whole number of entries' })
    .int('a whole number of entries')
    .min(0, 'a number of entries, 0 or more'),
  rootHash: z
    .string({ error: 'a Merkle root: 64 lower-case hex digits' })
    .regex(/^[0-9a-f]{64}$/, 'a Merkle root: 64 lower-case hex digits'),
  issuedUtc: z.iso.datetime({ offset: false, error: 'an ISO 8601 UTC time such as 2026-12-06T15:40:00Z' }),
};
// Only for what is not an object at all: an unknown field keeps the plain words of `plainSchemaErrors`.
const notAnObject = (issue: { code?: string }) =>
  issue.code === 'invalid_type' ? 'a checkpoint: an object with log, treeSize, rootHash, issuedUtc and signature' : undefined;
/** A log of no entries has one root, whoever signs it. */
const emptyLogRoot = (fields: { treeSize: number; rootHash: string }) => fields.treeSize > 0 || fields.rootHash === emptyRootHash;
const emptyLogRootIssue = () => ({
  path: ['rootHash'],
  message: `the empty tree's root (${emptyRootHash}) for a log of no entries`,
});
export const checkpointFieldsSchema = z
  .strictObject(checkpointFields, { error: notAnObject })
  .refine(emptyLogRoot, emptyLogRootIssue());

/** A checkpoint as anyone reads it; parseCheckpoint names each problem's field in words. */
export const checkpointSchema = z
  .strictObject({ ...checkpointFields, signature: signatureSchema }, { error: notAnObject })
  .refine(emptyLogRoot, emptyLogRootIssue());

export type Checkpoint = z.infer<typeof checkpointSchema>;
export type CheckpointFields = Omit<Checkpoint, 'signature'>;
