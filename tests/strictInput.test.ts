import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportedQuantityByName } from '../machines/rules/quantities';
import { vehicleCatalogue } from '../machines/vehicles/catalogue';
import { impossibleFactProblems } from '../machines/vehicles/vehicleClass';
import { decide } from '../src/cli/decide';
import { keygen } from '../src/cli/keygen';
import { packetCertainlyTooLarge, packetText } from '../src/cli/packetText';
import { maxInputBytes } from '../src/cli/readText';
import { verify } from '../src/cli/verify';
import { parsePacket } from '../src/files/packetFile';
import { parseThresholdAssignment } from '../src/files/profileFile';
import { decodeUtf8, firstNonUtf8Byte, readFileText } from '../src/files/utf8Text';
import { runInProcess, scratchFolder } from './cliHarness';

const ms22Path = 'scenarios/soyuz-ms-22.json';
const ms22Text = readFileSync(ms22Path, 'utf8');
// biome-ignore lint/suspicious/noExplicitAny: a scenario's JSON, altered freely
const ms22 = (): Record<string, any> => JSON.parse(ms22Text);
const { dir, file } = scratchFolder('strict-');

function expectRefused(result: Awaited<ReturnType<typeof runInProcess>>, ...lines: RegExp[]) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at |internal failure/);
  for (const line of lines) expect(result.stderr).toMatch(line);
}

describe('a field no schema knows is refused at its path, with the fields allowed', () => {
  it('a misspelt holdDays in an event (it used to be dropped, and the hold with it)', async () => {
    const scenario = ms22();
    const i = scenario.events.findIndex((e: { holdDays?: unknown }) => e.holdDays);
    scenario.events[i].holdDay = scenario.events[i].holdDays;
    delete scenario.events[i].holdDays;
    const path = file('hold-day.json', JSON.stringify(scenario));
    const result = await runInProcess(decide, path);
    expectRefused(
      result,
      new RegExp(`^error: ${path}: events\\[${i}\\]\\.holdDay: unknown field; expected one of type, .*holdDays$`, 'm'),
    );
  });

  it('anywhere in a scenario: a vehicle, an override, an inline class, expected', async () => {
    const scenario = ms22();
    scenario.setup.damagedVehicle.colour = 'grey';
    scenario.setup.otherVehicles[0].overrides.improvisedSeats.note = 'x';
    scenario.expected.outcomee = 'x';
    const result = await runInProcess(decide, file('fields.json', JSON.stringify(scenario)));
    expectRefused(
      result,
      /: setup\.damagedVehicle\.colour: unknown field; expected one of id, name, class, .*launchedUtc$/m,
      /: setup\.otherVehicles\[0\]\.overrides\.improvisedSeats\.note: unknown field; expected one of value, low, high, source, basis$/m,
      /: expected\.outcomee: unknown field; expected one of outcome, /m,
    );
  });

  it('in a packet: inside an entry’s event', async () => {
    const out = join(dir, 'fields-packet.json');
    expect((await runInProcess(decide, ms22Path, '--out', out)).code).toBe(0);
    const packet = JSON.parse(readFileSync(out, 'utf8'));
    packet.entries[3].event.note = 'x';
    const parsed = parsePacket('p.json', JSON.stringify(packet));
    expect(parsed.ok).toBe(false);
    if (!parsed.ok)
      expect(parsed.problems).toContainEqual({
        file: 'p.json',
        path: 'entries[3].event.note',
        expected: expect.stringMatching(/^unknown field; expected one of type, at, by, /),
      });
  });

  it('in a profile file', async () => {
    const profile = file('profile-field.json', JSON.stringify({ thresholds: {}, versoin: '2' }));
    expectRefused(
      await runInProcess(decide, ms22Path, '--thresholds', profile),
      /: versoin: unknown field; expected one of id, version, thresholds, pollPositions$/m,
    );
  });
});

describe('a file that is not UTF-8 is refused with the byte where it stops being UTF-8', () => {
  const bad = (at: number, bytes: number[]) => {
    const text = Buffer.from(ms22Text, 'utf8');
    return Buffer.concat([text.subarray(0, at), Buffer.from(bytes), text.subarray(at)]);
  };

  it('a scenario, a profile, a packet and a key file', async () => {
    const scenario = file('latin1.json', bad(1234, [0xff]));
    expectRefused(await runInProcess(decide, scenario), /: \(file\): text in UTF-8; not UTF-8 at byte 1,234 \(0xFF/);
    const profile = file('profile-latin1.json', Buffer.from('{"thresholds":{},"id":"caf\xe9"}', 'latin1'));
    expectRefused(await runInProcess(decide, ms22Path, '--thresholds', profile), /profile-latin1\.json: .*not UTF-8 at byte 26 /);
    const packet = file('packet-latin1.json', Buffer.from([0x7b, 0xc0, 0xaf, 0x7d]));
    expectRefused(await runInProcess(verify, packet), /packet-latin1\.json: .*not UTF-8 at byte 1 \(0xC0/);
    const key = join(dir, 'ana.key.json');
    expect((await runInProcess(keygen, '--name', 'Ana', '--role', 'flight director', '--out', key)).code).toBe(0);
    const keyText = readFileSync(key);
    const badKey = file(
      'ana-bad.key.json',
      Buffer.concat([keyText.subarray(0, 20), Buffer.from([0xed, 0xa0, 0x80]), keyText.subarray(20)]),
    );
    expectRefused(await runInProcess(decide, ms22Path, '--out', join(dir, 'x.json'), '--sign', badKey), /not UTF-8 at byte 20 /);
  });

  it('finds the first ill-formed sequence: stray, overlong, surrogate, past U+10FFFF, cut short', () => {
    const at = (...bytes: number[]) => firstNonUtf8Byte(Uint8Array.from(bytes));
    expect(at(0x61, 0xc3, 0xa9, 0xe2, 0x82, 0xac, 0xf0, 0x9f, 0x98, 0x80)).toBe(10);
    expect(at(0x61, 0x80)).toBe(1);
    expect(at(0x61, 0xc0, 0xaf)).toBe(1);
    expect(at(0xe0, 0x80, 0xaf)).toBe(0);
    expect(at(0x61, 0x62, 0xed, 0xa0, 0x80)).toBe(2);
    expect(at(0xf4, 0x90, 0x80, 0x80)).toBe(0);
    expect(at(0x61, 0xe2, 0x82)).toBe(1);
    expect(at(0xf5, 0x80)).toBe(0);
  });

  it('reads text TextDecoder reads, and refuses what it would replace', async () => {
    expect(decodeUtf8('f', Buffer.from('{"t":"°C — ✓ 🚀"}'))).toEqual({ text: '{"t":"°C — ✓ 🚀"}' });
    expect(await readFileText(new Blob([Uint8Array.from([0x7b, 0xff])]), 'drop.json')).toEqual({
      ok: false,
      problems: [{ file: 'drop.json', path: '(file)', expected: 'text in UTF-8; not UTF-8 at byte 1 (0xFF, counting from 0)' }],
    });
  });
});

describe('--set takes plain decimal numbers only', () => {
  it.each([
    '0x1A',
    '0b11',
    '0o7',
    '+5',
    '1e-400',
    '1e2',
    'Infinity',
    '-Infinity',
    'NaN',
    '',
    ' ',
    '5.',
    '.5',
    '007',
    '1_000',
    `0.${'0'.repeat(400)}1`,
  ])('refuses "%s"', (value) => {
    const parsed = parseThresholdAssignment(`maxDescentCabinTempC.nominal=${value}`);
    expect(parsed).toEqual({
      ok: false,
      problems: [
        {
          file: '--set',
          path: 'maxDescentCabinTempC.nominal',
          expected: `a plain decimal number such as 30 or -2.5, got "${value.trim()}"`,
        },
      ],
    });
  });

  it.each([
    ['30', 30],
    ['30.5', 30.5],
    ['0', 0],
    ['0.25', 0.25],
  ])('takes "%s"', (value, number) => {
    const key = value.startsWith('0') ? 'maxLifeUsedPct' : 'maxDescentCabinTempC.nominal';
    const parsed = parseThresholdAssignment(`${key}=${value}`);
    if (parsed.ok) expect(parsed.value).toEqual([key, number]);
    else expect(parsed.problems[0]?.expected).not.toMatch(/plain decimal/);
  });

  it('says so from the command line, exit 2', async () => {
    expectRefused(
      await runInProcess(decide, ms22Path, '--set', 'maxDescentCabinTempC.nominal=0x1A'),
      /^error: --set: maxDescentCabinTempC\.nominal: a plain decimal number such as 30 or -2\.5, got "0x1A"$/m,
    );
  });
});

describe('vehicle facts carry physical ranges, as assessed values do', () => {
  it('refuses certified life −10 days, 2.5 seats and 7 seats taken on a 4-seat vehicle', async () => {
    const scenario = ms22();
    scenario.setup.damagedVehicle.overrides = { certifiedLifeDays: { value: -10, source: 'derived' } };
    scenario.setup.otherVehicles[0].overrides.crewSeats = { value: 4, low: 2.5, source: 'derived' };
    const facts = await runInProcess(decide, file('facts.json', JSON.stringify(scenario)));
    expectRefused(
      facts,
      /: setup\.damagedVehicle\.overrides\.certifiedLifeDays\.value: Certified docked life: a number above 0 up to 3650 days, got -10$/m,
      /: setup\.otherVehicles\[0\]\.overrides\.crewSeats\.low: Crew seats: a whole number from 0 to 7 seats, got 2\.5$/m,
    );
    const seats = ms22();
    seats.setup.otherVehicles[0].seatsTaken = 7;
    expectRefused(
      await runInProcess(decide, file('seats-taken.json', JSON.stringify(seats))),
      /: setup\.otherVehicles\[0\]\.seatsTaken: seats taken from 0 to 4 \(the crew seats of Crew Dragon Endurance \(Crew-5\)\), got 7$/m,
    );
  });

  it('in a class the scenario describes, too', async () => {
    const scenario = JSON.parse(readFileSync('scenarios/inline-vehicle-class.json', 'utf8'));
    const vehicle = [scenario.setup.damagedVehicle, ...scenario.setup.otherVehicles].find((v) => typeof v.class !== 'string');
    const key = Object.keys(vehicle.class.facts).find((k) => k.startsWith('thrusters.')) as string;
    vehicle.class.facts[key].value = -1;
    expectRefused(
      await runInProcess(decide, file('inline.json', JSON.stringify(scenario))),
      new RegExp(`class\\.facts\\.${key.replace('.', '\\.')}\\.value: Thrusters in group .*, got -1$`, 'm'),
    );
  });

  it('every fact of the catalogue is within its range', () => {
    for (const vehicleClass of Object.values(vehicleCatalogue))
      for (const [key, fact] of Object.entries(vehicleClass.facts))
        expect([vehicleClass.id, key, impossibleFactProblems(key, fact)]).toEqual([vehicleClass.id, key, []]);
    expect(reportedQuantityByName.size).toBeGreaterThan(0);
  });
});

describe('decide writes no packet verify would refuse', () => {
  it('measures the text it writes exactly, and refuses past the limit', async () => {
    const out = join(dir, 'measured.json');
    expect((await runInProcess(decide, ms22Path, '--out', out)).code).toBe(0);
    const written = readFileSync(out);
    const packet = JSON.parse(written.toString('utf8'));
    packet.scenario.title = 'Soyuz “MS-22” 🚀';
    const text = packetText(packet);
    expect('text' in text && text.text).toBe(`${JSON.stringify(packet, null, 2)}\n`);
    const size = Buffer.byteLength(`${JSON.stringify(packet, null, 2)}\n`);
    expect('text' in packetText(packet, size)).toBe(true);
    expect(packetText(packet, size - 1)).toEqual({
      tooLarge: { entriesThatFit: packet.entries.length - 1, entryCount: packet.entries.length },
    });
    expect(packetCertainlyTooLarge(packet.scenario, { steps: [] } as never, 100)).toEqual({ entriesThatFit: 0, entryCount: 0 });
  });

  it(`a run whose packet would pass ${maxInputBytes / 1024 / 1024} MB ends with exit 2 naming the scenario, and writes nothing`, async () => {
    const scenario = ms22();
    const finding = scenario.events[2];
    const copies = Array.from({ length: 150 }, () => ({ ...finding, description: 'a'.repeat(70_000) }));
    scenario.events.splice(3, 0, ...copies);
    const path = file('large.json', JSON.stringify(scenario));
    const out = join(dir, 'large-packet.json');
    const result = await runInProcess(decide, path, '--out', out);
    expectRefused(
      result,
      new RegExp(
        `^error: ${path}: events: a run whose packet \\(--out ${out}\\) is at most 20 MB, the most verify reads: at most \\d+ of its 179 entries fit$`,
        'm',
      ),
    );
    expect(() => readFileSync(out)).toThrow();
  });
});
