/** What GET /api/server answers: that this is a team server, its database, and the key it signs checkpoints with. */
import { base64url, fingerprintSchema } from '../record/signatureSchema';
import { z } from '../session/model';

export const publicKeyRecordSchema = z.strictObject({
  name: z.string().min(1, 'the key holder’s name'),
  role: z.string().min(1, 'the key holder’s role'),
  fingerprint: fingerprintSchema,
  publicKey: base64url('an Ed25519 public key'),
});

export const serverInfoSchema = z.object({
  mode: z.literal('team'),
  database: z.enum(['embedded', 'postgresql']),
  /** The key the server signs checkpoints with. */
  serverKey: publicKeyRecordSchema,
});
export type ServerInfo = z.infer<typeof serverInfoSchema>;
