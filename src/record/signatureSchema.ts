/** How a key and a signature are written in files and packets: checked on reading, and the types they give. */
import { z } from '../session/model';

export const base64url = (what: string) => z.string().regex(/^[A-Za-z0-9_-]+$/, `${what} in base64url`);
export const fingerprintSchema = z
  .string()
  .regex(/^[0-9a-f]{4}(·[0-9a-f]{4}){3}$/, 'a key fingerprint such as 3f2a·9c41·07be·d5e0');

/** A signature as a record carries it: the key that made it, and the signature itself. */
export const signatureSchema = z.strictObject({
  fingerprint: fingerprintSchema,
  publicKey: base64url('an Ed25519 public key'),
  value: base64url('an Ed25519 signature'),
});

/** A signature with the key that made it, so it can be checked without a key list. */
export type Signature = z.infer<typeof signatureSchema>;
