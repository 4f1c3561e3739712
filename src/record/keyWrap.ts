/**
 * A private key kept under its owner's passphrase (21 CFR 11.200): the PKCS #8 bytes encrypted with
 * AES-256-GCM under a key derived by PBKDF2-SHA-256. Web Crypto has no memory-hard KDF, so the
 * iteration count is high (OWASP's 600,000 for PBKDF2-SHA-256); it is stored with the key, so a later
 * count can be raised without losing older keys. A wrong passphrase fails GCM's authentication:
 * nothing about the key is learnt from a failed unlock.
 */

import type { Actor } from '../session/model';
import { fromBase64Url, toBase64Url } from './base64Url';
import { createKeyPair, publicKeyRecord, type Signer } from './signing';

const passphraseIterations = 600_000;
/** Fewer characters than this make a guessable passphrase for a key that signs decisions. */
const passphraseMinLength = 10;

export interface WrappedKey {
  kdf: 'PBKDF2-SHA-256';
  iterations: number;
  salt: string;
  iv: string;
  /** The private key, PKCS #8, encrypted and authenticated (AES-256-GCM). */
  ciphertext: string;
}

const encoder = new TextEncoder();

async function wrappingKey(passphrase: string, salt: Uint8Array, iterations: number): Promise<CryptoKey> {
  const material = await crypto.subtle.importKey('raw', encoder.encode(passphrase.normalize('NFC')), 'PBKDF2', false, [
    'deriveKey',
  ]);
  return crypto.subtle.deriveKey(
    { name: 'PBKDF2', hash: 'SHA-256', salt: salt as BufferSource, iterations },
    material,
    { name: 'AES-GCM', length: 256 },
    false,
    ['encrypt', 'decrypt'],
  );
}

/** Why a passphrase cannot protect a new key, or null. */
export function passphraseProblem(passphrase: string): string | null {
  return [...passphrase.normalize('NFC')].length < passphraseMinLength
    ? `a passphrase of at least ${passphraseMinLength} characters`
    : null;
}

/** A new key pair for `actor`: its public record, and its private half wrapped under `passphrase`, then held unextractable. */
export async function createWrappedKey(
  actor: Actor,
  passphrase: string,
  iterations = passphraseIterations,
): Promise<{ signer: Signer; wrapped: WrappedKey }> {
  const pair = await createKeyPair(true);
  const pkcs8 = new Uint8Array(await crypto.subtle.exportKey('pkcs8', pair.privateKey));
  const salt = crypto.getRandomValues(new Uint8Array(16));
  const iv = crypto.getRandomValues(new Uint8Array(12));
  const key = await wrappingKey(passphrase, salt, iterations);
  const ciphertext = new Uint8Array(await crypto.subtle.encrypt({ name: 'AES-GCM', iv }, key, pkcs8));
  pkcs8.fill(0);
  const record = await publicKeyRecord(actor, pair.publicKey);
  const privateKey = await unwrapped(await unwrapBytes({ ciphertext, iv, key }));
  return {
    signer: { ...record, privateKey },
    wrapped: {
      kdf: 'PBKDF2-SHA-256',
      iterations,
      salt: toBase64Url(salt),
      iv: toBase64Url(iv),
      ciphertext: toBase64Url(ciphertext),
    },
  };
}

/** The private key `wrapped` holds, usable to sign and not extractable; null when `passphrase` is not the one it was wrapped under. */
export async function unwrapKey(wrapped: WrappedKey, passphrase: string): Promise<CryptoKey | null> {
  const key = await wrappingKey(passphrase, fromBase64Url(wrapped.salt), wrapped.iterations);
  const pkcs8 = await unwrapBytes({ ciphertext: fromBase64Url(wrapped.ciphertext), iv: fromBase64Url(wrapped.iv), key }).catch(
    () => null,
  );
  return pkcs8 && unwrapped(pkcs8);
}

async function unwrapBytes({ ciphertext, iv, key }: { ciphertext: Uint8Array; iv: Uint8Array; key: CryptoKey }) {
  return new Uint8Array(
    await crypto.subtle.decrypt({ name: 'AES-GCM', iv: iv as BufferSource }, key, ciphertext as BufferSource),
  );
}

async function unwrapped(pkcs8: Uint8Array): Promise<CryptoKey> {
  try {
    return await crypto.subtle.importKey('pkcs8', pkcs8 as BufferSource, { name: 'Ed25519' }, false, ['sign']);
  } finally {
    pkcs8.fill(0);
  }
}
