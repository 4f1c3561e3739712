import { createHash } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { canonicalJson, sameCanonicalJson, sha256Hex } from '../src/session/canonicalJson';

describe('canonical JSON', () => {
  it('sorts keys by UTF-16 code units, drops undefined members, keeps arrays in order', () => {
    expect(canonicalJson({ b: 1, a: [3, { d: null, c: 'x' }], é: true, Z: undefined, '\u{1F600}': 0, '\uFFFF': 1 })).toBe(
      '{"a":[3,{"c":"x","d":null}],"b":1,"é":true,"\u{1F600}":0,"\uFFFF":1}',
    );
  });

  it('writes numbers in ECMAScript shortest form and refuses non-finite ones', () => {
    expect(canonicalJson([1e21, 0.1 + 0.2, -0, 5e-7, 100])).toBe('[1e+21,0.30000000000000004,0,5e-7,100]');
    expect(() => canonicalJson(Number.NaN)).toThrow(TypeError);
  });

  it('property: parses back to the same data, whatever the key order', () => {
    fc.assert(
      fc.property(fc.jsonValue(), (value) => {
        const text = canonicalJson(value);
        expect(JSON.parse(text)).toEqual(JSON.parse(JSON.stringify(value)));
        const reordered = JSON.parse(JSON.stringify(value), (_, v) =>
          v && typeof v === 'object' && !Array.isArray(v) ? Object.fromEntries(Object.entries(v).reverse()) : v,
        );
        expect(canonicalJson(reordered)).toBe(text);
      }),
    );
  });

  it('property: two values are the same canonical JSON exactly when their canonical texts are equal, without writing them', () => {
    // Pairs that often agree: a value, its keys reordered, and small changes of it.
    const reordered = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reordered)
        : value !== null && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reordered(v)]),
            )
          : value;
    const nearly = fc
      .jsonValue()
      .chain((value) =>
        fc.tuple(fc.constant(value), fc.oneof(fc.constant(reordered(value)), fc.jsonValue(), fc.constant({ wrapped: value }))),
      );
    fc.assert(
      fc.property(nearly, ([a, b]) => {
        expect(sameCanonicalJson(a, b)).toBe(canonicalJson(a) === canonicalJson(b));
      }),
      { numRuns: 2000 },
    );
    expect(sameCanonicalJson({ a: 1, b: undefined }, { a: 1 })).toBe(true);
    expect(sameCanonicalJson({ a: 1 }, undefined)).toBe(false);
    expect(sameCanonicalJson([1, 2], { 0: 1, 1: 2 })).toBe(false);
  });

  it('SHA-256 matches the known digest of "abc"', async () => {
    expect(await sha256Hex('abc')).toBe('ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad');
  });

  it('property: SHA-256 of any text, small or large, many in flight at once, is its UTF-8 digest', async () => {
    // Texts share one encoding buffer; the digests must not see each other's bytes.
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.oneof(fc.string({ unit: 'grapheme' }), fc.constant('é'.repeat(400_000))), { maxLength: 6 }),
        async (texts) => {
          const digests = await Promise.all(texts.map(sha256Hex));
          expect(digests).toEqual(texts.map((text) => createHash('sha256').update(text, 'utf8').digest('hex')));
        },
      ),
      { numRuns: 40 },
    );
  });
});
