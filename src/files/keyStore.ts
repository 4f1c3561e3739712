/**
 * The browser's keys: each operator's signing key, made at identification with a non-extractable
 * private half and kept in IndexedDB, and the public keys trusted for verifying packets (the
 * operators' own, and those imported). Where IndexedDB is refused, keys live for the page only.
 */
import { createKeyPair, type PublicKeyRecord, publicHalf, publicKeyRecord, type Signer } from '../record/signing';
import type { Actor } from '../session/model';
import { openAppDatabase, operatorKeysStore, trustedKeysStore } from './appDatabase';

export interface KeyStore {
  /** The operator's signer, made on first use. */
  signerFor(actor: Actor): Promise<Signer>;
  /** Keys trusted here: every operator key made in this browser (`own`), and every key imported. */
  trustedKeys(): Promise<TrustedKey[]>;
  trust(key: PublicKeyRecord): Promise<void>;
  distrust(fingerprint: string): Promise<void>;
}

export type TrustedKey = PublicKeyRecord & { own: boolean };

export function openKeyStore(): KeyStore {
  const database = openAppDatabase().catch(() => null);
  const signers = new Map<string, Promise<Signer>>();
  const imported = new Map<string, PublicKeyRecord>();

  const makeSigner = async (actor: Actor): Promise<Signer> => {
    const db = await database;
    const stored = (await db?.get(operatorKeysStore, [actor.name, actor.role]).catch(() => undefined)) as Signer | undefined;
    if (stored) return stored;
    const pair = await createKeyPair(false);
    const signer: Signer = { ...(await publicKeyRecord(actor, pair.publicKey)), privateKey: pair.privateKey };
    await db?.put(operatorKeysStore, signer).catch(() => undefined);
    return signer;
  };

  return {
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
      const stored = ((await db?.getAll(trustedKeysStore).catch(() => [])) ?? []) as PublicKeyRecord[];
      const inMemory = await Promise.all(signers.values());
      const all = new Map<string, TrustedKey>();
      for (const key of [...stored, ...imported.values()]) all.set(key.fingerprint, { ...publicHalf(key), own: false });
      for (const key of [...own, ...inMemory]) all.set(key.fingerprint, { ...publicHalf(key), own: true });
      return [...all.values()];
    },
    async trust(key) {
      imported.set(key.fingerprint, publicHalf(key));
      await (await database)?.put(trustedKeysStore, publicHalf(key)).catch(() => undefined);
    },
    async distrust(fingerprint) {
      imported.delete(fingerprint);
      await (await database)?.delete(trustedKeysStore, fingerprint).catch(() => undefined);
    },
  };
}
