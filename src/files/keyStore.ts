/**
 * The browser's keys: each operator's signing key, made at identification with a non-extractable
 * private half and kept in IndexedDB, and the public keys trusted for verifying packets (the
 * operators' own, and those imported). Where IndexedDB is refused, keys live for the page only.
 */
import { createKeyPair, publicHalf, publicKeyRecord, type Signer } from '../record/signing';
import type { TrustedKeyRecord } from '../record/trust';
import type { Actor } from '../session/model';
import { openAppDatabase, operatorKeysStore, trustedKeysStore } from './appDatabase';

export interface KeyStore {
  /** The operator's signer, made on first use. */
  signerFor(actor: Actor): Promise<Signer>;
  /** Keys trusted here: every operator key made in this browser (`own`), and every key imported. */
  trustedKeys(): Promise<TrustedKey[]>;
  /** Adds a key; one that would take the place of a key already trusted (same fingerprint, other holder or key) is refused. */
  trust(key: TrustedKeyRecord): Promise<TrustOutcome>;
  distrust(fingerprint: string): Promise<void>;
}

export type TrustedKey = TrustedKeyRecord & { own: boolean };

/** `added`: a new key (`alongside`: the keys already trusted for the same name and role); `already`: this very key was trusted. */
export type TrustOutcome = { kind: 'added'; alongside: TrustedKey[] } | { kind: 'already' } | { kind: 'refused'; reason: string };

const trustedRecord = (key: TrustedKeyRecord): TrustedKeyRecord => ({
  ...publicHalf(key),
  ...(key.roles ? { roles: [...key.roles] } : {}),
});

export function openKeyStore(): KeyStore {
  const database = openAppDatabase().catch(() => null);
  const signers = new Map<string, Promise<Signer>>();
  const imported = new Map<string, TrustedKeyRecord>();

  const makeSigner = async (actor: Actor): Promise<Signer> => {
    const db = await database;
    const stored = (await db?.get(operatorKeysStore, [actor.name, actor.role]).catch(() => undefined)) as Signer | undefined;
    if (stored) return stored;
    const pair = await createKeyPair(false);
    const signer: Signer = { ...(await publicKeyRecord(actor, pair.publicKey)), privateKey: pair.privateKey };
    await db?.put(operatorKeysStore, signer).catch(() => undefined);
    return signer;
  };

  const store: KeyStore = {
    signerFor(actor) {
      const id = JSON.stringify([actor.name, actor.role]);
      let signer = signers.get(id);
      if (!signer) {
        signer = makeSigner(actor);
        signers.set(id, signer);
      }
      return signer;
    },
    async trustedKeys() {
      const db = await database;
      const own = ((await db?.getAll(operatorKeysStore).catch(() => [])) ?? []) as Signer[];
      const stored = ((await db?.getAll(trustedKeysStore).catch(() => [])) ?? []) as TrustedKeyRecord[];
      const inMemory = await Promise.all(signers.values());
      const all = new Map<string, TrustedKey>();
      for (const key of [...stored, ...imported.values()]) all.set(key.fingerprint, { ...trustedRecord(key), own: false });
      for (const key of [...own, ...inMemory]) all.set(key.fingerprint, { ...publicHalf(key), own: true });
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
