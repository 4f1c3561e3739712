// Over 300 lines: one generator per input file kind (scenario, profile, packet, key), each beside the property it feeds.
import { readFileSync } from 'node:fs';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decide } from '../src/cli/decide';
import { maxLineLength, maxProblemLines } from '../src/cli/problemLines';
import { report } from '../src/cli/report';
import { maxJsonDepth } from '../src/session/strictJson';
import { internalFailure, rawControl, runInProcess, scratchFolder } from './cliHarness';

/**
 * Malformed scenario, threshold and packet files, in process (a child process per file would take
 * minutes): each is refused with exit 2 and one short line per problem naming the file, never a stack
 * trace, an internal failure or a raw control character. Mutations that always break the file are
 * checked to be refused; those that may leave it valid (a changed leaf, a removed key) only to be
 * answered soundly.
 */

type Json = null | boolean | number | string | Json[] | { [key: string]: Json };
const { dir, file } = scratchFolder('fuzz-');
const ms22 = 'scenarios/soyuz-ms-22.json';

const hostileText = fc.oneof(
  fc.constantFrom(
    '\u001b[2J\u001b[HALL CLEAR',
    'a\nerror: forged line',
    '\u202eevil\u2066',
    '\u0000\u0007\u007f\u009b',
    '=cmd|x',
  ),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.nat({ max: 20_000 }).map((n) => 'x'.repeat(n)),
);
const anyValue: fc.Arbitrary<Json> = fc.oneof(
  hostileText,
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constant<Json>({}),
  fc.constant<Json>([]),
  fc.jsonValue({ maxDepth: 2 }) as fc.Arbitrary<Json>,
);

/** Every container and leaf of a value, as paths, in document order. */
function paths(value: Json, at: (string | number)[] = []): (string | number)[][] {
  const here = [at];
  if (Array.isArray(value)) return here.concat(...value.map((v, i) => paths(v, [...at, i])));
  if (value && typeof value === 'object') return here.concat(...Object.entries(value).map(([k, v]) => paths(v, [...at, k])));
  return here;
}

function replaceAt(value: Json, path: (string | number)[], change: (old: Json) => Json | undefined): Json {
  if (path.length === 0) return change(value) ?? null;
  const [key, ...rest] = path as [string | number, ...(string | number)[]];
  const copy = (Array.isArray(value) ? [...value] : { ...(value as object) }) as Record<string | number, Json>;
  const next = rest.length ? replaceAt(copy[key] as Json, rest, change) : change(copy[key] as Json);
  if (next === undefined) {
    if (Array.isArray(copy)) copy.splice(key as number, 1);
    else delete copy[key];
  } else copy[key] = next;
  return copy as Json;
}

/** The text of `value` with the first key of its `n`th object with keys written twice. */
function withRepeatedKey(value: Json, n: number): string {
  let seen = 0;
  const write = (v: Json): string => {
    if (Array.isArray(v)) return `[${v.map(write).join(',')}]`;
    if (v === null || typeof v !== 'object') return JSON.stringify(v);
    const members = Object.entries(v).map(([k, x]) => `${JSON.stringify(k)}:${write(x)}`);
    if (members[0] && seen++ === n) members.unshift(members[0]);
    return `{${members.join(',')}}`;
  };
  return write(value);
}

/** A malformed file made from a valid one, and whether it is certain to be malformed. */
function malformed(valid: Json): fc.Arbitrary<{ text: string; certain: boolean }> {
  const text = JSON.stringify(valid, null, 2);
  const all = paths(valid);
  const objects = all.filter((p) => {
    const v = p.reduce<Json>((x, k) => (x as Record<string | number, Json>)[k] as Json, valid);
    return v !== null && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length > 0;
  });
  const somePath = fc.constantFrom(...all);
  const certain = (t: string) => ({ text: t, certain: true });
  const maybe = (v: Json) => ({ text: JSON.stringify(v), certain: false });
  return fc.oneof(
    fc.nat({ max: text.lastIndexOf('}') - 1 }).map((cut) => certain(text.slice(0, cut))),
    fc
      .tuple(fc.nat({ max: text.length }), fc.constantFrom(0x00, 0x01, 0x07, 0x08, 0x0b, 0x0c, 0x1b, 0x1f))
      .map(([at, code]) => certain(`${text.slice(0, at)}${String.fromCharCode(code)}${text.slice(at)}`)),
    fc.nat({ max: objects.length - 1 }).map((n) => certain(withRepeatedKey(valid, n))),
    fc
      .tuple(somePath, fc.integer({ min: maxJsonDepth + 1, max: 3000 }))
      .map(([path, depth]) =>
        certain(JSON.stringify(replaceAt(valid, path, (old) => Array.from({ length: depth }).reduce<Json>((v) => [v], old)))),
      ),
    fc.uint8Array({ maxLength: 200 }).map((bytes) => certain(`{${Buffer.from(bytes).toString('latin1')}`)),
    fc.tuple(somePath, anyValue).map(([path, value]) => maybe(replaceAt(valid, path, () => value))),
    somePath.filter((p) => p.length > 0).map((path) => maybe(replaceAt(valid, path, () => undefined))),
    fc
      .tuple(fc.constantFrom(...objects), hostileText, anyValue)
      .map(([path, key, value]) => maybe(replaceAt(valid, path, (old) => ({ ...(old as object), [key]: value })))),
  );
}

const refused = { scenario: 0, profile: 0, packet: 0 };

function expectSoundAnswer(
  result: Awaited<ReturnType<typeof runInProcess>>,
  path: string,
  certain: boolean,
  validCodes: readonly number[],
): boolean {
  expect(result.code).not.toBe(internalFailure);

  expect(`${result.stdout}${result.stderr}`).not.toMatch(rawControl);
  if (certain) expect(result.code).toBe(2);
  else expect([2, ...validCodes]).toContain(result.code);
  if (result.code !== 2) return false;
  expect(result.stdout).toBe('');
  const lines = result.stderr.split('\n');
  expect(lines.pop()).toBe('');
  expect(lines.length).toBeGreaterThan(0);
  expect(lines.length).toBeLessThanOrEqual(maxProblemLines + 1);
  for (const [i, line] of lines.entries()) {
    expect(Array.from(line).length).toBeLessThanOrEqual(maxLineLength);
    if (i === maxProblemLines) expect(line).toMatch(/^… and \d+ more problems?$/);
    else expect(line.startsWith(`error: ${path}: `)).toBe(true);
  }
  return true;
}

const runs = { numRuns: 500 };

describe('fuzz: malformed inputs are refused soundly', () => {
  it('scenario files', async () => {
    const valid = JSON.parse(readFileSync(ms22, 'utf8'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(malformed(valid), async ({ text, certain }) => {
        const path = file(`scenario-${n++}.json`, text);
        const result = await runInProcess(decide, path, '--json');
        if (expectSoundAnswer(result, path, certain, [0])) refused.scenario++;
      }),
      runs,
    );
  });

  it('threshold files', async () => {
    const valid = {
      id: 'hot-day',
      version: '3',
      thresholds: { 'maxDescentCabinTempC.emergency': 42, maxImprovisedSeatsPerVehicle: 1 },
    };
    let n = 0;
    await fc.assert(
      fc.asyncProperty(malformed(valid), async ({ text, certain }) => {
        const path = file(`profile-${n++}.json`, text);
        const result = await runInProcess(decide, ms22, '--json', '--thresholds', path);
        if (expectSoundAnswer(result, path, certain, [0])) refused.profile++;
      }),
      runs,
    );
  });

  it('decision packets', async () => {
    const packetPath = `${dir}/valid-packet.json`;
    expect((await runInProcess(decide, ms22, '--out', packetPath)).code).toBe(0);
    const valid = JSON.parse(readFileSync(packetPath, 'utf8'));
    let n = 0;
    await fc.assert(
      fc.asyncProperty(malformed(valid), async ({ text, certain }) => {
        const path = file(`packet-${n++}.json`, text);
        // 1 tampered, 3 other decision logic, 4 intact (no --trust): the answers for a file of the right shape.
        const result = await runInProcess(report, path, '--format', 'csv');
        if (expectSoundAnswer(result, path, certain, [1, 3, 4])) refused.packet++;
      }),
      runs,
    );
  });

  it('unknown fields inside events: each named at its path, with the fields allowed', async () => {
    const valid = JSON.parse(readFileSync(ms22, 'utf8'));
    const field = fc.oneof(
      fc.constantFrom('holdDay', 'HoldDays', 'hold_days', 'rationalle', 'valu', 'Type', 'crewcount', '__proto__x'),
      fc.stringMatching(/^[a-zA-Z_][a-zA-Z0-9_]{0,15}$/),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: valid.events.length - 1 }), field, anyValue, async (i, key, value) => {
        fc.pre(!(key in valid.events[i]) && !['quantity', 'value', 'crewCount', 'status'].includes(key));
        const scenario = structuredClone(valid);
        scenario.events[i][key] = value;
        const path = file(`event-field-${n++}.json`, JSON.stringify(scenario));
        const result = await runInProcess(decide, path);
        expectSoundAnswer(result, path, true, []);
        expect(result.stderr).toContain(`error: ${path}: events[${i}].${key}: unknown field; expected one of type, at, by, `);
      }),
      { numRuns: 150 },
    );
  });

  it('bytes that are not UTF-8: refused at their offset, in scenario, profile and packet files', async () => {
    const bytes = readFileSync(ms22);
    // Offsets between two characters: a byte that is not a continuation byte starts one.
    const boundaries = [...bytes.keys()].filter((i) => i > 0 && ((bytes[i] as number) & 0xc0) !== 0x80);
    const invalid = fc.oneof(
      fc.constantFrom([0xff], [0xfe], [0x80], [0xbf], [0xc0, 0xaf], [0xc1, 0x81], [0xf5, 0x80, 0x80, 0x80]),
      fc.constantFrom([0xe0, 0x80, 0x80], [0xed, 0xa0, 0x80], [0xed, 0xbf, 0xbf], [0xf4, 0x90, 0x80, 0x80], [0xc3], [0xe2, 0x82]),
    );
    const commands = [
      (path: string) => runInProcess(decide, path),
      (path: string) => runInProcess(decide, ms22, '--thresholds', path),
      (path: string) => runInProcess(report, path),
    ];
    let n = 0;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...boundaries), invalid, fc.nat({ max: 2 }), async (at, bad, which) => {
        const path = file(`utf8-${n++}.json`, Buffer.concat([bytes.subarray(0, at), Buffer.from(bad), bytes.subarray(at)]));
        const result = await (commands[which] as (path: string) => ReturnType<typeof runInProcess>)(path);
        expectSoundAnswer(result, path, true, []);
        expect(result.stderr).toContain(
          `error: ${path}: (file): text in UTF-8; not UTF-8 at byte ${at.toLocaleString('en-US')} (`,
        );
      }),
      { numRuns: 150 },
    );
  });

  it('--set numbers that are not plain decimals', async () => {
    const notPlain = fc.oneof(
      fc.constantFrom(
        '0x1A',
        '0b11',
        '0o17',
        '+5',
        '1e-400',
        '1e3',
        '3E1',
        'Infinity',
        '-Infinity',
        'NaN',
        '',
        '.5',
        '5.',
        '007',
        '1_0',
        '٣٠',
        '３０',
      ),
      fc
        .tuple(fc.constantFrom('', '+', '-', '0x', '0b'), fc.nat(), fc.constantFrom('', 'e-400', 'e5', 'n', 'px', '.', '%'))
        .map(([a, b, c]) => `${a}${b}${c}`)
        .filter((t) => !/^-?(0|[1-9][0-9]*)$/.test(t)),
      hostileText.filter((t) => !/^\s*-?(0|[1-9][0-9]*)(\.[0-9]+)?\s*$/.test(t)),
    );
    await fc.assert(
      fc.asyncProperty(notPlain, async (value) => {
        const result = await runInProcess(decide, ms22, '--set', `maxDescentCabinTempC.nominal=${value}`);
        expectSoundAnswer(result, '--set', true, []);
        expect(result.stderr).toMatch(
          /^error: --set: maxDescentCabinTempC\.nominal: a plain decimal number such as 30 or -2\.5, got "/,
        );
      }),
      { numRuns: 200 },
    );
  });

  it('vehicle fact overrides outside their physical range: refused with the field, the value and the range', async () => {
    const valid = JSON.parse(readFileSync(ms22, 'utf8'));
    const outside = fc.oneof(
      fc.constantFrom(
        ['crewSeats', 2.5],
        ['crewSeats', -1],
        ['crewSeats', 8],
        ['improvisedSeats', 0.5],
        ['emergencyOnlyPlaces', 99],
        ['certifiedLifeDays', -10],
        ['certifiedLifeDays', 0],
        ['certifiedLifeDays', 1e9],
        ['deorbitDeltaVRequiredMps', -0.1],
      ) as fc.Arbitrary<[string, number]>,
      fc.tuple(
        fc.constantFrom('certifiedLifeDays', 'deorbitDeltaVRequiredMps'),
        fc.double({ max: -1e-9, noNaN: true, noDefaultInfinity: true }),
      ),
      fc.tuple(
        fc.constantFrom('crewSeats', 'improvisedSeats', 'emergencyOnlyPlaces'),
        fc.double({ min: 0.01, max: 6.99, noNaN: true }).filter((x) => !Number.isInteger(x)),
      ),
    );
    let n = 0;
    await fc.assert(
      fc.asyncProperty(outside, fc.constantFrom('value', 'low', 'high'), async ([key, value], end) => {
        const scenario = structuredClone(valid);
        const fact = { value: end === 'value' ? value : 3, source: 'derived', ...(end === 'value' ? {} : { [end]: value }) };
        fc.pre(end === 'value' || (end === 'low' ? value <= 3 : value >= 3));
        scenario.setup.damagedVehicle.overrides = { [key]: fact };
        const path = file(`override-${n++}.json`, JSON.stringify(scenario));
        const result = await runInProcess(decide, path);
        expectSoundAnswer(result, path, true, []);
        expect(result.stderr).toContain(`error: ${path}: setup.damagedVehicle.overrides.${key}.${end}: `);
        expect(result.stderr).toMatch(/from 0 to \d+|above 0 up to \d+/);
      }),
      { numRuns: 150 },
    );
  });

  it('refused at least 1,000 files in all', () => {
    expect(refused.scenario + refused.profile + refused.packet).toBeGreaterThanOrEqual(1000);
  });
});
