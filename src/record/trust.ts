/**
 * Role-scoped trust: a trusted key says which roles its holder may sign for (by default the role in
 * the key itself). The trust list's own problems (two keys for one name and role, names that mix
 * scripts) are reported beside every verdict made with it.
 */
import { mixedScriptWarning, normalizeIdentity } from './identityText';
import type { Signature } from './signatureSchema';
import { type PublicKeyRecord, sameKey } from './signing';

export interface TrustedKeyRecord extends PublicKeyRecord {
  /** The roles this key may sign for; absent: only its own `role`. */
  roles?: readonly string[];
}

export const rolesOf = (key: TrustedKeyRecord): readonly string[] => key.roles ?? [key.role];

/** The trusted key that made `signature`, if its holder is `name` (NFC-compared). */
export function trustedKeyOf(
  trusted: readonly TrustedKeyRecord[],
  signature: Pick<Signature, 'fingerprint' | 'publicKey'>,
  name: string,
): TrustedKeyRecord | undefined {
  const wanted = normalizeIdentity(name);
  return trusted.find((key) => sameKey(key, signature) && normalizeIdentity(key.name) === wanted);
}

export const mayActAs = (key: TrustedKeyRecord, role: string) =>
  rolesOf(key).some((r) => normalizeIdentity(r) === normalizeIdentity(role));

/** What a reviewer must know about the list itself: duplicate holders and look-alike names or roles. */
export function trustListWarnings(trusted: readonly TrustedKeyRecord[]): string[] {
  const warnings: string[] = [];
  const byHolder = new Map<string, TrustedKeyRecord[]>();
  for (const key of trusted) {
    for (const role of rolesOf(key)) {
      const id = JSON.stringify([normalizeIdentity(key.name), normalizeIdentity(role)]);
      const keys = byHolder.get(id) ?? [];
      if (!keys.some((k) => k.fingerprint === key.fingerprint)) keys.push(key);
      byHolder.set(id, keys);
    }
    for (const [what, text] of [['name', key.name], ...rolesOf(key).map((role) => ['role', role])] as const) {
      const mixed = mixedScriptWarning(text);
      if (mixed) warnings.push(`the key ${key.fingerprint}'s ${what} "${text}" ${mixed}`);
    }
  }
  for (const [id, keys] of byHolder) {
    if (keys.length < 2) continue;
    const [name, role] = JSON.parse(id) as [string, string];
    warnings.push(
      `${keys.length} keys are trusted for ${name} (${role}): ${keys.map((k) => k.fingerprint).join(', ')}; each signs as that person`,
    );
  }
  return warnings;
}
