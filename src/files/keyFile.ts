/** Key files: an operator's private key (the CLI's) and anyone's public key (`.pub.json`), checked on reading. */
import { z } from 'zod';
import { type PrivateKeyFile, type PublicKeyRecord, publicHalf } from '../record/signing';
import { issueProblems, type Parsed, parseJsonText, plainSchemaErrors } from '../session/inputProblem';

export const base64url = (what: string) => z.string().regex(/^[A-Za-z0-9_-]+$/, `${what} in base64url`);
const holder = {
  name: z.string().min(1),
  role: z.string().min(1),
  fingerprint: z.string().regex(/^[0-9a-f]{4}(·[0-9a-f]{4}){3}$/, 'a key fingerprint such as 3f2a·9c41·07be·d5e0'),
  publicKey: base64url('an Ed25519 public key'),
};

/** A signature as a record carries it: the key that made it, and the signature itself. */
export const signatureSchema = z.strictObject({
  fingerprint: holder.fingerprint,
  publicKey: holder.publicKey,
  value: base64url('an Ed25519 signature'),
});

const publicKeySchema = z.strictObject({ format: z.literal('crew-return-public-key'), ...holder });
const privateKeySchema = z.strictObject({
  format: z.literal('crew-return-private-key'),
  ...holder,
  privateKeyPkcs8: base64url('an Ed25519 private key (PKCS #8)'),
});

export type PublicKeyFile = z.infer<typeof publicKeySchema>;

export const publicKeyFile = (key: PublicKeyRecord): PublicKeyFile => ({ format: 'crew-return-public-key', ...key });

function parseWith<T>(schema: z.ZodType<T>, file: string, text: string): Parsed<T> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  const result = schema.safeParse(json.value, { error: plainSchemaErrors });
  return result.success ? { ok: true, value: result.data } : { ok: false, problems: issueProblems(file, result.error.issues) };
}

export function parsePublicKeyFile(file: string, text: string): Parsed<PublicKeyRecord> {
  const parsed = parseWith(publicKeySchema, file, text);
  return parsed.ok ? { ok: true, value: publicHalf(parsed.value) } : parsed;
}

export const parsePrivateKeyFile = (file: string, text: string): Parsed<PrivateKeyFile> =>
  parseWith(privateKeySchema, file, text);
