/**
 * Philox4x32-10 (Salmon et al., "Parallel random numbers: as easy as 1, 2, 3", SC'11; Random123):
 * a counter-based generator. Each number is a pure function of (key, counter), with no state carried
 * from one draw to the next, so sample i gets the same numbers whichever worker draws it, in whatever
 * chunk, in Node or in a browser. Only 32-bit integer operations are used: identical in every engine.
 */

const multiplier0 = 0xd2511f53;
const multiplier1 = 0xcd9e8d57;
const weyl0 = 0x9e3779b9;
const weyl1 = 0xbb67ae85;

/** The high 32 bits of the 64-bit product of two unsigned 32-bit integers (halves, so no double loses a bit). */
function mulHigh(a: number, b: number): number {
  const aHigh = a >>> 16;
  const aLow = a & 0xffff;
  const bHigh = b >>> 16;
  const bLow = b & 0xffff;
  const lowLow = aLow * bLow;
  const highLow = aHigh * bLow;
  const lowHigh = aLow * bHigh;
  const carry = ((lowLow >>> 16) + (highLow & 0xffff) + (lowHigh & 0xffff)) >>> 16;
  return (aHigh * bHigh + (highLow >>> 16) + (lowHigh >>> 16) + carry) >>> 0;
}

export type Words4 = [number, number, number, number];

/** One Philox4x32-10 block: four 32-bit words of output for a four-word counter and a two-word key. */
export function philox4x32(counter: Readonly<Words4>, key: readonly [number, number]): Words4 {
  let [c0, c1, c2, c3] = counter;
  let [k0, k1] = key;
  for (let round = 0; round < 10; round++) {
    if (round > 0) {
      k0 = (k0 + weyl0) >>> 0;
      k1 = (k1 + weyl1) >>> 0;
    }
    const high0 = mulHigh(multiplier0, c0);
    const low0 = Math.imul(multiplier0, c0) >>> 0;
    const high1 = mulHigh(multiplier1, c2);
    const low1 = Math.imul(multiplier1, c2) >>> 0;
    c0 = (high1 ^ c1 ^ k0) >>> 0;
    c1 = low1;
    c2 = (high0 ^ c3 ^ k1) >>> 0;
    c3 = low0;
  }
  return [c0, c1, c2, c3];
}

const twoTo26 = 67_108_864;
const twoTo53 = 9_007_199_254_740_992;

/**
 * A uniform number in [0, 1) with 53 random bits, for one (seed, sample, stream): the stream names
 * what is drawn (an uncertain input), so adding, removing or narrowing one input leaves the others' numbers as they were.
 */
export function uniformAt(seed: number, sampleIndex: number, stream: StreamId): number {
  const [a, b] = philox4x32([sampleIndex >>> 0, stream[0], stream[1], 0], [seed >>> 0, 0]);
  return ((a >>> 5) * twoTo26 + (b >>> 6)) / twoTo53;
}

/** Two independent 32-bit hashes of a name (FNV-1a with two offsets): a stream of its own for each input key. */
export type StreamId = readonly [number, number];

export function streamOf(name: string): StreamId {
  let first = 0x811c9dc5;
  let second = 0x01000193;
  for (let i = 0; i < name.length; i++) {
    const code = name.charCodeAt(i);
    first = Math.imul(first ^ code, 0x01000193) >>> 0;
    second = Math.imul(second ^ code, 0x811c9dc5 | 1) >>> 0;
  }
  return [first, second];
}
