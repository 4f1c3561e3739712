/** Key files: an operator's private key (the CLI's) and anyone's public key (`.pub.json`), checked on reading. */

import { fromBase64Url } from '../record/base64Url';
import { identityTextProblem, normalizeIdentity } from '../record/identityText';
import { base64url, fingerprintSchema } from '../record/signatureSchema';
import { fingerprintOf, type PrivateKeyFile, type PublicKeyRecord, publicHalf } from '../record/signing';
import type { TrustedKeyRecord } from '../record/trust';
import { issueProblems, type Parsed, parseJsonText, plainSchemaErrors } from '../session/inputProblem';
import { z } from '../session/model';

/** A holder's name or role: NFC-normalized, no invisible or control character. */
const identityText = z
  .string()
  .min(1)
  .transform((text) => normalizeIdentity(text))
  .superRefine((text, context) => {
    const problem = identityTextProblem(text);
    if (problem) context.addIssue({ code: 'custom', message: problem });
    else if (!text) context.addIssue({ code: 'custom', message: 'a non-blank text' });
  });
const holder = {
  name: identityText,
  role: identityText,
  fingerprint: fingerprintSchema,
  publicKey: base64url('an Ed25519 public key'),
};

const publicKeySchema = z.strictObject({
  format: z.literal('crew-return-public-key'),
  ...holder,
  /** The roles the verifier trusts this key for; absent: only `role`. */
  roles: z.array(identityText).min(1).max(50).optional(),
});
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

/** Why a key record's fingerprint is not its key's (undefined: it is). */
async function fingerprintProblem(key: Pick<PublicKeyRecord, 'fingerprint' | 'publicKey'>): Promise<string | undefined> {
  let raw: Uint8Array;
  try {
    raw = fromBase64Url(key.publicKey);
  } catch {
    return 'an Ed25519 public key (32 bytes, base64url)';
  }
  if (raw.length !== 32) return `an Ed25519 public key (32 bytes, not ${raw.length})`;
  const actual = await fingerprintOf(raw);
  return actual === key.fingerprint
    ? undefined
    : `the fingerprint of its public key, ${actual} (the file says ${key.fingerprint})`;
}

/** A public key file, its fingerprint checked against its key: a file naming one key and carrying another is refused. */
export async function parsePublicKeyFile(file: string, text: string): Promise<Parsed<TrustedKeyRecord>> {
  const parsed = parseWith(publicKeySchema, file, text);
  if (!parsed.ok) return parsed;
  const problem = await fingerprintProblem(parsed.value);
  if (problem) return { ok: false, problems: [{ file, path: 'fingerprint', expected: problem }] };
  const { roles } = parsed.value;
  return { ok: true, value: { ...publicHalf(parsed.value), ...(roles ? { roles: [...new Set(roles)] } : {}) } };
}

export async function parsePrivateKeyFile(file: string, text: string): Promise<Parsed<PrivateKeyFile>> {
  const parsed = parseWith(privateKeySchema, file, text);
  if (!parsed.ok) return parsed;
  const problem = await fingerprintProblem(parsed.value);
  return problem ? { ok: false, problems: [{ file, path: 'fingerprint', expected: problem }] } : parsed;
}
