import { createHash } from 'node:crypto';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { emptyRootHash as writtenEmptyRoot } from '../src/record/checkpointSchema';
import { emptyRootHash, leafHashOf, MerkleTree } from '../src/record/merkle';
import { verifyConsistency, verifyInclusion } from '../src/record/merkleVerify';

const fixtures = 'tests/fixtures/merkle';
const hex = (base64: string) => Buffer.from(base64, 'base64').toString('hex');
const bytesOfHex = (text: string) => Uint8Array.from(Buffer.from(text, 'hex'));

const reference = JSON.parse(readFileSync(join(fixtures, 'rfc6962-roots.json'), 'utf8')) as {
  leavesHex: string[];
  rootBySize: string[];
};
const classicLeafHashes = reference.leavesHex.map((leaf) => leafHashOf(bytesOfHex(leaf)));
const classicTree = MerkleTree.of(classicLeafHashes);

/** Every case file under `folder`, with its path for the failure message. */
function cases<T>(folder: string): { file: string; value: T }[] {
  const dir = join(fixtures, folder);
  return readdirSync(dir, { recursive: true, encoding: 'utf8' })
    .filter((file) => file.endsWith('.json'))
    .sort()
    .map((file) => ({
      file: relative(fixtures, join(dir, file)),
      value: JSON.parse(readFileSync(join(dir, file), 'utf8')) as T,
    }));
}
interface InclusionCase {
  leafIdx: number;
  treeSize: number;
  root: string;
  leafHash: string;
  proof: string[] | null;
  wantErr: boolean;
}
interface ConsistencyCase {
  size1: number;
  size2: number;
  root1: string;
  root2: string;
  proof: string[] | null;
  wantErr: boolean;
}

/**
 * The one published case this verifier answers differently: equal sizes, equal roots, no proof, but
 * the "roots" are 12 bytes. The Go verifier compares them as given; this one refuses any hash that
 * is not 32 bytes before comparing anything, as a console should with a server's words.
 */
const notSha256Hashes = ['consistency/additional/sizes-are-equal-one-and-proof-is-empty.json'];

/** One element of a proof changed by a digit, removed or doubled, and the elements rotated: each must fail. */
function alteredProofs(proof: string[], pick: number, digit: number): [string[], string][] {
  if (proof.length === 0) return [];
  const at = pick % proof.length;
  const changed = [...proof];
  changed[at] = flipDigit(proof[at] ?? '', digit % 64);
  return [
    [changed, `digit ${digit % 64} of element ${at}`],
    [proof.toSpliced(at, 1), `element ${at} removed`],
    [proof.toSpliced(at, 0, proof[at] ?? ''), `element ${at} doubled`],
    ...(proof.length > 1 ? [[[...proof.slice(1), proof[0] ?? ''], 'elements rotated'] as [string[], string]] : []),
  ];
}

describe('RFC 9162 Merkle tree hashing', () => {
  it('gives the RFC 6962 reference roots of the eight classic leaves at every size from 0 to 8', () => {
    expect(reference.rootBySize).toHaveLength(9);
    expect(emptyRootHash).toBe(reference.rootBySize[0]);
    // The checkpoint schema writes it out, to read checkpoints without the hash code: the two are one value.
    expect(writtenEmptyRoot).toBe(emptyRootHash);
    // The leaf hash of the empty leaf is SHA-256(0x00), the root of the one-leaf tree.
    expect(classicLeafHashes[0]).toBe(
      createHash('sha256')
        .update(Buffer.from([0]))
        .digest('hex'),
    );
    for (let size = 0; size <= 8; size++) {
      expect(classicTree.root(size), `root at size ${size}`).toBe(reference.rootBySize[size]);
      expect(MerkleTree.of(classicLeafHashes.slice(0, size)).root(), `tree grown to ${size}`).toBe(reference.rootBySize[size]);
    }
  });

  it('passes every published inclusion case: happy paths hold, tampered and ill-formed ones fail', () => {
    const all = cases<InclusionCase>('inclusion');
    expect(all.length).toBeGreaterThan(90);
    expect(all.filter((c) => !c.value.wantErr).length).toBeGreaterThanOrEqual(6);
    for (const { file, value: c } of all) {
      const check = verifyInclusion({
        leafIndex: c.leafIdx,
        treeSize: c.treeSize,
        leafHash: hex(c.leafHash),
        proof: (c.proof ?? []).map(hex),
        rootHash: hex(c.root),
      });
      expect(check.holds, `${file}: ${check.holds ? 'holds' : check.why}`).toBe(!c.wantErr);
    }
  });

  it('passes every published consistency case: happy paths hold, tampered and ill-formed ones fail', () => {
    const all = cases<ConsistencyCase>('consistency');
    expect(all.length).toBeGreaterThan(90);
    expect(all.filter((c) => !c.value.wantErr).length).toBeGreaterThanOrEqual(6);
    const answeredOtherwise: string[] = [];
    for (const { file, value: c } of all) {
      const check = verifyConsistency({
        fromSize: c.size1,
        toSize: c.size2,
        fromRoot: hex(c.root1),
        toRoot: hex(c.root2),
        proof: (c.proof ?? []).map(hex),
      });
      if (check.holds === c.wantErr) answeredOtherwise.push(file);
      else expect(check.holds, `${file}: ${check.holds ? 'holds' : check.why}`).toBe(!c.wantErr);
    }
    expect(answeredOtherwise).toEqual(notSha256Hashes);
  });

  it('generates the published happy-path proofs for the classic tree, hash for hash', () => {
    const inclusions = cases<InclusionCase>('inclusion').filter((c) => c.file.endsWith('happy-path.json'));
    for (const { file, value: c } of inclusions) {
      expect(classicTree.root(c.treeSize), file).toBe(hex(c.root));
      expect(classicTree.leafHashAt(c.leafIdx), file).toBe(hex(c.leafHash));
      expect(classicTree.inclusionProof(c.leafIdx, c.treeSize), file).toEqual((c.proof ?? []).map(hex));
    }
    const consistencies = cases<ConsistencyCase>('consistency').filter((c) => c.file.endsWith('happy-path.json'));
    for (const { file, value: c } of consistencies) {
      expect(classicTree.root(c.size1), file).toBe(hex(c.root1));
      expect(classicTree.consistencyProof(c.size1, c.size2), file).toEqual((c.proof ?? []).map(hex));
    }
    expect(inclusions.length + consistencies.length).toBe(10);
  });

  it('refuses leaves that are not hashes and sizes or indices the tree has not held, saying what was expected', () => {
    const tree = MerkleTree.of(classicLeafHashes.slice(0, 5));
    expect(() => tree.append('ABC')).toThrow('a leaf hash is 64 lower-case hex digits');
    expect(() => tree.append(classicLeafHashes[0]?.toUpperCase() ?? '')).toThrow(TypeError);
    expect(() => tree.root(6)).toThrow('a tree size from 0 to 5 (the leaves held); 6 is outside');
    expect(() => tree.inclusionProof(5)).toThrow('a leaf index from 0 to 4; 5 is outside');
    expect(() => tree.inclusionProof(0, 0)).toThrow(RangeError);
    expect(() => tree.consistencyProof(0, 5)).toThrow('a consistency proof runs from a size of 1 to 5; 0 is outside');
    expect(() => tree.consistencyProof(3, 9)).toThrow(RangeError);
    expect(tree.consistencyProof(5, 5)).toEqual([]);
  });
});

// A tree of distinct leaves large enough for many shapes, built once; proofs only read it.
const heldLeaves = 1100;
const leaves = Array.from({ length: heldLeaves }, (_, i) => new TextEncoder().encode(`entry ${i}`));
const bigTree = MerkleTree.of(leaves.map(leafHashOf));

/** MTH straight from RFC 9162's definition, over the leaves themselves. */
function definitionRoot(from: readonly Uint8Array[]): string {
  const sha = (...parts: Uint8Array[]) => createHash('sha256').update(Buffer.concat(parts)).digest();
  const mth = (d: readonly Uint8Array[]): Buffer => {
    if (d.length === 0) return sha();
    if (d.length === 1) return sha(Uint8Array.of(0), d[0] as Uint8Array);
    let k = 1;
    while (k * 2 < d.length) k *= 2;
    return sha(Uint8Array.of(1), mth(d.slice(0, k)), mth(d.slice(k)));
  };
  return mth(from).toString('hex');
}

/** `hash` with one hex digit changed at `at`. */
const flipDigit = (hash: string, at: number) =>
  hash.slice(0, at) + ((Number.parseInt(hash[at] ?? '0', 16) + 1) % 16).toString(16) + hash.slice(at + 1);

/** A size of the tree and a leaf index below it. */
const sizeAndIndex = fc
  .integer({ min: 1, max: heldLeaves - 8 })
  .chain((size) => fc.record({ size: fc.constant(size), index: fc.nat({ max: size - 1 }) }));
/** Two sizes, the first at most the second. */
const twoSizes = fc
  .integer({ min: 1, max: heldLeaves - 8 })
  .chain((toSize) => fc.record({ toSize: fc.constant(toSize), fromSize: fc.integer({ min: 1, max: toSize }) }));

describe('Merkle proofs, properties over a tree of 1,100 distinct leaves', () => {
  it('property: the root at any size is the RFC definition over that many leaves', () => {
    fc.assert(
      fc.property(fc.nat({ max: heldLeaves }), (size) => {
        expect(bigTree.root(size)).toBe(definitionRoot(leaves.slice(0, size)));
      }),
      { numRuns: 25 },
    );
  });

  it('property: an inclusion proof holds, and fails with any digit, element, index or size changed', () => {
    fc.assert(
      fc.property(sizeAndIndex, fc.nat(), fc.nat(), ({ size, index }, pick, digit) => {
        const claim = {
          leafIndex: index,
          treeSize: size,
          leafHash: bigTree.leafHashAt(index),
          proof: bigTree.inclusionProof(index, size),
          rootHash: bigTree.root(size),
        };
        expect(verifyInclusion(claim)).toEqual({ holds: true });
        const fails = (changed: typeof claim, what: string) => expect(verifyInclusion(changed).holds, what).toBe(false);
        const { proof } = claim;
        for (const [changed, what] of alteredProofs(proof, pick, digit)) fails({ ...claim, proof: changed }, what);
        fails({ ...claim, proof: [...proof, claim.rootHash] }, 'an element appended');
        fails({ ...claim, leafHash: flipDigit(claim.leafHash, digit % 64) }, 'the leaf hash');
        fails({ ...claim, rootHash: flipDigit(claim.rootHash, digit % 64) }, 'the root hash');
        const otherIndex = (index + 1 + (pick % size)) % size;
        if (otherIndex !== index) fails({ ...claim, leafIndex: otherIndex }, `index ${otherIndex}`);
        fails({ ...claim, leafIndex: size }, 'index at the size');
        // Inclusion binds a size through the root: the claim about another size names that tree's root.
        const otherSize = size + 1 + (pick % 7);
        fails({ ...claim, treeSize: otherSize, rootHash: bigTree.root(otherSize) }, `size ${otherSize}`);
        if (size > 1 && index < size - 1) fails({ ...claim, treeSize: size - 1, rootHash: bigTree.root(size - 1) }, 'size − 1');
      }),
      { numRuns: 300 },
    );
  });

  it('property: a consistency proof holds, and fails with any digit, element or size changed', () => {
    fc.assert(
      fc.property(twoSizes, fc.nat(), fc.nat(), ({ fromSize, toSize }, pick, digit) => {
        const claim = {
          fromSize,
          toSize,
          fromRoot: bigTree.root(fromSize),
          toRoot: bigTree.root(toSize),
          proof: bigTree.consistencyProof(fromSize, toSize),
        };
        expect(verifyConsistency(claim)).toEqual({ holds: true });
        const fails = (changed: typeof claim, what: string) => expect(verifyConsistency(changed).holds, what).toBe(false);
        const { proof } = claim;
        for (const [changed, what] of alteredProofs(proof, pick, digit)) fails({ ...claim, proof: changed }, what);
        fails({ ...claim, proof: [...proof, claim.toRoot] }, 'an element appended');
        fails({ ...claim, proof: [claim.fromRoot, ...proof] }, 'the old root prepended');
        fails({ ...claim, fromRoot: flipDigit(claim.fromRoot, digit % 64) }, 'the old root');
        fails({ ...claim, toRoot: flipDigit(claim.toRoot, digit % 64) }, 'the new root');
        const laterTo = toSize + 1 + (pick % 7);
        fails({ ...claim, toSize: laterTo, toRoot: bigTree.root(laterTo) }, `new size ${laterTo}`);
        if (fromSize < toSize) fails({ ...claim, fromSize: fromSize + 1, fromRoot: bigTree.root(fromSize + 1) }, 'old size + 1');
        if (fromSize > 1) fails({ ...claim, fromSize: fromSize - 1, fromRoot: bigTree.root(fromSize - 1) }, 'old size − 1');
        fails({ ...claim, fromSize: toSize + 1, fromRoot: bigTree.root(toSize + 1) }, 'old size past the new');
      }),
      { numRuns: 300 },
    );
  });

  it('refuses what no proof can be: non-integer or negative sizes, non-hash elements, a proof that is not a list', () => {
    const claim = {
      leafIndex: 2,
      treeSize: 5,
      leafHash: bigTree.leafHashAt(2),
      proof: bigTree.inclusionProof(2, 5),
      rootHash: bigTree.root(5),
    };
    expect(verifyInclusion(claim).holds).toBe(true);
    expect(verifyInclusion({ ...claim, treeSize: 5.5 })).toEqual({
      holds: false,
      why: 'the tree size 5.5 is not a whole number of leaves',
    });
    expect(verifyInclusion({ ...claim, leafIndex: -1 }).holds).toBe(false);
    expect(verifyInclusion({ ...claim, treeSize: Number.MAX_SAFE_INTEGER + 1 }).holds).toBe(false);
    expect(verifyInclusion({ ...claim, proof: [...claim.proof.slice(0, -1), 'zz'] })).toEqual({
      holds: false,
      why: `proof element ${claim.proof.length - 1} is not a SHA-256 hash (64 lower-case hex digits)`,
    });
    expect(verifyInclusion({ ...claim, proof: claim.proof.map((h) => h.toUpperCase()) }).holds).toBe(false);
    expect(verifyInclusion({ ...claim, proof: 'nope' as unknown as string[] })).toEqual({
      holds: false,
      why: 'the proof is not a list of hashes',
    });
    const consistency = {
      fromSize: 3,
      toSize: 5,
      fromRoot: bigTree.root(3),
      toRoot: bigTree.root(5),
      proof: bigTree.consistencyProof(3, 5),
    };
    expect(verifyConsistency(consistency).holds).toBe(true);
    expect(verifyConsistency({ ...consistency, toSize: '5' as unknown as number }).holds).toBe(false);
    expect(verifyConsistency({ ...consistency, fromSize: 0, fromRoot: emptyRootHash })).toEqual({
      holds: false,
      why: 'a consistency proof from the empty tree proves nothing',
    });
    expect(verifyConsistency({ ...consistency, fromSize: 5, fromRoot: bigTree.root(5), proof: [] })).toEqual({ holds: true });
  });
});
