/**
 * The browser's keys: each operator's signing key, kept in IndexedDB wrapped under that operator's
 * passphrase and unlocked into this page's memory only by it (21 CFR 11.200: typing a name never
 * yields its key), and the public keys trusted for verifying packets (the operators' own, and those
 * imported). A reload or an idle lock forgets every unlocked key. Where IndexedDB is refused, keys
 * live for the page only.
 */
import { publicHalf, type Signer } from '../record/signing';
import type { TrustedKeyRecord } from '../record/trust';
import type { Actor } from '../session/model';
import { openAppDatabase, operatorKeysByActor, operatorKeysStore, type StoredOperatorKey, trustedKeysStore } from './appDatabase';

type Unlocked =
  | { ok: true; signer: Signer; created: boolean }
  /** `existing`: the fingerprints of the keys this browser holds for that name and role, none of which the passphrase opens. */
  | { ok: false; reason: string; existing: string[] };

export interface KeyStore {
  /**
   * Unlocks the key of `actor` that `passphrase` opens; with no key for that name and role here, or
   * asked for a `newIdentity`, makes one under the passphrase (a new key is a new identity: others trust it anew).
   */
  unlock(actor: Actor, passphrase: string, options?: { newIdentity?: boolean }): Promise<Unlocked>;
  /** The signer `actor` unlocked in this page; refused when they have not (or their key was locked since). */
  signerFor(actor: Actor): Promise<Signer>;
  /** Forgets every unlocked key: the next signing needs its passphrase again. */
  lockAll(): void;
  /** Keys trusted here: every operator key made in this browser (`own`), and every key imported. */
  trustedKeys(): Promise<TrustedKey[]>;
  /** Adds a key; one that would take the place of a key already trusted (same fingerprint, other holder or key) is refused. */
  trust(key: TrustedKeyRecord): Promise<TrustOutcome>;
  distrust(fingerprint: string): Promise<void>;
}

export type TrustedKey = TrustedKeyRecord & { own: boolean };

/** `added`: a new key (`alongside`: the keys already trusted for the same name and role); `already`: this very key was trusted. */
type TrustOutcome = { kind: 'added'; alongside: TrustedKey[] } | { kind: 'already' } | { kind: 'refused'; reason: string };

const trustedRecord = (key: TrustedKeyRecord): TrustedKeyRecord => ({
  ...publicHalf(key),
  ...(key.roles ? { roles: [...key.roles] } : {}),
});

export class KeyLockedError extends Error {
  constructor(actor: Actor) {
    super(`${actor.name} (${actor.role}) has not unlocked a signing key in this page: identify with your passphrase`);
  }
}

const actorId = (actor: Actor) => JSON.stringify([actor.name, actor.role]);

export function openKeyStore(options: { iterations?: number } = {}): KeyStore {
  const database = openAppDatabase().catch(() => null);
  const unlocked = new Map<string, Signer>();
  // Kept for the page where IndexedDB is refused.
  const pageKeys = new Map<string, StoredOperatorKey>();
  const imported = new Map<string, TrustedKeyRecord>();

  const keysOf = async (actor: Actor): Promise<StoredOperatorKey[]> => {
    const db = await database;
    const stored =
      (await db?.getAllFromIndex(operatorKeysStore, operatorKeysByActor, [actor.name, actor.role]).catch(() => [])) ?? [];
    const inPage = [...pageKeys.values()].filter((k) => k.name === actor.name && k.role === actor.role);
    return [...stored, ...inPage.filter((k) => !stored.some((s) => s.fingerprint === k.fingerprint))];
  };

  const store: KeyStore = {
    async unlock(actor, passphrase, { newIdentity = false } = {}) {
      // Wrapping and unwrapping come with the first unlock, not with the first screen.
      const [{ createWrappedKey, passphraseProblem, unwrapKey }, existing] = await Promise.all([
        import('../record/keyWrap'),
        keysOf(actor),
      ]);
      if (existing.length > 0 && !newIdentity) {
        for (const key of existing) {
          const privateKey = await unwrapKey(key.wrapped, passphrase);
          if (!privateKey) continue;
          const signer = { ...publicHalf(key), privateKey };
          unlocked.set(actorId(actor), signer);
          return { ok: true, signer, created: false };
        }
        const keys = existing.map((k) => k.fingerprint);
        return {
          ok: false,
          reason: `This passphrase opens no key of ${actor.name} (${actor.role}) kept in this browser (key ${keys.join(', key ')}).`,
          existing: keys,
        };
      }
      const problem = passphraseProblem(passphrase);
      if (problem) return { ok: false, reason: `A new key needs ${problem}.`, existing: existing.map((k) => k.fingerprint) };
      const { signer, wrapped } = await createWrappedKey(actor, passphrase, options.iterations);
      const stored: StoredOperatorKey = { ...publicHalf(signer), wrapped };
      pageKeys.set(signer.fingerprint, stored);
      await (await database)?.put(operatorKeysStore, stored).catch(() => undefined);
      unlocked.set(actorId(actor), signer);
      return { ok: true, signer, created: true };
    },
    async signerFor(actor) {
      const signer = unlocked.get(actorId(actor));
      if (!signer) throw new KeyLockedError(actor);
      return signer;
    },
    lockAll() {
      unlocked.clear();
    },
    async trustedKeys() {
      const db = await database;
      const own = (await db?.getAll(operatorKeysStore).catch(() => [])) ?? [];
      const stored = (await db?.getAll(trustedKeysStore).catch(() => [])) ?? [];
      const all = new Map<string, TrustedKey>();
      for (const key of [...stored, ...imported.values()]) all.set(key.fingerprint, { ...trustedRecord(key), own: false });
      for (const key of [...own, ...pageKeys.values()]) all.set(key.fingerprint, { ...publicHalf(key), own: true });
      return [...all.values()];
    },
    async trust(key) {
      const present = await store.trustedKeys();
      const same = present.find((k) => k.fingerprint === key.fingerprint);
      if (same) {
        const identical =
          same.publicKey === key.publicKey &&
          same.name === key.name &&
          same.role === key.role &&
          JSON.stringify(same.roles ?? null) === JSON.stringify(key.roles ?? null);
        if (identical) return { kind: 'already' };
        return {
          kind: 'refused',
          reason: `the fingerprint ${key.fingerprint} is already trusted as ${same.name} (${same.role})${same.own ? ', an operator of this browser' : ''}; remove that key first to replace it`,
        };
      }
      const record = trustedRecord(key);
      imported.set(key.fingerprint, record);
      await (await database)?.put(trustedKeysStore, record).catch(() => undefined);
      const alongside = present.filter((k) => k.name === key.name && k.role === key.role);
      return { kind: 'added', alongside };
    },
    async distrust(fingerprint) {
      imported.delete(fingerprint);
      await (await database)?.delete(trustedKeysStore, fingerprint).catch(() => undefined);
    },
  };
  return store;
}
