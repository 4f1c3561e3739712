import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import {
  checkExtends,
  checkpointHolds,
  checkpointSigningMessage,
  firstDivergence,
  logLeaf,
  logLeafHash,
  parseCheckpoint,
  signCheckpoint,
} from '../src/record/checkpoint';
import { emptyRootHash, MerkleTree } from '../src/record/merkle';
import {
  createKeyPair,
  entrySigningMessage,
  publicKeyRecord,
  type Signer,
  sealSigningMessage,
  sign,
  signatureHolds,
} from '../src/record/signing';

async function signer(name: string, role: string): Promise<Signer> {
  const pair = await createKeyPair(false);
  return { ...(await publicKeyRecord({ name, role }, pair.publicKey)), privateKey: pair.privateKey };
}
const server = await signer('Team server', 'log');
const impostor = await signer('Team server', 'log');
const operator = await signer('Ana Flight', 'flight director');

const sha256 = (text: string) => createHash('sha256').update(text).digest('hex');
/** A stored log entry as the server keeps it: its seq, the entry's hash and the appender's signature. */
const stored = async (seq: number, content: string) => {
  const hash = sha256(content);
  return { seq, hash, appendSignature: await sign(operator, entrySigningMessage(hash)) };
};
const logOf = (contents: string[]) => Promise.all(contents.map((content, i) => stored(i + 1, content)));
const contents = Array.from({ length: 12 }, (_, i) => `entry ${i + 1}`);
const original = await logOf(contents);
const originalTree = MerkleTree.of(original.map(logLeafHash));

const issuedUtc = '2026-12-06T15:40:00Z';
const checkpointAt = (tree: MerkleTree, size: number, by = server, log = 'session-1') =>
  signCheckpoint(by, { log, treeSize: size, rootHash: tree.root(size), issuedUtc });

describe('signed checkpoints', () => {
  it('hold under the server key over exactly their fields, and under no other key', async () => {
    const checkpoint = await checkpointAt(originalTree, 7);
    expect(checkpoint).toMatchObject({ log: 'session-1', treeSize: 7, rootHash: originalTree.root(7), issuedUtc });
    expect(await checkpointHolds(checkpoint, server)).toBe(true);
    expect(await checkpointHolds(checkpoint, impostor)).toBe(false);
    // Signed by another key that names itself: well signed, but not by the server.
    expect(await checkpointHolds(await checkpointAt(originalTree, 7, impostor), server)).toBe(false);
    for (const changed of [
      { ...checkpoint, treeSize: 8 },
      { ...checkpoint, rootHash: originalTree.root(8) },
      { ...checkpoint, log: 'session-2' },
      { ...checkpoint, issuedUtc: '2026-12-06T15:40:01Z' },
      { ...checkpoint, note: 'extra' },
    ])
      expect(await checkpointHolds(changed, server)).toBe(false);
    expect(await checkpointHolds('not a checkpoint', server)).toBe(false);
  });

  it('signs a message no entry or seal signature can be mistaken for, and the other way round', async () => {
    const checkpoint = await checkpointAt(originalTree, 3);
    const { signature, ...fields } = checkpoint;
    expect(checkpointSigningMessage(fields)).toBe(
      `crew-return/checkpoint/v1:{"issuedUtc":"${issuedUtc}","log":"session-1","rootHash":"${checkpoint.rootHash}","treeSize":3}`,
    );
    expect(await signatureHolds(signature, entrySigningMessage(checkpoint.rootHash))).toBe(false);
    expect(await signatureHolds(signature, sealSigningMessage(fields))).toBe(false);
    // A seal or entry signature by the same key over the same fields is no checkpoint signature.
    const sealSignature = await sign(server, sealSigningMessage(fields));
    expect(await checkpointHolds({ ...fields, signature: sealSignature }, server)).toBe(false);
  });

  it('refuses to sign, and to read, a checkpoint with a bad field, naming it and what was expected', async () => {
    await expect(signCheckpoint(server, { log: 'session-1', treeSize: 2.5, rootHash: emptyRootHash, issuedUtc })).rejects.toThrow(
      'not a checkpoint to sign: treeSize: a whole number of entries',
    );
    await expect(
      signCheckpoint(server, { log: 'session-1', treeSize: 0, rootHash: originalTree.root(1), issuedUtc }),
    ).rejects.toThrow("rootHash: the empty tree's root");
    const checkpoint = await checkpointAt(originalTree, 4);
    expect(parseCheckpoint({ ...checkpoint, issuedUtc: '6 Dec 2026' })).toEqual({
      ok: false,
      problems: [{ file: 'checkpoint', path: 'issuedUtc', expected: 'an ISO 8601 UTC time such as 2026-12-06T15:40:00Z' }],
    });
    expect(parseCheckpoint({ ...checkpoint, rootHash: 'ABC', extra: 1 })).toEqual({
      ok: false,
      problems: [
        { file: 'checkpoint', path: 'rootHash', expected: 'a Merkle root: 64 lower-case hex digits' },
        {
          file: 'checkpoint',
          path: 'extra',
          expected: 'unknown field; expected one of log, treeSize, rootHash, issuedUtc, signature',
        },
      ],
    });
    expect(parseCheckpoint([checkpoint])).toEqual({
      ok: false,
      problems: [
        {
          file: 'checkpoint',
          path: '',
          expected: 'a checkpoint: an object with log, treeSize, rootHash, issuedUtc and signature',
        },
      ],
    });
    const { log: _, ...withoutLog } = checkpoint;
    expect(parseCheckpoint(withoutLog, 'the server')).toEqual({
      ok: false,
      problems: [{ file: 'the server', path: 'log', expected: 'the id of the session whose log this is' }],
    });
    expect(parseCheckpoint(checkpoint)).toEqual({ ok: true, value: checkpoint });
  });
});

describe('the leaf of a stored log entry', () => {
  it('is the UTF-8 of the canonical JSON of exactly seq, hash and the append signature', async () => {
    const entry = original[2];
    if (!entry) throw new Error('no entry 3');
    const { fingerprint, publicKey, value } = entry.appendSignature;
    const expected = `{"appendSignature":{"fingerprint":"${fingerprint}","publicKey":"${publicKey}","value":"${value}"},"hash":"${entry.hash}","seq":3}`;
    expect(new TextDecoder().decode(logLeaf(entry))).toBe(expected);
    // Fields beside those three change nothing: the leaf is the same for the server and every console.
    const withMore = { ...entry, note: 'x', appendSignature: { ...entry.appendSignature, extra: 'y' } };
    expect(logLeaf(withMore)).toEqual(logLeaf(entry));
    expect(logLeafHash(entry)).toBe(
      createHash('sha256')
        .update(Buffer.concat([Buffer.from([0]), Buffer.from(expected)]))
        .digest('hex'),
    );
  });
});

describe("a console's check that a new checkpoint extends the last one it saw", () => {
  it('takes a checkpoint that extends the last, from the empty log, and the same one again', async () => {
    const seen = await checkpointAt(originalTree, 5);
    const next = await checkpointAt(originalTree, 12);
    expect(await checkExtends(seen, next, originalTree.consistencyProof(5, 12), server)).toEqual({ ok: true, checkpoint: next });
    const empty = await signCheckpoint(server, { log: 'session-1', treeSize: 0, rootHash: emptyRootHash, issuedUtc });
    expect((await checkExtends(empty, next, [], server)).ok).toBe(true);
    expect((await checkExtends(seen, seen, [], server)).ok).toBe(true);
    expect((await checkExtends(seen, await checkpointAt(originalTree, 5), null, server)).ok).toBe(true);
  });

  it('raises "truncated" when entries already seen are gone, naming them', async () => {
    const seen = await checkpointAt(originalTree, 8);
    const result = await checkExtends(seen, await checkpointAt(originalTree, 5), [], server);
    expect(result).toEqual({
      ok: false,
      alarm: {
        kind: 'truncated',
        log: 'session-1',
        seenSize: 8,
        claimedSize: 5,
        words:
          "The server's log of session session-1 now holds 5 entries; this console had seen 8 entries. Entries 6 to 8 are gone: " +
          'entries were removed, or the server was restored from an older backup.',
      },
    });
  });

  it('raises "rewritten" when an entry already seen was changed, and the divergence names it', async () => {
    const rewritten = await logOf(contents.map((c, i) => (i === 2 ? 'entry 3, edited in the database' : c)));
    const rewrittenTree = MerkleTree.of(rewritten.map(logLeafHash));
    const seen = await checkpointAt(originalTree, 6);
    // The server signs its rewritten tree and proves consistency within it: the proof cannot reach the root seen.
    const result = await checkExtends(seen, await checkpointAt(rewrittenTree, 10), rewrittenTree.consistencyProof(6, 10), server);
    expect(result.ok === false && result.alarm.kind).toBe('rewritten');
    expect(result.ok === false && result.alarm.words).toContain('does not begin with the 6 entries this console saw');
    const divergence = firstDivergence(original.slice(0, 6).map(logLeafHash), rewritten.map(logLeafHash));
    expect(divergence).toEqual({
      seq: 3,
      words: "Entry 3 differs from the one this console holds: the server's copy was changed.",
    });
    // At the same size, a different root alone is a rewrite.
    const same = await checkExtends(seen, await checkpointAt(rewrittenTree, 6), [], server);
    expect(same.ok === false && same.alarm).toMatchObject({ kind: 'rewritten', seenSize: 6, claimedSize: 6 });
    expect(same.ok === false && same.alarm.words).toContain('still holds 6 entries, but not the ones this console saw');
  });

  it('catches a server restored from an older backup that took new entries since', async () => {
    const seen = await checkpointAt(originalTree, 8);
    const restored = [...original.slice(0, 5), ...(await logOf(contents.map((c) => `${c} after the restore`))).slice(5, 10)];
    const restoredTree = MerkleTree.of(restored.map(logLeafHash));
    const result = await checkExtends(seen, await checkpointAt(restoredTree, 10), restoredTree.consistencyProof(8, 10), server);
    expect(result.ok === false && result.alarm.kind).toBe('rewritten');
    expect(firstDivergence(original.slice(0, 8).map(logLeafHash), restored.map(logLeafHash))?.seq).toBe(6);
  });

  it('raises "forged" for a checkpoint not signed by the server or not a checkpoint at all, "other-log" for another session', async () => {
    const seen = await checkpointAt(originalTree, 5);
    const proof = originalTree.consistencyProof(5, 9);
    const byImpostor = await checkExtends(seen, await checkpointAt(originalTree, 9, impostor), proof, server);
    expect(byImpostor.ok === false && byImpostor.alarm).toMatchObject({ kind: 'forged', claimedSize: 9 });
    expect(byImpostor.ok === false && byImpostor.alarm.words).toContain(`not signed by the server's key (${server.fingerprint})`);
    const honest = await checkpointAt(originalTree, 9);
    const tampered = await checkExtends(seen, { ...honest, treeSize: 10 }, proof, server);
    expect(tampered.ok === false && tampered.alarm.kind).toBe('forged');
    const garbage = await checkExtends(seen, { treeSize: 'many' }, proof, server);
    expect(garbage.ok === false && garbage.alarm).toMatchObject({ kind: 'forged', claimedSize: null });
    expect(garbage.ok === false && garbage.alarm.words).toContain(
      'that is not one (log: the id of the session whose log this is)',
    );
    const otherLog = await checkExtends(seen, await checkpointAt(originalTree, 9, server, 'session-2'), proof, server);
    expect(otherLog.ok === false && otherLog.alarm.kind).toBe('other-log');
  });

  it('refuses a hostile proof: wrong, short, padded, or not a list', async () => {
    const seen = await checkpointAt(originalTree, 5);
    const next = await checkpointAt(originalTree, 9);
    const proof = originalTree.consistencyProof(5, 9);
    for (const hostile of [originalTree.consistencyProof(4, 9), proof.slice(1), [...proof, proof[0]], 'trust me', [], null]) {
      const result = await checkExtends(seen, next, hostile, server);
      expect(result.ok === false && result.alarm.kind, JSON.stringify(hostile)).toBe('rewritten');
    }
  });
});

describe('the first divergence of two copies of a log', () => {
  const leaves = original.map(logLeafHash);
  it('is none when the other copy begins with all of this one', () => {
    expect(firstDivergence(leaves.slice(0, 4), leaves)).toBeNull();
    expect(firstDivergence(leaves, leaves)).toBeNull();
    expect(firstDivergence([], leaves)).toBeNull();
  });
  it('names the first missing entry of a shorter copy', () => {
    expect(firstDivergence(leaves, leaves.slice(0, 9))).toEqual({
      seq: 10,
      words: "Entry 10 is missing: the server's log ends at 9 entries.",
    });
  });
});
