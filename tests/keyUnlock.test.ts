import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { dbName } from '../src/files/appDatabase';
import { KeyLockedError, openKeyStore } from '../src/files/keyStore';
import { createWrappedKey, passphraseProblem, unwrapKey } from '../src/record/keyWrap';
import { entrySigningMessage, sign, signatureHolds } from '../src/record/signing';

const ana = { name: 'Ana Flight', role: 'flight director' };
// The stored count is read back from each key: a low one keeps these tests fast, the code path is the same.
const fewIterations = 1_000;

describe('a private key under its owner’s passphrase', () => {
  it('opens with that passphrase only, and is never extractable once opened', async () => {
    const { signer, wrapped } = await createWrappedKey(ana, 'correct horse battery', fewIterations);
    expect(wrapped).toMatchObject({ kdf: 'PBKDF2-SHA-256', iterations: fewIterations });
    expect(await unwrapKey(wrapped, 'correct horse batterY')).toBeNull();
    expect(await unwrapKey({ ...wrapped, salt: wrapped.iv }, 'correct horse battery')).toBeNull();
    const opened = await unwrapKey(wrapped, 'correct horse battery');
    if (!opened) throw new Error('the right passphrase did not open the key');
    expect(opened.extractable).toBe(false);
    expect(signer.privateKey.extractable).toBe(false);
    const message = entrySigningMessage('a'.repeat(64));
    const signature = await sign({ ...signer, privateKey: opened }, message);
    expect(await signatureHolds(signature, message)).toBe(true);
  });

  it('asks a new key for a passphrase that is not trivially guessed', () => {
    expect(passphraseProblem('short')).toBe('a passphrase of at least 10 characters');
    expect(passphraseProblem('ten chars!')).toBeNull();
  });
});

describe('the key store: typing a name never yields its key', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('makes a key at the first identification and unlocks it later by the passphrase alone', async () => {
    const keys = openKeyStore({ iterations: fewIterations });
    await expect(keys.signerFor(ana)).rejects.toBeInstanceOf(KeyLockedError);
    const made = await keys.unlock(ana, 'ana’s own passphrase');
    if (!made.ok) throw new Error(made.reason);
    expect(made.created).toBe(true);
    expect((await keys.signerFor(ana)).fingerprint).toBe(made.signer.fingerprint);

    // A reload or an idle lock forgets it: signing needs the passphrase again.
    keys.lockAll();
    await expect(keys.signerFor(ana)).rejects.toThrow('Ana Flight (flight director) has not unlocked a signing key');

    // Someone else at the browser types Ana's name: no key.
    const impostor = await keys.unlock(ana, 'a plausible guess');
    expect(impostor).toEqual({
      ok: false,
      reason: `This passphrase opens no key of Ana Flight (flight director) kept in this browser (key ${made.signer.fingerprint}).`,
      existing: [made.signer.fingerprint],
    });
    await expect(keys.signerFor(ana)).rejects.toBeInstanceOf(KeyLockedError);

    const again = await keys.unlock(ana, 'ana’s own passphrase');
    expect(again.ok && again.created === false && again.signer.fingerprint === made.signer.fingerprint).toBe(true);
  });

  it('a new key under an existing name and role is a new identity, with its own fingerprint, beside the old one', async () => {
    const keys = openKeyStore({ iterations: fewIterations });
    const first = await keys.unlock(ana, 'ana’s own passphrase');
    const second = await keys.unlock(ana, 'a new passphrase of Ana', { newIdentity: true });
    if (!first.ok || !second.ok) throw new Error('not unlocked');
    expect(second.created).toBe(true);
    expect(second.signer.fingerprint).not.toBe(first.signer.fingerprint);
    const own = (await keys.trustedKeys()).filter((k) => k.own).map((k) => k.fingerprint);
    expect(own.sort()).toEqual([first.signer.fingerprint, second.signer.fingerprint].sort());
    // Each passphrase opens its own key.
    keys.lockAll();
    const reopened = await keys.unlock(ana, 'ana’s own passphrase');
    expect(reopened.ok && reopened.signer.fingerprint).toBe(first.signer.fingerprint);
  });

  it('refuses to make a key under a short passphrase', async () => {
    const keys = openKeyStore({ iterations: fewIterations });
    expect(await keys.unlock(ana, 'short')).toEqual({
      ok: false,
      reason: 'A new key needs a passphrase of at least 10 characters.',
      existing: [],
    });
  });
});

describe('keys kept before passphrases', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('sign no more: their public halves stay trusted, so their packets still verify', async () => {
    const legacy = { ...ana, fingerprint: '3f2a·9c41·07be·d5e0', publicKey: 'AAAA' };
    const v4 = await openDB(dbName, 4, {
      upgrade(database) {
        database.createObjectStore('operatorKeys', { keyPath: ['name', 'role'] }).put({ ...legacy, privateKey: 'opaque' });
        database.createObjectStore('trustedKeys', { keyPath: 'fingerprint' });
        for (const store of ['sessions', 'entries', 'openedScenarios']) database.createObjectStore(store);
      },
    });
    v4.close();
    const keys = openKeyStore({ iterations: fewIterations });
    expect(await keys.trustedKeys()).toEqual([{ ...legacy, own: false }]);
    // Typing Ana's name makes her a new, protected key: the old one is not hers to use.
    const unlocked = await keys.unlock(ana, 'ana’s own passphrase');
    expect(unlocked.ok && unlocked.created && unlocked.signer.fingerprint !== legacy.fingerprint).toBe(true);
  });
});
