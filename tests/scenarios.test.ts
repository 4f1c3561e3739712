import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { scenarioJsonSchema } from '../scenarios/jsonSchema';
import { validateScenario } from '../src/files/scenarioFile';
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
      expect(run.record.outcome).toBe(scenario.expected.outcome);
      expect(run.record.finalState).toBe(scenario.expected.finalState);
      expect(run.steps.filter((s) => !s.applied).map((s) => `${s.seq} ${s.type} in ${s.stateBefore}: ${s.refusal}`)).toEqual([]);
      const visited = new Set(run.steps.flatMap((s) => [s.stateBefore, s.stateAfter]));
      for (const state of scenario.expected.passesThrough ?? []) expect(visited, state).toContain(state);
      if (scenario.expected.crewAboardDamagedVehicle !== undefined) {
        expect(run.record.recommendation?.crewAboardDamagedVehicle).toBe(scenario.expected.crewAboardDamagedVehicle);
      }
      const seats = Object.fromEntries((run.record.recommendation?.seatPlan ?? []).map((s) => [s.crewId, s.vehicleId]));
      if (scenario.expected.seatByCrewId) expect(seats).toEqual(scenario.expected.seatByCrewId);
    });

    it('cites only its own sources, "derived" or "assumed": those are accepted, an unlisted key is rejected', () => {
      // The file itself parsed (loadBuiltInScenario), so its own citations already passed this check.
      const ownKey = Object.keys(scenario.sources)[0] ?? 'derived';
      const cited = structuredClone(scenario);
      (cited.events[0] as { sources: string[] }).sources = [ownKey, 'derived', 'assumed'];
      expect(validateScenario(file, cited)).toMatchObject({ ok: true });
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

  it("scenarios/README.md's worked example is the worked-example file, field for field", () => {
    const readme = readFileSync(join(scenarioDir, 'README.md'), 'utf8');
    const example = /### Worked example[\s\S]*?```json\n([\s\S]*?)\n```/.exec(readme)?.[1];
    expect(example, 'the README has a ```json block under "### Worked example"').toBeDefined();
    const file = readFileSync(join(scenarioDir, 'worked-example-blanket-tear.json'), 'utf8');
    expect(JSON.parse(example ?? 'null')).toEqual(JSON.parse(file));
  });

  it('MS-22: the replacement launch is held while the Progress MS-21 common-cause question is open', async () => {
    const run = runScenario(loadBuiltInScenario('soyuz-ms-22.json'), await defaultProfile(), '2026-11-25T00:00:00Z');
    const raise = run.steps.find((s) => s.type === 'commonCause.raise');
    const clear = run.steps.find((s) => s.type === 'commonCause.clear');
    expect(raise?.stateAfter).toBe('replacementCampaign.launchHeld');
    expect(clear?.stateAfter).toBe('replacementCampaign.preparingReplacement');
    expect(run.record.decision).toMatchObject({ kind: 'confirmed', outcome: 'launch-replacement' });
  });

  it('the hypothetical cases beyond MS-22 each have vehicles of at least two classes', () => {
    const hypothetical = files
      .map(loadBuiltInScenario)
      .filter((s) => s.kind === 'hypothetical' && s.setup.otherVehicles.length > 0);
    expect(hypothetical.length).toBeGreaterThanOrEqual(8);
    for (const s of hypothetical) {
      const classes = new Set([s.setup.damagedVehicle.class, ...s.setup.otherVehicles.map((v) => v.class)]);
      expect(classes.size, s.id).toBeGreaterThanOrEqual(2);
    }
  });

  it('every crew member can wait on other vehicles: the damaged vehicle leaves uncrewed at once', async () => {
    const run = runScenario(loadBuiltInScenario('crew-wait-on-dragon.json'), await defaultProfile(), '2026-11-25T00:00:00Z');
    expect(run.record.recommendation).toMatchObject({
      outcome: 'launch-replacement',
      crewAboardDamagedVehicle: 0,
      damagedVehicleLeavesUncrewed: 'now',
    });
    expect(run.evaluations.some((e) => e.rule === 'vehicle-life.through-wait' && e.status === 'fail')).toBe(true);
  });

  it('a degraded descent mode decides between an emergency return and escalation', async () => {
    const run = runScenario(loadBuiltInScenario('backup-deorbit-emergency.json'), await defaultProfile(), '2026-11-25T00:00:00Z');
    expect(run.record.recommendation).toMatchObject({
      outcome: 'emergency-return',
      decidingRow: expect.objectContaining({ id: 'emergency-tier' }),
      descentModeId: 'backup-engine',
    });
    expect(run.inputFlipPoints).toContainEqual(
      expect.objectContaining({
        quantityKey: 'backupDeorbitDeltaVAvailableMps',
        end: 'low',
        flipAt: 128,
        newOutcome: 'undecided',
      }),
    );
  });

  it('thruster losses are judged against the class minimum: tolerance left, and none left', async () => {
    const profile = await defaultProfile();
    const left = runScenario(loadBuiltInScenario('dragon-thruster-tolerance-left.json'), profile, '2026-11-25T00:00:00Z');
    const none = runScenario(loadBuiltInScenario('dragon-thruster-no-tolerance.json'), profile, '2026-11-25T00:00:00Z');
    const tolerance = (run: typeof left, tier: string) =>
      run.evaluations.find((e) => e.rule === 'thrusters.fault-tolerance' && e.tier === tier);
    expect(tolerance(left, 'nominal')).toMatchObject({ value: 1, threshold: 1, status: 'pass' });
    expect(tolerance(none, 'nominal')).toMatchObject({ value: 0, threshold: 1, status: 'fail' });
    expect(tolerance(none, 'emergency')).toMatchObject({ value: 0, threshold: 0, status: 'pass' });
  });

  it('a crew swap that leaves a crew without a lifeboat: escalated under the default profile, and decided only with a recorded acceptance', async () => {
    const profile = await defaultProfile();
    const scenario = loadBuiltInScenario('crew-swap-no-lifeboat.json');
    const change = scenario.events.findIndex((e) => e.type === 'thresholds.change');
    // The default profile allows no day without a lifeboat: the swap is named, and the policy escalates.
    const before = runScenario({ ...scenario, events: scenario.events.slice(0, change) }, profile, '2026-11-25T00:00:00Z');
    const rows = before.record.recommendation?.rows ?? [];
    expect(before.record.recommendation?.outcome).toBe('undecided');
    expect(rows.find((r) => r.id === 'crew-swap')?.reason).toMatch(/lifeboat\.period-without fail/);
    // With the period allowed, a confirmation without the acceptance is refused in words that say what is missing.
    const confirm = scenario.events.findIndex((e) => e.type === 'decision.confirm');
    const unaccepted = scenario.events.map((e, i) =>
      i === confirm ? { ...e, acceptsPeriodWithoutLifeboat: undefined } : e,
    ) as typeof scenario.events;
    const refused = runScenario({ ...scenario, events: unaccepted }, profile, '2026-11-25T00:00:00Z');
    expect(refused.steps[confirm]?.applied).toBe(false);
    expect(refused.steps[confirm]?.refusal).toMatch(
      /^the plan leaves Commander H-22 \(hypothetical\), Operator H-22 \(hypothetical\), Engineer H-22 \(hypothetical\) without a lifeboat for up to 16 days: a confirmation must accept that period on record/,
    );
    const accepted = runScenario(scenario, profile, '2026-11-25T00:00:00Z');
    expect(accepted.record.recommendation?.crewSwap).toMatchObject({
      homeVehicleId: 'shenzhou-h22',
      waitingCount: 3,
      lifeboatVehicleId: null,
      daysWithoutLifeboat: 16,
    });
  });

  it("a crew swap that keeps the damaged vehicle as the waiting crew's lifeboat, when the other ship cannot wait; none where this crew's liners do not fit", async () => {
    const profile = await defaultProfile();
    const scenario = loadBuiltInScenario('crew-swap-keeps-lifeboat.json');
    const run = runScenario(scenario, profile, '2026-11-25T00:00:00Z');
    const recommendation = run.record.recommendation;
    expect(recommendation?.decidingRow).toMatchObject({ id: 'crew-swap' });
    expect(recommendation?.crewSwap).toMatchObject({
      homeVehicleId: 'dragon-h1',
      waitingCount: 2,
      lifeboatVehicleId: 'soyuz-ms-h2',
      daysWithoutLifeboat: null,
    });
    // Why the replacement row could not keep this crew: three too hot, the older ship past its allowance as a lifeboat.
    expect(recommendation?.rows.find((r) => r.id === 'replacement-feasible')?.reason).toMatch(
      /3 aboard: thermal\.peak-cabin-temp fail; 2 aboard: vehicle-life\.through-wait fail/,
    );
    const unfit = {
      ...scenario,
      setup: { ...scenario.setup, crew: scenario.setup.crew.map((c) => ({ ...c, canRelocateTo: [] })) },
    };
    const refused = runScenario(unfit, profile, '2026-11-25T00:00:00Z');
    expect(refused.record.recommendation?.rows.find((r) => r.id === 'crew-swap')?.reason).toMatch(/seat liners/);
  });

  it('scenarios/schema.json is up to date with the Zod schema (npm run schema rewrites it)', () => {
    const published = JSON.parse(readFileSync(join(scenarioDir, 'schema.json'), 'utf8'));
    expect(published).toEqual(JSON.parse(JSON.stringify(scenarioJsonSchema())));
  });
});
