import { execFileSync } from 'node:child_process';
import { linkSync, readFileSync, symlinkSync, truncateSync, writeFileSync } from 'node:fs';
import { join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import { decide } from '../src/cli/decide';
import { maxLineLength, maxProblemLines } from '../src/cli/problemLines';
import { maxInputBytes } from '../src/cli/readText';
import { report } from '../src/cli/report';
import { rawControl, runInProcess, scratchFolder } from './cliHarness';

const ms22Text = readFileSync('scenarios/soyuz-ms-22.json', 'utf8');
const { dir, file } = scratchFolder('hostile-');
// biome-ignore lint/suspicious/noExplicitAny: a scenario's JSON, altered freely
const ms22 = (): Record<string, any> => JSON.parse(ms22Text);

function expectRefused(result: Awaited<ReturnType<typeof runInProcess>>, ...lines: RegExp[]) {
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at |internal failure/);
  for (const line of lines) expect(result.stderr).toMatch(line);
}

describe('the CLI shows hostile text without acting on it', () => {
  const forged = '\u001b[2J\u001b[HALL CLEAR\nstatus: nominal\u202e\u0007\u009b31m';

  it('spells out control characters of scenario text in the report, one line staying one line', async () => {
    const scenario = ms22();
    scenario.title = forged;
    scenario.events[17].by.name = `Ana${forged}`;
    const result = await runInProcess(decide, file('forged.json', JSON.stringify(scenario)));
    expect(result.code).toBe(0);
    expect(result.stdout).not.toMatch(rawControl);
    expect(result.stdout.split('\n')[0]).toBe(
      '\\u001b[2J\\u001b[HALL CLEAR\\u000astatus: nominal\\u202e\\u0007\\u009b31m (soyuz-ms-22)',
    );
    expect(result.stdout).not.toMatch(/^status: nominal/m);
  });

  it('keeps --json valid JSON, with the same text once parsed', async () => {
    const scenario = ms22();
    scenario.title = forged;
    const result = await runInProcess(decide, file('forged-json.json', JSON.stringify(scenario)), '--json');
    expect(result.stdout).not.toMatch(rawControl);
    expect(JSON.parse(result.stdout).record.scenario.title).toBe(forged);
  });

  it('spells out control characters in problems, in file names and in options', async () => {
    const scenario = ms22();
    scenario.kind = forged;
    const result = await runInProcess(decide, file('kind\u001b[2J.json', JSON.stringify(scenario)), '--set', `x${forged}=1`);
    expectRefused(result, /kind\\u001b\[2J\.json: kind: /, /^error: --set: x\\u001b\[2J.*: a known threshold key/m);
    expect(result.stderr).not.toMatch(rawControl);
    expect(result.stderr.trim().split('\n')).toHaveLength(2);
  });
});

describe('each problem is one short line, and there are not too many', () => {
  it(`cuts a long line at ${maxLineLength} characters`, async () => {
    const scenario = ms22();
    scenario[`extra${'x'.repeat(1000)}`] = 0;
    for (let i = 0; i < 100_000; i++) scenario[`extra${i}`] = i;
    const result = await runInProcess(decide, file('wide.json', JSON.stringify(scenario)));
    expectRefused(result, /^error: .*wide\.json: extrax+…$/m, /^error: .*wide\.json: extra0: unknown field; expected one of /m);
    for (const line of result.stderr.trimEnd().split('\n')) expect(Array.from(line).length).toBeLessThanOrEqual(maxLineLength);
  });

  it(`prints ${maxProblemLines} problems, then how many more`, async () => {
    const scenario = ms22();
    scenario.events = Array.from({ length: 500 }, () => ({ type: 'anomaly.panic' }));
    const result = await runInProcess(decide, file('many.json', JSON.stringify(scenario)));
    expectRefused(result);
    const lines = result.stderr.trimEnd().split('\n');
    expect(lines).toHaveLength(maxProblemLines + 1);
    expect(lines.at(-1)).toMatch(/^… and \d+ more problems$/);
  });
});

describe('inputs that are not a JSON file of a sane size are refused, naming the file', () => {
  it('a repeated key, naming it and its path', async () => {
    const text = ms22Text.replace('"title":', '"title": "Another title", "title":');
    expectRefused(
      await runInProcess(decide, file('repeated.json', text)),
      /^error: .*repeated\.json: title \(line \d+, column \d+\): a key used once in its object \("title" is repeated\)$/m,
    );
    const profile = file(
      'repeated-profile.json',
      '{"thresholds": {"maxDescentCabinTempC.nominal": 30, "maxDescentCabinTempC.nominal": 50}}',
    );
    expectRefused(
      await runInProcess(decide, 'scenarios/soyuz-ms-22.json', '--thresholds', profile),
      /repeated-profile\.json: thresholds\["maxDescentCabinTempC\.nominal"\] \(line 1, column \d+\): a key used once/,
    );
  });

  it('nesting 5,000 levels deep', async () => {
    const deep = file('deep.json', `{"id": ${'['.repeat(5000)}${']'.repeat(5000)}}`);
    expectRefused(
      await runInProcess(decide, deep),
      /^error: .*deep\.json: id(\[0\])+ \(line 1, column \d+\): nesting at most 64 levels deep$/m,
    );
  });

  it(`a file over ${maxInputBytes / 1024 / 1024} MB, without reading it`, async () => {
    const big = file('big.json', '');
    truncateSync(big, maxInputBytes + 1);
    expectRefused(await runInProcess(decide, big), /^error: .*big\.json: \(file\): a file of at most 20 MB, not 20\.0 MB$/m);
  });

  it('a FIFO, without waiting for a writer; a directory; a device', async () => {
    const fifo = join(dir, 'pipe.json');
    execFileSync('mkfifo', [fifo]);
    expectRefused(await runInProcess(decide, fifo), /pipe\.json: \(file\): a readable file: a regular file, not a FIFO/);
    expectRefused(await runInProcess(decide, dir), /: \(file\): a readable file: a regular file, not a directory$/m);
    expectRefused(
      await runInProcess(report, '/dev/zero'),
      /^error: \/dev\/zero: \(file\): a readable file: a regular file, not a device$/m,
    );
  });
});

describe('--out', () => {
  const scenarioPath = file('input.json', ms22Text);
  const profilePath = file('profile.json', JSON.stringify({ thresholds: {} }));

  it.each([
    ['the scenario', () => scenarioPath],
    ['the threshold file', () => profilePath],
    ['the scenario by a relative path', () => relative(process.cwd(), scenarioPath)],
    [
      'a symbolic link to the scenario',
      () => {
        const link = join(dir, 'link.json');
        symlinkSync(scenarioPath, link);
        return link;
      },
    ],
    [
      'a hard link to the scenario',
      () => {
        const link = join(dir, 'hard.json');
        linkSync(scenarioPath, link);
        return link;
      },
    ],
  ])('refuses to overwrite %s', async (_, out) => {
    const result = await runInProcess(decide, scenarioPath, '--thresholds', profilePath, '--out', out());
    expectRefused(result, /^error: .*: \(file\): not an input of this run \(it is .*, which --out would overwrite\)$/m);
    expect(readFileSync(scenarioPath, 'utf8')).toBe(ms22Text);
  });

  it('says a failed write and does not print the report', async () => {
    const missingFolder = await runInProcess(decide, scenarioPath, '--out', join(dir, 'no-such-folder', 'packet.json'));
    expectRefused(missingFolder, /^error: .*packet\.json: \(file\): a writable path \(ENOENT\)$/m);
    const underAFile = await runInProcess(decide, scenarioPath, '--out', join(profilePath, 'packet.json'));
    expectRefused(underAFile, /^error: .*packet\.json: \(file\): a writable path \(ENOTDIR\)$/m);
  });

  it('writes the packet, then prints the report', async () => {
    const out = join(dir, 'written.json');
    writeFileSync(out, 'an older packet');
    const result = await runInProcess(decide, scenarioPath, '--out', out);
    expect(result.code).toBe(0);
    expect(result.stderr).toMatch(/^wrote .*written\.json: 29 entries, head [0-9a-f]{64}, not signed\n$/);
    expect(JSON.parse(readFileSync(out, 'utf8'))).toMatchObject({ entryCount: 29 });
    expect(result.stdout).toMatch(/^Soyuz MS-22 coolant leak/);
  });
});

describe('a packet', () => {
  it('without a profile value is refused naming the field, not an internal failure', async () => {
    const out = join(dir, 'packet.json');
    await runInProcess(decide, 'scenarios/soyuz-ms-22.json', '--out', out);
    const packet = JSON.parse(readFileSync(out, 'utf8'));
    delete packet.profile.values['maxDescentCabinTempC.nominal'];
    expectRefused(
      await runInProcess(report, file('missing-value.json', JSON.stringify(packet))),
      /^error: .*missing-value\.json: profile\.values\.maxDescentCabinTempC\.nominal: a value in °C \(every threshold is recorded; this one is missing\)$/m,
    );
  });
});
