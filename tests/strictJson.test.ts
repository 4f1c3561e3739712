import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { maxJsonDepth, parseStrictJson } from '../src/session/strictJson';

/** Whether JSON.parse takes the text: the grammar the scan must match exactly. */
function nativeTakes(text: string): boolean {
  try {
    JSON.parse(text);
    return true;
  } catch {
    return false;
  }
}

describe('strict JSON', () => {
  it('property: gives what JSON.parse gives for any JSON text, key order and "__proto__" included', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 6 }), fc.boolean(), (value, pretty) => {
        const text = JSON.stringify(value, null, pretty ? 2 : undefined);
        const parsed = parseStrictJson(text);
        expect(parsed).toEqual({ ok: true, value: JSON.parse(text) });
        if (parsed.ok) expect(JSON.stringify(parsed.value)).toBe(JSON.stringify(JSON.parse(text)));
      }),
      { numRuns: 300 },
    );
  });

  it('property: refuses exactly the texts JSON.parse refuses (where no key repeats)', () => {
    const pieces = fc.constantFrom(
      '{',
      '}',
      '[',
      ']',
      ',',
      ':',
      '"a"',
      '"b\\n"',
      '"\\u00e9"',
      '"\\x"',
      '1',
      '-0.5e3',
      '01',
      'true',
      'nul',
      ' ',
      '\n',
      '"',
      '\\',
    );
    fc.assert(
      fc.property(fc.array(pieces, { maxLength: 12 }), (parts) => {
        const text = parts.join('');
        const parsed = parseStrictJson(text);
        if (!parsed.ok && parsed.expected.startsWith('a key used once')) return;
        expect(parsed.ok).toBe(nativeTakes(text));
      }),
      { numRuns: 2000 },
    );
  });

  it('places a syntax error by line, column and JSON path', () => {
    expect(parseStrictJson('{\n  "events": [\n    {"type": "x",}\n  ]\n}')).toEqual({
      ok: false,
      path: 'events[0]',
      line: 3,
      column: 18,
      expected: 'well-formed JSON: a key in double quotes, got "}"',
    });
    expect(parseStrictJson('')).toMatchObject({
      line: 1,
      column: 1,
      expected: expect.stringContaining('got the end of the text'),
    });
  });

  it('refuses a repeated key, however it is spelled, naming it and its path', () => {
    expect(parseStrictJson('{"setup": {"crew": [{"name": "A", "n\\u0061me": "B"}]}}')).toMatchObject({
      ok: false,
      path: 'setup.crew[0].name',
      expected: 'a key used once in its object ("name" is repeated)',
    });
    expect(parseStrictJson('{"a": {"x": 1}, "b": {"x": 2}}').ok).toBe(true);
  });

  it(`refuses nesting deeper than ${maxJsonDepth} levels, without a stack overflow`, () => {
    expect(parseStrictJson(`${'['.repeat(maxJsonDepth)}${']'.repeat(maxJsonDepth)}`).ok).toBe(true);
    expect(parseStrictJson(`${'['.repeat(100_000)}${']'.repeat(100_000)}`)).toMatchObject({
      ok: false,
      column: maxJsonDepth + 1,
      expected: `nesting at most ${maxJsonDepth} levels deep`,
    });
  });

  it('reads a leading byte-order mark as nothing', () => {
    expect(parseStrictJson('\uFEFF{"a": 1}')).toEqual({ ok: true, value: { a: 1 } });
  });
});
