import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { fromBase64Url, toBase64Url } from '../src/record/base64Url';

describe('base64url', () => {
  it('round-trips any bytes and agrees with Node’s encoder', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 80 }), (bytes) => {
        const text = toBase64Url(bytes);
        expect(text).toBe(Buffer.from(bytes).toString('base64url'));
        expect([...fromBase64Url(text)]).toEqual([...bytes]);
      }),
    );
  });

  it('refuses what is not base64url', () => {
    expect(() => fromBase64Url('ab+c')).toThrow(/not base64url: "\+" at 2/);
    expect(() => fromBase64Url('abc=')).toThrow(/not base64url/);
    expect(() => fromBase64Url('abcde')).toThrow(/one character too many/);
    expect(() => fromBase64Url('ab\u00e9c')).toThrow(/not base64url/);
  });
});
