import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide, scratchFolder } from './cliHarness';
import { expectInvalid } from './cliRefused';

const root = new URL('..', import.meta.url).pathname;
const ms22 = 'scenarios/soyuz-ms-22.json';

/** The program as `npm run <script>` starts it: its own Node process, exit code and standard streams. */
function spawnCli(script: string, ...args: string[]) {
  const result = spawnSync(process.execPath, ['--import', 'tsx', `src/cli/${script}.ts`, ...args], {
    cwd: root,
    encoding: 'utf8',
  });
  return { code: result.status, stdout: result.stdout, stderr: result.stderr };
}

const { file } = scratchFolder('decide-');

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
      /^error: .*schema\.json: setup\.damagedVehicle\.launchedUtc: an ISO 8601 UTC time such as .*, got "last autumn"$/m,
      /^error: .*schema\.json: events\[11\]\.value: low ≤ nominal ≤ high, got nominal 40, high 30$/m,
    );
  });

  it('rejects an unknown event type', async () => {
    const scenario = JSON.parse(readFileSync(join(root, ms22), 'utf8'));
    scenario.events[3].type = 'anomaly.panic';
    expectInvalid(
      await decide(file('event.json', JSON.stringify(scenario))),
      /^error: .*event\.json: events\[3\]\.type: a known event type, got "anomaly\.panic" \(schema\.json lists them\)$/m,
    );
  });

  it('names the closest event types to a misspelt one, not all of them', async () => {
    const scenario = JSON.parse(readFileSync(join(root, ms22), 'utf8'));
    scenario.events[3].type = 'anomaly.detekt';
    expectInvalid(
      await decide(file('misspelt.json', JSON.stringify(scenario))),
      /^error: .*misspelt\.json: events\[3\]\.type: a known event type, got "anomaly\.detekt" \(closest: anomaly\.detect\)$/m,
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
