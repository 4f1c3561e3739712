import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../scenarios/schema';
import { validateScenario } from '../src/session/loadScenario';
import { defaultProfile } from '../src/session/profile';
import { runScenario } from '../src/session/runScenario';
import { builtInScenarioFiles, loadBuiltInScenario, scenarioDir } from './support';

const files = builtInScenarioFiles();

describe('built-in scenarios', () => {
  it('there are at least the five cases of the design', () => {
    expect(files.length).toBeGreaterThanOrEqual(5);
    const outcomes = files.map((f) => loadBuiltInScenario(f).expected.outcome);
    for (const outcome of [
      'launch-replacement',
      'return-on-damaged-vehicle',
      'return-reduced-crew',
      'emergency-return',
      'nominal-return',
    ]) {
      expect(outcomes).toContain(outcome);
    }
  });

  describe.each(files)('%s', (file) => {
    const scenario = loadBuiltInScenario(file);

    it('reaches its expected outcome and final state under the default profile, every event accepted', async () => {
      const run = runScenario(scenario, await defaultProfile(), '2026-11-25T00:00:00Z');
      expect(run.outcome).toBe(scenario.expected.outcome);
      expect(run.finalState).toBe(scenario.expected.finalState);
      expect(run.steps.filter((s) => !s.accepted).map((s) => `${s.seq} ${s.type} in ${s.stateBefore}`)).toEqual([]);
      const visited = new Set(run.steps.flatMap((s) => [s.stateBefore, s.stateAfter]));
      for (const state of scenario.expected.passesThrough ?? []) expect(visited, state).toContain(state);
      if (scenario.expected.crewAboardDamagedVehicle !== undefined) {
        expect(run.recommendation?.crewAboardDamagedVehicle).toBe(scenario.expected.crewAboardDamagedVehicle);
      }
      if (scenario.expected.seatByCrewId) expect(run.seatByCrewId).toEqual(scenario.expected.seatByCrewId);
    });

    it('cites only its own sources, "derived" or "assumed": an unlisted key is rejected', () => {
      const cited = scenario.events.flatMap((e) => e.sources);
      expect(cited.every((key) => key in scenario.sources || key === 'derived' || key === 'assumed')).toBe(true);
      const unlisted = structuredClone(scenario);
      (unlisted.events[0] as { sources: string[] }).sources = ['NOT-IN-FACTS'];
      expect(validateScenario(file, unlisted)).toMatchObject({
        ok: false,
        problems: [{ path: 'events[0].sources[0]', expected: expect.stringContaining('"NOT-IN-FACTS"') }],
      });
    });

    it('is listed in scenarios/README.md', () => {
      expect(readFileSync(join(scenarioDir, 'README.md'), 'utf8')).toContain(`${scenario.id}.json`);
    });
  });

  it('MS-22: the replacement launch is held while the Progress MS-21 common-cause question is open', async () => {
    const run = runScenario(loadBuiltInScenario('soyuz-ms-22.json'), await defaultProfile(), '2026-11-25T00:00:00Z');
    const raise = run.steps.find((s) => s.type === 'commonCause.raise');
    const clear = run.steps.find((s) => s.type === 'commonCause.clear');
    expect(raise?.stateAfter).toBe('replacementCampaign.launchHeld');
    expect(clear?.stateAfter).toBe('replacementCampaign.preparingReplacement');
    expect(run.decision).toMatchObject({ kind: 'confirmed', outcome: 'launch-replacement' });
  });

  it('scenarios/schema.json is up to date with the Zod schema (npm run schema rewrites it)', () => {
    const published = JSON.parse(readFileSync(join(scenarioDir, 'schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
