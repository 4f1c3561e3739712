import { describe, expect, it } from 'vitest';
import { decide } from '../src/cli/decide';
import { defaultSeed } from '../src/session/model';
import { runInProcess } from './cliHarness';

const ms22 = 'scenarios/soyuz-ms-22.json';
/** 2 crew's 37–39 °C against a 38 °C emergency limit: the odds split between two outcomes. */
const straddling = ['--set', 'maxDescentCabinTempC.emergency=38'];

async function refused(...argv: string[]) {
  const result = await runInProcess(decide, ...argv);
  expect(result.code).toBe(2);
  expect(result.stdout).toBe('');
  expect(result.stderr).not.toMatch(/\n\s+at /);
  return result.stderr;
}

describe('npm run decide -- --monte-carlo', () => {
  it('adds monteCarlo to the JSON: samples, seed, outcomes summing to 1, standard errors and the tornado', async () => {
    const result = await runInProcess(decide, ms22, ...straddling, '--monte-carlo', '4000', '--seed', '9', '--json');
    expect(result.code).toBe(0);
    const run = JSON.parse(result.stdout);
    // The 38 °C limit leaves MS-22 undecided at its last step; the odds are taken beside that recommendation.
    expect(run.record).toMatchObject({ outcome: 'undecided', outcomeBasis: 'standing recommendation' });
    expect(run.monteCarlo.recommended).toBe(run.record.recommendation.outcome);
    const { monteCarlo } = run;
    expect(monteCarlo).toMatchObject({ samples: 4000, seed: 9, recommended: 'undecided' });
    const total = Object.values<number>(monteCarlo.outcomes).reduce((s, p) => s + p, 0);
    expect(total).toBeCloseTo(1, 12);
    const p = monteCarlo.outcomes['launch-replacement'];
    expect(Math.abs(p - 0.75)).toBeLessThan(4 * monteCarlo.standardErrors['launch-replacement']);
    expect(monteCarlo.tornado[0]).toMatchObject({
      key: 'peakCabinTempC.crew2',
      unit: '°C',
      low: 37,
      high: 39,
      probabilityAtLow: 0,
      probabilityAtHigh: 1,
      swing: 1,
    });
  });

  it('gives the same numbers for the same seed, other numbers for another, and a fixed seed by default', async () => {
    const odds = async (...seed: string[]) =>
      JSON.parse((await runInProcess(decide, ms22, ...straddling, '--monte-carlo', '500', ...seed, '--json')).stdout).monteCarlo;
    const first = await odds('--seed', '1');
    expect(await odds('--seed', '1')).toEqual(first);
    expect(await odds('--seed', '2')).not.toEqual(first);
    expect((await odds()).seed).toBe(defaultSeed);
  });

  it('prints a short table after the report, the conservative-end recommendation kept as the authority', async () => {
    const result = await runInProcess(decide, ms22, ...straddling, '--monte-carlo', '2000', '--seed', '3');
    expect(result.code).toBe(0);
    const [report, odds] = result.stdout.split('how likely each outcome is');
    expect(report).toMatch(/^outcome: /m);
    expect(odds).toMatch(/^ \(Monte Carlo, 2,000 samples, seed 3; .*triangular/);
    expect(odds).toMatch(/^ {2}launch-replacement\s+7\d\.\d %\s+± 0\.\d\d %\s*$/m);
    expect(odds).toMatch(/^ {2}undecided\s+2\d\.\d %\s+± 0\.\d\d %\s+the recommendation$/m);
    expect(odds).toContain('the recommendation stays “Undecided: escalate” (undecided)');
    expect(odds).toMatch(/Predicted peak descent cabin temperature \(2 crew\)\s+37 °C – 39 °C\s+0 %\s+100 %\s+100\.0 points/);
  });

  it('refuses a sample count or seed that is not a whole number in range, one line naming the flag', async () => {
    for (const bad of ['abc', '0', '1e3', '2.5', '10000001', '']) {
      const stderr = await refused(ms22, `--monte-carlo=${bad}`);
      expect(stderr).toBe(
        `error: --monte-carlo: samples: a whole number of samples from 1 to 10,000,000, got ${bad ? `'${bad}'` : 'nothing'}\n`,
      );
    }
    expect(await refused(ms22, '--monte-carlo', '10', '--seed=-1')).toBe(
      "error: --seed: seed: a whole number from 0 to 4,294,967,295, got '-1'\n",
    );
    expect(await refused(ms22, '--monte-carlo', '10', '--seed', '4294967296')).toMatch(
      /^error: --seed: seed: .*got '4294967296'\n$/,
    );
    expect(await refused(ms22, '--seed', '5')).toMatch(/^error: --seed seeds the run that --monte-carlo asks for/);
  });

  it('refuses a scenario with no anomaly: there is no recommendation to sample', async () => {
    expect(await refused('scenarios/nominal-mission.json', '--monte-carlo', '10')).toMatch(
      /^error: scenarios\/nominal-mission\.json: events: an anomaly, so that there is a recommendation for --monte-carlo to sample\n$/,
    );
  });
});
