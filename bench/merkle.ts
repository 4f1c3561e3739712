import { logLeaf } from '../src/record/checkpoint';
import { leafHashOf, MerkleTree } from '../src/record/merkle';
import { verifyConsistency, verifyInclusion } from '../src/record/merkleVerify';
import { createKeyPair, entrySigningMessage, publicKeyRecord, sign } from '../src/record/signing';
import { sha256Hex } from '../src/session/canonicalJson';
import { measure, printTable } from './measure';

/**
 * The Merkle tree of a long session log: building it, its root and proofs, against the floor of hashing
 * every leaf once. Leaves are stored entries as the server keeps them (seq, entry hash, a real Ed25519
 * append signature, one signature reused: its bytes, not its validity, are what is hashed here).
 */
export async function printMerkleTable(leafCount = 100_000): Promise<void> {
  const pair = await createKeyPair(false);
  const key = await publicKeyRecord({ name: 'Bench operator', role: 'flight director' }, pair.publicKey);
  const appendSignature = await sign({ ...key, privateKey: pair.privateKey }, entrySigningMessage(await sha256Hex('bench')));
  const leaves = await Promise.all(
    Array.from({ length: leafCount }, async (_, i) =>
      logLeaf({ seq: i + 1, hash: await sha256Hex(`entry ${i + 1}`), appendSignature }),
    ),
  );
  const count = leafCount.toLocaleString('en-US');
  let leafHashes: string[] = [];
  const floor = measure(
    `leaf hashes of ${count} stored entries (SHA-256 of each leaf once; ${leaves[0]?.length ?? 0} bytes a leaf)`,
    () => {
      leafHashes = leaves.map(leafHashOf);
    },
    1,
    7,
  );
  let tree = new MerkleTree();
  const build = measure(
    `tree of ${count} leaf hashes: append each, then the root`,
    () => {
      tree = MerkleTree.of(leafHashes);
      tree.root();
    },
    1,
    7,
  );
  const fromSize = Math.round(leafCount * 0.6);
  const root = measure(`root at ${count} (tree held)`, () => tree.root());
  const proof = tree.consistencyProof(fromSize, leafCount);
  const claim = { fromSize, toSize: leafCount, fromRoot: tree.root(fromSize), toRoot: tree.root(), proof };
  const consistency = measure(`consistency proof ${fromSize.toLocaleString('en-US')} → ${count} (tree held)`, () =>
    tree.consistencyProof(fromSize, leafCount),
  );
  const consistencyCheck = measure(`verify that proof (${proof.length} hashes), as a console does`, () => {
    if (!verifyConsistency(claim).holds) throw new Error('the bench consistency proof does not hold');
  });
  const leafIndex = Math.round(leafCount * 0.31);
  const inclusion = {
    leafIndex,
    treeSize: leafCount,
    leafHash: tree.leafHashAt(leafIndex),
    proof: tree.inclusionProof(leafIndex),
    rootHash: tree.root(),
  };
  const inclusionProof = measure(
    `inclusion proof of leaf ${leafIndex.toLocaleString('en-US')} at ${count}, then verify it`,
    () => {
      if (!verifyInclusion({ ...inclusion, proof: tree.inclusionProof(leafIndex) }).holds)
        throw new Error('the bench inclusion proof does not hold');
    },
  );
  printTable(`Merkle tree of a ${count}-entry session log (RFC 9162; SHA-256 in JavaScript, @noble/hashes)`, [
    { measurement: floor },
    { measurement: build, baseline: floor, target: 'within 3× of hashing the leaves once' },
    { measurement: root, baseline: floor, target: 'median ≤ 5 ms' },
    { measurement: consistency, baseline: floor, target: 'median ≤ 5 ms' },
    { measurement: consistencyCheck, baseline: floor, target: 'median ≤ 5 ms' },
    { measurement: inclusionProof, baseline: floor, target: 'median ≤ 5 ms' },
  ]);
}
