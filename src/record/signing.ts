/**
 * Ed25519 signatures through Web Crypto, the same code in Node and the browser. A key belongs to an
 * operator (name and role); its fingerprint is what a reviewer compares and trusts.
 */
import { canonicalJson } from '../session/canonicalJson';
import type { Actor } from '../session/model';
import { fromBase64Url, toBase64Url } from './base64Url';
import type { Signature } from './signatureSchema';

const ed25519 = { name: 'Ed25519' } as const;
const encoder = new TextEncoder();

/** What anyone may hold: whose key it is and the key itself (raw, base64url). */
export interface PublicKeyRecord {
  name: string;
  role: string;
  fingerprint: string;
  publicKey: string;
}

/** A key's public record alone (a signer or a key file holds more). */
export const publicHalf = ({ name, role, fingerprint, publicKey }: PublicKeyRecord): PublicKeyRecord => ({
  name,
  role,
  fingerprint,
  publicKey,
});

/** An operator able to sign: their public record and a private key (non-extractable in the browser). */
export interface Signer extends PublicKeyRecord {
  privateKey: CryptoKey;
}

export async function createKeyPair(extractable: boolean): Promise<CryptoKeyPair> {
  return (await crypto.subtle.generateKey(ed25519, extractable, ['sign', 'verify'])) as CryptoKeyPair;
}

export async function publicKeyRecord(actor: Actor, publicKey: CryptoKey): Promise<PublicKeyRecord> {
  const raw = new Uint8Array(await crypto.subtle.exportKey('raw', publicKey));
  return { name: actor.name, role: actor.role, fingerprint: await fingerprintOf(raw), publicKey: toBase64Url(raw) };
}

/** "3f2a·9c41·07be·d5e0": the first 64 bits of the key's SHA-256, grouped to be read aloud. */
export async function fingerprintOf(rawPublicKey: Uint8Array): Promise<string> {
  const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', rawPublicKey as BufferSource));
  const hex = [...digest.slice(0, 8)].map((b) => b.toString(16).padStart(2, '0')).join('');
  return hex.match(/.{4}/g)?.join('·') ?? hex;
}

export async function sign(signer: Signer, message: string): Promise<Signature> {
  const value = await crypto.subtle.sign(ed25519, signer.privateKey, encoder.encode(message));
  return { fingerprint: signer.fingerprint, publicKey: signer.publicKey, value: toBase64Url(new Uint8Array(value)) };
}

/** Imported verifying keys by public key: a record signed by few keys imports each once. */
export type VerifyingKeys = Map<string, Promise<CryptoKey | null>>;

/** The key a signature names, if its fingerprint is that key's (null: not an Ed25519 key, or a false fingerprint). */
function verifyingKey(signature: Signature, keys: VerifyingKeys): Promise<CryptoKey | null> {
  const id = `${signature.publicKey}|${signature.fingerprint}`;
  let key = keys.get(id);
  if (!key) {
    key = (async () => {
      try {
        const raw = fromBase64Url(signature.publicKey);
        if (raw.length !== 32 || (await fingerprintOf(raw)) !== signature.fingerprint) return null;
        return await crypto.subtle.importKey('raw', raw as BufferSource, ed25519, false, ['verify']);
      } catch {
        return null;
      }
    })();
    keys.set(id, key);
  }
  return key;
}

/** True when the signature is by the key it names (fingerprint included) over exactly `message`. */
export async function signatureHolds(signature: Signature, message: string, keys: VerifyingKeys = new Map()): Promise<boolean> {
  const key = await verifyingKey(signature, keys);
  if (!key) return false;
  try {
    return await crypto.subtle.verify(ed25519, key, fromBase64Url(signature.value) as BufferSource, encoder.encode(message));
  } catch {
    return false;
  }
}

/** What an entry's signature covers: its hash, which chains everything before it (a checkpoint). */
export const entrySigningMessage = (hash: string) => `crew-return/entry/v1:${hash}`;

/** What a seal's signature covers: the seal's own fields, canonically. */
export const sealSigningMessage = (fields: object) => `crew-return/seal/v1:${canonicalJson(fields)}`;

/** A private key file's content (the CLI's): the key in PKCS #8, and whose it is. */
export interface PrivateKeyFile extends PublicKeyRecord {
  format: 'crew-return-private-key';
  privateKeyPkcs8: string;
}

export async function exportPrivateKeyFile(actor: Actor, keyPair: CryptoKeyPair): Promise<PrivateKeyFile> {
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', keyPair.privateKey));
  return {
    format: 'crew-return-private-key',
    ...(await publicKeyRecord(actor, keyPair.publicKey)),
    privateKeyPkcs8: toBase64Url(pkcs8),
  };
}

export async function signerFromPrivateKeyFile(file: PrivateKeyFile): Promise<Signer> {
  const privateKey = await crypto.subtle.importKey('pkcs8', fromBase64Url(file.privateKeyPkcs8) as BufferSource, ed25519, false, [
    'sign',
  ]);
  const signer = { ...publicHalf(file), privateKey };
  // A key file whose private and public halves disagree would sign what nobody can check.
  if (!(await signatureHolds(await sign(signer, 'probe'), 'probe')))
    throw new Error('the private key does not match its public key');
  return signer;
}

/** A key is trusted as a whole: the same fingerprint, key and holder. */
export const sameKey = (a: PublicKeyRecord, b: Pick<Signature, 'fingerprint' | 'publicKey'>) =>
  a.fingerprint === b.fingerprint && a.publicKey === b.publicKey;

/** "Ana Flight, flight director (3f2a·9c41·07be·d5e0)". */
export const signedBy = (key: Pick<PublicKeyRecord, 'name' | 'role' | 'fingerprint'>) =>
  `${key.name}, ${key.role} (${key.fingerprint})`;
