import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { migrate } from '../src/cli/migrate';
import { validateScenario } from '../src/files/scenarioFile';
import { defaultProfile } from '../src/session/profile';
import { runScenario } from '../src/session/runScenario';
import { runInProcess, scratchFolder } from './cliHarness';
import { scenarioDir } from './support';

/** MS-22 as it was written before format 2: no format, attitudeThrustersLost, findings without a system. */
function earlierFormat(): Record<string, unknown> {
  const current = JSON.parse(readFileSync(`${scenarioDir}/soyuz-ms-22.json`, 'utf8'));
  const { format: _, ...rest } = current;
  for (const event of rest.events) {
    if (event.quantity === 'thrustersLost') {
      event.quantity = 'attitudeThrustersLost';
      delete event.thrusterGroup;
    }
    delete event.module;
    delete event.system;
    delete event.status;
  }
  return rest;
}

describe('scenario files of the earlier format', () => {
  it('are refused with a message naming what changed and the command that converts them', () => {
    const checked = validateScenario('old.json', earlierFormat());
    expect(checked.ok).toBe(false);
    if (checked.ok) return;
    expect(checked.problems[0]).toMatchObject({
      path: 'format',
      expected: expect.stringMatching(/findings name the module, system and status.*thrustersLost.*npm run migrate/),
    });
  });

  it('are converted by npm run migrate, which says what it inferred; the result reaches the same outcome', async () => {
    const folder = scratchFolder('migrate-');
    const file = folder.file('old.json', JSON.stringify(earlierFormat()));
    const { code, stdout } = await runInProcess(migrate, file, '--write');
    expect(code).toBe(0);
    expect(stdout).toContain('changed: format: 2');
    expect(stdout).toContain('attitudeThrustersLost → thrustersLost of group attitude');
    expect(stdout).toMatch(/coolantRemainingPct 10 shows damage: status degraded of status\.instrument\.external-cooling/);
    const migrated = validateScenario(file, JSON.parse(readFileSync(file, 'utf8')));
    if (!migrated.ok) throw new Error(JSON.stringify(migrated.problems));
    const run = runScenario(migrated.value, await defaultProfile(), '2026-11-25T00:00:00Z');
    expect(run.record.outcome).toBe('launch-replacement');
    // Run again, the file is current and is left as it is.
    expect((await runInProcess(migrate, file)).stdout).toContain('already in the current format');
  });

  it('a file that is no scenario is refused with the file and field, exit 2', async () => {
    const folder = scratchFolder('migrate-');
    const { code, stderr } = await runInProcess(migrate, folder.file('x.json', '{"format": 1}'));
    expect(code).toBe(2);
    expect(stderr).toContain('x.json');
  });
});
