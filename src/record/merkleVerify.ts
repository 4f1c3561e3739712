/**
 * Checking a log's Merkle proofs as a console does, on what a possibly hostile server sent: the
 * algorithms of RFC 9162 sections 2.1.3.2 and 2.1.4.2 step by step, after checking that every size is
 * an integer in range and every hash is a SHA-256 hash. Nothing here trusts the input's types.
 */
import { hexToBytes } from '@noble/hashes/utils.js';
import { hashChildren, isHashHex } from './merkle';

/** Whether a proof holds, and if not, why, in words. */
export type ProofCheck = { holds: true } | { holds: false; why: string };

export interface InclusionClaim {
  leafIndex: number;
  treeSize: number;
  /** The leaf's hash (`leafHashOf` of its bytes). */
  leafHash: string;
  proof: readonly string[];
  rootHash: string;
}

export interface ConsistencyClaim {
  fromSize: number;
  toSize: number;
  fromRoot: string;
  toRoot: string;
  proof: readonly string[];
}

const holds: ProofCheck = { holds: true };
const fails = (why: string): ProofCheck => ({ holds: false, why });

const isSize = (value: unknown): value is number => Number.isSafeInteger(value) && (value as number) >= 0;
const lsb = (n: number) => n % 2 === 1;
const half = (n: number) => Math.floor(n / 2);

/** The proof's hashes as bytes, or why they are not a proof. */
function proofHashes(proof: unknown): Uint8Array[] | string {
  if (!Array.isArray(proof)) return 'the proof is not a list of hashes';
  const bad = proof.findIndex((hash) => !isHashHex(hash));
  if (bad >= 0) return `proof element ${bad} is not a SHA-256 hash (64 lower-case hex digits)`;
  return proof.map((hash: string) => hexToBytes(hash));
}

const sameBytes = (a: Uint8Array, b: Uint8Array) => a.length === b.length && a.every((byte, i) => byte === b[i]);

/** RFC 9162 2.1.3.2: that the leaf with `leafHash` stands at `leafIndex` in the tree of `treeSize` with `rootHash`. */
export function verifyInclusion({ leafIndex, treeSize, leafHash, proof, rootHash }: InclusionClaim): ProofCheck {
  if (!isSize(treeSize)) return fails(`the tree size ${String(treeSize)} is not a whole number of leaves`);
  if (!isSize(leafIndex)) return fails(`the leaf index ${String(leafIndex)} is not a whole number`);
  if (!isHashHex(leafHash)) return fails('the leaf hash is not a SHA-256 hash (64 lower-case hex digits)');
  if (!isHashHex(rootHash)) return fails('the root hash is not a SHA-256 hash (64 lower-case hex digits)');
  const path = proofHashes(proof);
  if (typeof path === 'string') return fails(path);
  // 1.
  if (leafIndex >= treeSize) return fails(`leaf ${leafIndex} is beyond a tree of ${treeSize} leaves`);
  // 2., 3.
  let fn = leafIndex;
  let sn = treeSize - 1;
  let r: Uint8Array = hexToBytes(leafHash);
  // 4.
  for (const p of path) {
    if (sn === 0) return fails(`the proof has more hashes than a tree of ${treeSize} leaves needs for leaf ${leafIndex}`);
    if (lsb(fn) || fn === sn) {
      r = hashChildren(p, r);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      r = hashChildren(r, p);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  if (sn !== 0) return fails(`the proof has fewer hashes than a tree of ${treeSize} leaves needs for leaf ${leafIndex}`);
  if (!sameBytes(r, hexToBytes(rootHash))) return fails(`the proof does not lead to the root of the tree of ${treeSize} leaves`);
  return holds;
}

/**
 * RFC 9162 2.1.4.2: that the tree of `toSize` leaves with `toRoot` begins with the tree of `fromSize`
 * with `fromRoot`. The RFC's algorithm is for 0 < fromSize < toSize; equal sizes hold with an empty
 * proof and equal roots, and a proof from the empty tree is refused (any tree extends it, no proof needed).
 */
export function verifyConsistency({ fromSize, toSize, fromRoot, toRoot, proof }: ConsistencyClaim): ProofCheck {
  if (!isSize(fromSize) || !isSize(toSize)) return fails('a tree size is not a whole number of leaves');
  if (!isHashHex(fromRoot) || !isHashHex(toRoot)) return fails('a root hash is not a SHA-256 hash (64 lower-case hex digits)');
  const path = proofHashes(proof);
  if (typeof path === 'string') return fails(path);
  if (fromSize === 0) return fails('a consistency proof from the empty tree proves nothing');
  if (fromSize > toSize) return fails(`a tree of ${toSize} leaves cannot extend one of ${fromSize}`);
  if (fromSize === toSize) {
    if (path.length > 0) return fails(`a tree of ${toSize} leaves needs no proof to match itself, and this one has hashes`);
    return fromRoot === toRoot ? holds : fails(`two different roots for the same ${toSize} leaves`);
  }
  // 1.
  if (path.length === 0) return fails('the proof is empty');
  // 2.
  const first = hexToBytes(fromRoot);
  if (isPowerOfTwo(fromSize)) path.unshift(first);
  // 3.
  let fn = fromSize - 1;
  let sn = toSize - 1;
  // 4.
  while (lsb(fn)) {
    fn = half(fn);
    sn = half(sn);
  }
  // 5.
  const [seed, ...rest] = path as [Uint8Array, ...Uint8Array[]];
  let fr = seed;
  let sr = seed;
  // 6.
  for (const c of rest) {
    if (sn === 0) return fails(`the proof has more hashes than a proof from ${fromSize} to ${toSize} leaves`);
    if (lsb(fn) || fn === sn) {
      fr = hashChildren(c, fr);
      sr = hashChildren(c, sr);
      while (!lsb(fn) && fn !== 0) {
        fn = half(fn);
        sn = half(sn);
      }
    } else {
      sr = hashChildren(sr, c);
    }
    fn = half(fn);
    sn = half(sn);
  }
  // 7.
  if (sn !== 0) return fails(`the proof has fewer hashes than a proof from ${fromSize} to ${toSize} leaves`);
  if (!sameBytes(fr, first)) return fails(`the proof does not lead to the root of ${fromSize} leaves seen before`);
  if (!sameBytes(sr, hexToBytes(toRoot))) return fails(`the proof does not lead to the root of ${toSize} leaves`);
  return holds;
}

function isPowerOfTwo(n: number): boolean {
  let k = 1;
  while (k < n) k *= 2;
  return k === n;
}
