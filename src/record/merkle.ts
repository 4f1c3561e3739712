/**
 * A Merkle tree over a log's leaves, hashed as RFC 9162 section 2.1 says (RFC 6962's hashing): the
 * server appends each entry's leaf hash and answers for any size it has held, roots and proofs alike.
 * Hashes cross this module's edge as 64 lower-case hex digits, as the ledger writes them.
 */
import { sha256 } from '@noble/hashes/sha2.js';
import { bytesToHex, hexToBytes } from '@noble/hashes/utils.js';

const hashBytes = 32;
const hashHex = /^[0-9a-f]{64}$/;

/** True when `value` is a SHA-256 hash written as this project writes them. */
export const isHashHex = (value: unknown): value is string => typeof value === 'string' && hashHex.test(value);

/** The root of the tree of no leaves: SHA-256 of nothing (written out in checkpointSchema.ts; held equal here). */
export const emptyRootHash = bytesToHex(sha256(new Uint8Array(0)));

/** A leaf's hash: SHA-256(0x00 || leaf), so no leaf can pass for an inner node. */
export function leafHashOf(leaf: Uint8Array): string {
  return bytesToHex(sha256.create().update(leafPrefix).update(leaf).digest());
}
const leafPrefix = new Uint8Array([0x00]);

// One buffer for every node hash: SHA-256 runs synchronously, so it is free again once the call returns.
const nodeInput = new Uint8Array(1 + 2 * hashBytes);
nodeInput[0] = 0x01;

/** An inner node's hash: SHA-256(0x01 || left || right). */
export function hashChildren(left: Uint8Array, right: Uint8Array): Uint8Array {
  nodeInput.set(left, 1);
  nodeInput.set(right, 1 + hashBytes);
  return sha256(nodeInput);
}

/** The largest power of two smaller than `n` (n ≥ 2): where RFC 9162 splits a tree of n leaves. */
function splitPoint(n: number): number {
  let k = 1;
  while (k * 2 < n) k *= 2;
  return k;
}

/** h for a width of 2^h leaves. */
function heightOf(width: number): number {
  let height = 0;
  for (let w = width; w > 1; w /= 2) height++;
  return height;
}

/** The hashes of one level of perfect subtrees, packed in one growing buffer. */
class HashLevel {
  private bytes = new Uint8Array(64 * hashBytes);
  count = 0;

  push(hash: Uint8Array): void {
    if ((this.count + 1) * hashBytes > this.bytes.length) {
      const grown = new Uint8Array(this.bytes.length * 2);
      grown.set(this.bytes);
      this.bytes = grown;
    }
    this.bytes.set(hash, this.count * hashBytes);
    this.count++;
  }

  at(index: number): Uint8Array {
    return this.bytes.subarray(index * hashBytes, (index + 1) * hashBytes);
  }
}

/**
 * An append-only Merkle tree. It keeps the hash of every perfect subtree (level h holds the roots of
 * the aligned runs of 2^h leaves), so an append costs O(log n) hashes at worst (one on average) and a
 * root or proof for any size up to the current one costs O(log² n) hashes, without rehashing leaves.
 */
export class MerkleTree {
  private readonly levels: HashLevel[] = [new HashLevel()];

  /** The tree of `leafHashes` (hex), in order. */
  static of(leafHashes: Iterable<string>): MerkleTree {
    const tree = new MerkleTree();
    for (const hash of leafHashes) tree.append(hash);
    return tree;
  }

  get size(): number {
    return this.levels[0]?.count ?? 0;
  }

  /** Adds the next leaf by its leaf hash (`leafHashOf` of its bytes); returns the new size. */
  append(leafHash: string): number {
    if (!isHashHex(leafHash)) throw new TypeError('a leaf hash is 64 lower-case hex digits (SHA-256)');
    let hash: Uint8Array = hexToBytes(leafHash);
    for (let height = 0; ; height++) {
      const level = this.levelAt(height);
      level.push(hash);
      // An odd count leaves the newest subtree of this height without its right sibling yet.
      if (level.count % 2 === 1) break;
      hash = hashChildren(level.at(level.count - 2), level.at(level.count - 1));
    }
    return this.size;
  }

  leafHashAt(index: number): string {
    this.checkIndex(index, this.size);
    return bytesToHex(this.subtree(index, index + 1));
  }

  /** The root hash of the tree's first `size` leaves (RFC 9162 2.1.1, MTH). */
  root(size = this.size): string {
    this.checkSize(size, 0);
    return size === 0 ? emptyRootHash : bytesToHex(this.subtree(0, size));
  }

  /** The audit path of leaf `index` in the tree of the first `size` leaves (RFC 9162 2.1.3.1, PATH). */
  inclusionProof(index: number, size = this.size): string[] {
    this.checkSize(size, 1);
    this.checkIndex(index, size);
    const path: Uint8Array[] = [];
    this.path(index, 0, size, path);
    return path.map(bytesToHex);
  }

  /** The proof that the tree of `fromSize` leaves is a prefix of the tree of `toSize` (RFC 9162 2.1.4.1, PROOF). */
  consistencyProof(fromSize: number, toSize = this.size): string[] {
    this.checkSize(toSize, 1);
    if (!Number.isSafeInteger(fromSize) || fromSize < 1 || fromSize > toSize)
      throw new RangeError(`a consistency proof runs from a size of 1 to ${toSize}; ${fromSize} is outside`);
    const proof: Uint8Array[] = [];
    this.subproof(fromSize, 0, toSize, true, proof);
    return proof.map(bytesToHex);
  }

  private levelAt(height: number): HashLevel {
    let level = this.levels[height];
    if (!level) {
      level = new HashLevel();
      this.levels[height] = level;
    }
    return level;
  }

  /** MTH of leaves [start, end): a perfect aligned run is read from its level, any other is split. */
  private subtree(start: number, end: number): Uint8Array {
    const width = end - start;
    const k = width === 1 ? 1 : splitPoint(width);
    if (k === width || k * 2 === width) {
      const level = this.levels[heightOf(width)];
      if (level && start % width === 0 && start / width < level.count) return level.at(start / width);
      if (width === 1) throw new RangeError(`leaf ${start} is not in the tree`);
    }
    return hashChildren(this.subtree(start, start + k), this.subtree(start + k, end));
  }

  // PATH(m, D[start:end]), appended to `out` from the leaf's sibling upwards.
  private path(index: number, start: number, end: number, out: Uint8Array[]): void {
    if (end - start === 1) return;
    const k = splitPoint(end - start);
    if (index < start + k) {
      this.path(index, start, start + k, out);
      out.push(this.subtree(start + k, end));
    } else {
      this.path(index, start + k, end, out);
      out.push(this.subtree(start, start + k));
    }
  }

  // SUBPROOF(m, D[start:end], b), with m counted from the tree's first leaf.
  private subproof(m: number, start: number, end: number, complete: boolean, out: Uint8Array[]): void {
    if (m === end) {
      if (!complete) out.push(this.subtree(start, end));
      return;
    }
    const k = splitPoint(end - start);
    if (m <= start + k) {
      this.subproof(m, start, start + k, complete, out);
      out.push(this.subtree(start + k, end));
    } else {
      this.subproof(m, start + k, end, false, out);
      out.push(this.subtree(start, start + k));
    }
  }

  private checkSize(size: number, least: number): void {
    if (!Number.isSafeInteger(size) || size < least || size > this.size)
      throw new RangeError(`a tree size from ${least} to ${this.size} (the leaves held); ${size} is outside`);
  }

  private checkIndex(index: number, size: number): void {
    if (!Number.isSafeInteger(index) || index < 0 || index >= size)
      throw new RangeError(`a leaf index from 0 to ${size - 1}; ${index} is outside`);
  }
}
