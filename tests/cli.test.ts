import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide as decideCommand } from '../src/cli/decide';
import { keygen as keygenCommand } from '../src/cli/keygen';
import { report as reportCommand } from '../src/cli/report';
import { verify as verifyCommand } from '../src/cli/verify';
import { runInProcess, scratchFolder } from './cliHarness';

const root = new URL('..', import.meta.url).pathname;
const ms22 = 'scenarios/soyuz-ms-22.json';

// The commands run in this process (see cliHarness); two smoke tests below start the real program.
const decide = (...args: string[]) => runInProcess(decideCommand, ...args);
const verify = (...args: string[]) => runInProcess(verifyCommand, ...args);
const report = (...args: string[]) => runInProcess(reportCommand, ...args);
const keygen = (...args: string[]) => runInProcess(keygenCommand, ...args);

/** The program as `npm run <script>` starts it: its own Node process, exit code and standard streams. */
function spawnCli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const { dir, file } = scratchFolder('decide-');

function expectInvalid(result: { code: number | null; stdout: string; stderr: string }, ...lines: RegExp[]) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /); // no stack trace
  for (const line of lines) expect(result.stderr).toMatch(line);
}

describe('the programs themselves, each in its own Node process', () => {
  it('npm run decide prints the run on standard output and exits 0', () => {
    const result = spawnCli('decide', ms22);
    expect(result.code).toBe(0);
    expect(result.stderr).toBe('');
    expect(result.stdout).toContain('outcome: launch-replacement (decision)');
    expect(result.stdout).toMatch(/^decision: launch-replacement, confirmed by State commission .* at 2023-01-11 12:00 UTC/m);
  });

  it('npm run decide exits 2 for a missing file, with one line on standard error', () => {
    const result = spawnCli('decide', 'scenarios/nope.json');
    expectInvalid(result, /^error: scenarios\/nope\.json: \(file\): a readable file: no such file$/m);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });
});

describe('npm run decide', () => {
  it('prints the steps, the outcome and the rule table', async () => {
    const result = await decide(ms22);
    expect(result.code).toBe(0);
    expect(result.stdout).toMatch(/2023-02-11 09:40\s+commonCause\.raise\s+replacementCampaign\.launchHeld/);
    expect(result.stdout).toContain('outcome: launch-replacement (decision)');
    expect(result.stdout).toMatch(/^decision: launch-replacement, confirmed by State commission .* at 2023-01-11 12:00 UTC/m);
    expect(result.stdout).toMatch(
      /thermal\.peak-cabin-temp\s+3 crew\s+nominal\s+43 °C \(nominal 40 °C\)\s+≤ 27 °C\s+−16 °C\s+FAIL\s+SD-0215/,
    );
    expect(result.stdout).toContain('rubio → crew-dragon-endurance (improvised)');
  });

  it('--json prints one object with scenario, outcome, finalState, steps and evaluations', async () => {
    const result = await decide(ms22, '--json');
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    expect(run.record).toMatchObject({
      scenario: { id: 'soyuz-ms-22' },
      outcome: 'launch-replacement',
      outcomeBasis: 'decision',
      finalState: 'crewHome',
      decision: { kind: 'confirmed', seq: 18, atUtc: '2023-01-11T12:00:00Z' },
    });
    expect(run.steps).toHaveLength(29);
    expect(run.evaluations.length).toBeGreaterThan(5);
    expect(run.evaluations.find((e: { rule: string }) => e.rule === 'thermal.peak-cabin-temp')).toMatchObject({
      value: 43,
      threshold: 27,
      unit: '°C',
      status: 'fail',
      subject: '3 crew',
    });
    // What would change it, for the assessed values, under a key of its own: nearest first.
    expect(run.inputFlipPoints[0]).toMatchObject({
      quantityKey: 'peakCabinTempC.crew2',
      end: 'high',
      current: 39,
      direction: 'raise',
      flipAt: 40,
      inclusive: false,
      newOutcome: 'undecided',
    });
  });

  it('--set and --thresholds change the recommendation', async () => {
    const hot = file(
      'hot.json',
      JSON.stringify({ id: 'hot', version: '2', thresholds: { 'maxDescentCabinTempC.emergency': 45 } }),
    );
    const loose = await decide(
      ms22,
      '--json',
      '--thresholds',
      hot,
      '--set',
      'maxDescentCabinTempC.nominal=43',
      '--set',
      'maxDescentCabinHumidityPct.nominal=95',
    );
    expect(loose.code).toBe(0);
    const run = JSON.parse(loose.stdout);
    expect(run.profile).toMatchObject({ id: 'hot', version: '2' });
    expect(run.record.recommendation.outcome).toBe('return-on-damaged-vehicle');
    // The scripted confirm now confirms the other recommendation, so the replacement campaign's events no longer apply.
    expect(run.record.decision).toMatchObject({ kind: 'confirmed', outcome: 'return-on-damaged-vehicle' });
    expect(run.steps.find((s: { type: string }) => s.type === 'replacement.launch')).toMatchObject({
      applied: false,
      refusal: expect.stringContaining('does not apply in state returnOnDamagedVehicle'),
    });
    // The profile in force is the overlaid one: named as such, with nothing changed from it by the session.
    expect(run.record.thresholds).toEqual({ at: 'decision', profile: { id: 'hot', version: '2' }, changed: [] });
    const text = await decide(
      ms22,
      '--set',
      'maxDescentCabinTempC.emergency=45',
      '--set',
      'maxDescentCabinTempC.nominal=43',
      '--set',
      'maxDescentCabinHumidityPct.nominal=95',
    );
    expect(text.stdout).toMatch(/replacement\.launch\s+returnOnDamagedVehicle\.\w+\s+IGNORED/);
    expect(text.stdout).toMatch(/warning: \d+ events did not apply/);
  });

  it('rejects a missing file', async () => {
    expectInvalid(
      await decide('scenarios/nope.json'),
      /^error: scenarios\/nope\.json: \(file\): a readable file: no such file$/m,
    );
  });

  it('rejects an unreadable file (a directory)', async () => {
    expectInvalid(await decide('scenarios'), /^error: scenarios: \(file\): a readable file: a regular file, not a directory$/m);
  });

  it('rejects malformed JSON on one line, with the line, column and field path', async () => {
    const result = await decide(file('bad.json', '{\n  "id": "x",\n  "title" "y"\n}'));
    expectInvalid(result, /^error: .*bad\.json: title \(line 3, column 11\): well-formed JSON: ':' after the key, got "\\""$/m);
    expect(result.stderr.trim().split('\n')).toHaveLength(1);
  });

  it('rejects a schema violation with the field path', async () => {
    const scenario = JSON.parse(readFileSync(join(root, ms22), 'utf8'));
    scenario.setup.damagedVehicle.launchedUtc = 'last autumn';
    scenario.events[11].value.high = 30;
    expectInvalid(
      await decide(file('schema.json', JSON.stringify(scenario))),
      /^error: .*schema\.json: setup\.damagedVehicle\.launchedUtc: an ISO 8601 UTC time/m,
      /^error: .*schema\.json: events\[11\]\.value: low ≤ nominal ≤ high$/m,
    );
  });

  it('rejects an unknown event type', async () => {
    const scenario = JSON.parse(readFileSync(join(root, ms22), 'utf8'));
    scenario.events[3].type = 'anomaly.panic';
    expectInvalid(
      await decide(file('event.json', JSON.stringify(scenario))),
      /^error: .*event\.json: events\[3\]\.type: a known event type/m,
    );
  });

  it('rejects unknown and non-numeric thresholds, one line each', async () => {
    const result = await decide(ms22, '--set', 'cabinTemp=30', '--set', 'maxCertifiedLifeUsedPct.nominal=long');
    expectInvalid(
      result,
      /^error: --set: cabinTemp: a known threshold key/m,
      /^error: --set: maxCertifiedLifeUsedPct\.nominal: a plain decimal number such as 30 or -2\.5, got "long"$/m,
    );
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });

  it('rejects a threshold file with a bad value and an emergency limit stricter than nominal', async () => {
    const bad = file('profile.json', JSON.stringify({ thresholds: { 'maxDescentCabinTempC.nominal': 'warm' } }));
    expectInvalid(
      await decide(ms22, '--thresholds', bad),
      /^error: .*profile\.json: thresholds\.maxDescentCabinTempC\.nominal: a number of °C/m,
    );
    const strict = file('strict.json', JSON.stringify({ thresholds: { 'maxDescentCabinTempC.emergency': 20 } }));
    expectInvalid(
      await decide(ms22, '--thresholds', strict),
      /thresholds\.maxDescentCabinTempC\.emergency: an emergency limit no stricter than the nominal one/,
    );
  });

  it('rejects unknown options and a missing scenario argument with usage', async () => {
    expectInvalid(await decide('--jsn', ms22), /^error: .*--jsn/m, /usage: npm run decide/);
    expectInvalid(await decide(), /a scenario file is required/);
  });
});

describe('npm run decide -- --out and npm run verify', () => {
  const packetPath = join(dir, 'packet.json');
  let written: Awaited<ReturnType<typeof decide>>;
  // biome-ignore lint/suspicious/noExplicitAny: a packet's JSON, altered freely to tamper with it
  let packet: any;
  beforeAll(async () => {
    written = await decide(ms22, '--out', packetPath);
    packet = JSON.parse(readFileSync(packetPath, 'utf8'));
  });
  const variant = (name: string, change: (p: typeof packet) => void) => {
    const copy = structuredClone(packet);
    change(copy);
    return file(name, JSON.stringify(copy));
  };

  it('writes a packet that verifies', async () => {
    expect(written.code).toBe(0);
    expect(packet).toMatchObject({ format: 'crew-return-decision-packet', entryCount: 29 });
    const result = await verify(packetPath);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(new RegExp(`^intact 29 entries, head ${packet.headHash}: authorship not verified$`, 'm'));
    expect(result.stdout).toMatch(/^signatures: 0 entries signed, not sealed$/m);
    expect(result.stdout).toMatch(
      /^authorship NOT checked \(no trusted keys, --trust\): .*anyone can re-hash an unsigned chain/m,
    );
  });

  it('keygen, a signed headless run and verify --trust: 0 for the trusted key, 1 for another, 1 for an unsealed packet', async () => {
    const key = join(dir, 'ana.key.json');
    const made = await keygen('--name', 'Ana Flight', '--role', 'flight director', '--out', key);
    expect(made.code).toBe(0);
    const fingerprint = /fingerprint ([0-9a-f·]+)/.exec(made.stdout)?.[1] ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{4}(·[0-9a-f]{4}){3}$/);
    expect(await keygen('--name', 'Ana Flight', '--role', 'flight director', '--out', key)).toMatchObject({ code: 2 });
    expect((await keygen('--name', 'Eve', '--role', 'attacker', '--out', join(dir, 'eve.key.json'))).code).toBe(0);

    const signedPath = join(dir, 'signed.json');
    expect((await decide(ms22, '--out', signedPath, '--sign', key)).code).toBe(0);
    const trusted = await verify(signedPath, '--trust', `${key}.pub.json`);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain(`signatures: 0 entries signed, sealed, by Ana Flight, flight director (${fingerprint})`);
    expect(await verify(signedPath, '--trust', join(dir, 'eve.key.json.pub.json'))).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^untrusted: entry 29: sealed by [0-9a-f·]+, not a key trusted for Ana Flight \(flight director\)$/m,
      ),
    });
    expect(await verify(packetPath, '--trust', `${key}.pub.json`)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^tampered: entry 29: the packet is not sealed/m),
    });
    expect((await decide(ms22, '--sign', key)).code).toBe(2);
  });

  it.each([
    [
      'altered',
      (p: typeof packet) => {
        p.entries[16].event.description = 'edited';
      },
      /^tampered: entry 17: contents do not match its hash \(altered\)$/m,
    ],
    [
      'reordered',
      (p: typeof packet) => {
        p.entries.splice(3, 2, p.entries[4], p.entries[3]);
      },
      /^tampered: entry 4: sequence number 5/m,
    ],
    [
      'removed',
      (p: typeof packet) => {
        p.entries.splice(10, 1);
      },
      /^tampered: entry 11: sequence number 12/m,
    ],
    [
      'rehashed',
      (p: typeof packet) => {
        p.entries[0].hash = p.entries[0].hash.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a'));
      },
      /^tampered: entry 1: contents do not match its hash/m,
    ],
  ])('exits 1 naming the first bad entry when %s', async (name, change, message) => {
    const result = await verify(variant(`${name}.json`, change as (p: typeof packet) => void));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
  });

  it('exits 3, not 1, for an intact packet that other decision logic recorded', async () => {
    const { entryHash } = await import('../src/record/ledger');
    const older = structuredClone(packet);
    let previousHash = older.entries[0].previousHash;
    // As an earlier build wrote it: format 3 (no provenance), decision logic 7.
    older.formatVersion = 3;
    for (const entry of older.entries) {
      delete entry.provenance;
      entry.logicVersion = 7;
      entry.previousHash = previousHash;
      const { hash: _, ...rest } = entry;
      entry.hash = await entryHash(rest);
      previousHash = entry.hash;
    }
    older.headHash = previousHash;
    const result = await verify(file('older.json', JSON.stringify(older)));
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(
      /^not verifiable by this build: hash chain intact; authorship NOT checked \(no --trust\); entry 1: recorded by decision logic version 7;/m,
    );
  });

  it('exits 2 with a clear message for an unreadable or malformed packet', async () => {
    expectInvalid(await verify(join(dir, 'none.json')), /^error: .*none\.json: \(file\): a readable file: no such file$/m);
    expectInvalid(
      await verify(file('cut.json', '{"format": ')),
      /^error: .*cut\.json: format \(line 1, column 12\): well-formed JSON: a value .*, got the end of the text$/m,
    );
    expectInvalid(
      await verify(
        variant('shape.json', (p) => {
          p.entries[2].seq = 'three';
        }),
      ),
      /^error: .*shape\.json: entries\[2\]\.seq: .*expected number/m,
    );
    expectInvalid(await verify(), /usage: npm run verify/);
  });
});

describe('npm run report', () => {
  const packetPath = join(dir, 'report-packet.json');
  beforeAll(async () => {
    expect((await decide(ms22, '--out', packetPath)).code).toBe(0);
  });

  it('verifies first, then prints the decision record as Markdown (the default), CSV or JSON', async () => {
    const markdown = await report(packetPath);
    expect(markdown.code).toBe(4);
    expect(markdown.stdout).toContain('- intact, authorship NOT verified (no --trust)');
    expect(markdown.stdout).toMatch(/^# Decision record: Soyuz MS-22 coolant leak$/m);
    expect(markdown.stdout).toContain('- Outcome: **launch-replacement** (decision)');
    expect(markdown.stdout).toContain(
      '| thermal.peak-cabin-temp | 3 crew | emergency | 43 °C (nominal 40 °C) | ≤ 40 °C | −3 °C | FAIL |',
    );
    const csv = await report(packetPath, '--format', 'csv');
    expect(csv.code).toBe(4);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^seq,wallClockUtc,scenarioTimeUtc,actorName,.*,record,decidingRules$/);
    const json = await report(packetPath, '--format', 'json');
    expect(JSON.parse(json.stdout).record).toMatchObject({
      outcome: 'launch-replacement',
      decision: { kind: 'confirmed', seq: 18 },
    });
  });

  it('exits as verify does: 1 for a tampered packet, 2 for a bad format or an unreadable file', async () => {
    const packet = JSON.parse(readFileSync(packetPath, 'utf8'));
    packet.entries[17].event.by.name = 'Someone else';
    const tampered = await report(file('tampered-report.json', JSON.stringify(packet)));
    expect(tampered).toMatchObject({ code: 1, stdout: 'tampered: entry 18: contents do not match its hash (altered)\n' });
    expectInvalid(await report(packetPath, '--format', 'html'), /--format: one of markdown, csv, json/);
    expectInvalid(await report(join(dir, 'missing.json')), /missing\.json: \(file\): a readable file: no such file/);
  });
});

describe('npm run decide refuses impossible inputs (exit 2, file, field path, what was expected)', () => {
  // biome-ignore lint/suspicious/noExplicitAny: a scenario's JSON, altered freely to make it impossible
  type Scenario = Record<string, any>;
  const cases: [string, (s: Scenario) => void, RegExp][] = [
    [
      'a lead time ≤ 0',
      (s) => {
        s.events[10].value.nominal = -1000;
      },
      /events\[10\]\.value\.nominal: Replacement lead time: a number above 0 up to 3650 days, got -1000$/m,
    ],
    [
      'a hold of 0 days',
      (s) => {
        s.events[20].holdDays = { nominal: 0, source: 'assumed' };
      },
      /events\[20\]\.holdDays\.nominal: Launch hold for common cause: a number above 0/m,
    ],
    [
      'a temperature of −300 °C',
      (s) => {
        s.events[11].value = { nominal: -300, source: 'assumed' };
      },
      /events\[11\]\.value\.nominal: Predicted peak descent cabin temperature: a number from -100 to 150 °C, got -300$/m,
    ],
    [
      'a humidity of 120 %',
      (s) => {
        s.events[12].value.high = 120;
      },
      /events\[12\]\.value\.high: Predicted peak descent cabin humidity: a number from 0 to 100 %RH, got 120$/m,
    ],
    [
      'a vehicle launched after the scenario start',
      (s) => {
        s.setup.damagedVehicle.launchedUtc = '2099-01-01T00:00:00Z';
      },
      /setup\.damagedVehicle\.launchedUtc: a launch no later than the scenario start \(2022-12-14T00:00:00Z\)$/m,
    ],
    [
      'duplicate crew ids',
      (s) => {
        s.setup.crew[1].id = 'prokopyev';
      },
      /setup\.crew\[1\]\.id: a crew id used once \("prokopyev" is repeated\)$/m,
    ],
    [
      "another vehicle with the damaged vehicle's id",
      (s) => {
        s.setup.otherVehicles[0].id = 'soyuz-ms-22';
      },
      /setup\.otherVehicles\[0\]\.id: an id no other vehicle has \("soyuz-ms-22" is setup\.damagedVehicle's\)$/m,
    ],
    [
      'a report for more crew than there are',
      (s) => {
        s.events[11].crewCount = 5;
      },
      /events\[11\]\.crewCount: a crew count no larger than the crew \(3\), got 5$/m,
    ],
    [
      'a rationale of zero-width characters',
      (s) => {
        s.events[17].rationale = '\u200B\u200B \u2060';
      },
      /events\[17\]\.rationale: a rationale with visible characters/m,
    ],
    [
      'more crew than the seats of all docked vehicles',
      (s) => {
        for (let i = 0; i < 4; i++) s.setup.crew.push({ id: `extra-${i}`, name: `Extra ${i}`, canRelocateTo: [] });
      },
      /setup\.crew: no more crew than the seats of all docked vehicles together \(3 on Soyuz MS-22, 1 on Crew Dragon Endurance \(Crew-5\): 4\), got 7$/m,
    ],
    [
      'an unknown vehicle class',
      (s) => {
        s.setup.otherVehicles[0].class = 'vostok-x';
      },
      /setup\.otherVehicles\[0\]\.class: a vehicle class of the catalogue \(one of soyuz-ms, .*\) or a class described in full, got "vostok-x"/m,
    ],
    [
      "a cargo vehicle as the crew's ride home",
      (s) => {
        s.setup.damagedVehicle.class = 'progress-ms';
      },
      /setup\.damagedVehicle\.class: a crew vehicle class \(progress-ms carries cargo only/m,
    ],
    [
      'an override of a fact the class does not have',
      (s) => {
        s.setup.otherVehicles[0].overrides.wings = { value: 2, source: 'assumed', basis: 'x' };
      },
      /setup\.otherVehicles\[0\]\.overrides\.wings: a fact of class crew-dragon \(one of crewSeats, /m,
    ],
    [
      'an assumed override without a basis',
      (s) => {
        s.setup.otherVehicles[0].overrides.crewSeats = { value: 3, source: 'assumed' };
      },
      /setup\.otherVehicles\[0\]\.overrides\.crewSeats\.basis: a basis for an assumed value$/m,
    ],
  ];
  it.each(cases)('%s', async (_, mutate, expected) => {
    const scenario = JSON.parse(readFileSync(join(root, ms22), 'utf8'));
    mutate(scenario);
    expectInvalid(await decide(file('impossible.json', JSON.stringify(scenario))), expected);
  });

  it('refuses the removed global vehicle keys in --set and in a threshold file, naming what replaced them', async () => {
    const result = await decide(ms22, '--set', 'certifiedLifeDays=200', '--set', 'maxAttitudeThrustersLost.emergency=2');
    expectInvalid(
      result,
      /^error: --set: certifiedLifeDays: certifiedLifeDays was removed: .*maxCertifiedLifeUsedPct\.nominal \/ \.emergency/m,
      /^error: --set: maxAttitudeThrustersLost\.emergency: .*minAttitudeFaultTolerance/m,
    );
    const old = file('old-profile.json', JSON.stringify({ thresholds: { minDeorbitDeltaVMps: 120 } }));
    expectInvalid(
      await decide(ms22, '--thresholds', old),
      /thresholds\.minDeorbitDeltaVMps: minDeorbitDeltaVMps was removed: .*minDeorbitDeltaVMarginPct/,
    );
  });
});
