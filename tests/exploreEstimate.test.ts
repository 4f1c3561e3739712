import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { descentThermalInputKeys } from '../machines/thermal/descentCabinInputs';
import { explorableQuantities, standIns, startExploration, tryValue } from '../src/session/exploration';
import { defaultProfile } from '../src/session/profile';
import { moveTo, openWalkthrough, type Walkthrough } from '../src/session/walkthrough';
import { viewWalkthrough } from '../src/session/walkthroughView';
import { loadBuiltInScenario } from './support';

/** MS-22 before the thermal reports: the rules read the estimate for every crew count. */
async function ms22BeforeThermalReports(): Promise<Walkthrough> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const reports = scenario.events.findIndex((e) => 'quantity' in e && e.quantity === 'peakCabinTempC');
  return moveTo(openWalkthrough(scenario, await defaultProfile(), '2026-11-26T10:00:00Z'), reports, '2026-11-26T10:01:00Z');
}

const threeCrewTemp = (view: ReturnType<typeof viewWalkthrough>) =>
  view.policyRows
    .flatMap((r) => r.evaluations)
    .find((e) => e.ruleId === 'thermal.peak-cabin-temp' && e.crewCount === 3 && e.tier === 'nominal');

describe('Explore edits the estimate’s inputs', () => {
  it('lists the estimate’s inputs and the unreported crew counts, even where no rule reads them', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const decision = scenario.events.findIndex((e) => e.type === 'decision.confirm');
    const w = moveTo(openWalkthrough(scenario, await defaultProfile(), '2026-11-26T10:00:00Z'), decision, '2026-11-26T10:01:00Z');
    const view = viewWalkthrough(w);
    const { setup, values } = view.snapshot.context;
    if (!view.recommendation) throw new Error('no recommendation');
    const keys = explorableQuantities(view.recommendation, setup.damagedVehicle, values);
    expect(keys).toEqual(expect.arrayContaining([...descentThermalInputKeys, 'peakCabinTempC.crew1']));
    expect(keys).not.toContain('peakCabinTempC.crew4');
    // Reported crew counts are tried through the rules that read them, as before.
    expect(keys.filter((k) => k.startsWith('peakCabinTempC.'))).toEqual([
      'peakCabinTempC.crew3',
      'peakCabinTempC.crew2',
      'peakCabinTempC.crew1',
    ]);
  });

  it('a tried input changes the estimate the rules read, and nothing is recorded', async () => {
    const from = await ms22BeforeThermalReports();
    const exploration = startExploration(from);
    const before = viewWalkthrough(exploration.walkthrough, exploration.tried);
    expect(threeCrewTemp(before)).toMatchObject({ valueSource: 'estimated' });
    expect(standIns(before.snapshot.context.setup.damagedVehicle, before.values)).toMatchObject({
      descentEquipmentHeatW: { kind: 'model default' },
      'peakCabinTempC.crew3': { kind: 'estimated' },
    });

    fc.assert(
      fc.property(fc.double({ min: 0, max: 5000, noNaN: true }), (equipmentHeatW) => {
        const tried = tryValue(exploration, 'descentEquipmentHeatW', { nominal: equipmentHeatW, source: 'explored' });
        const after = viewWalkthrough(tried.walkthrough, tried.tried);
        const was = threeCrewTemp(before)?.nominalValue ?? Number.NaN;
        const now = threeCrewTemp(after)?.nominalValue ?? Number.NaN;
        // The default is 300 W: more equipment heat, a warmer cabin; less, a cooler one.
        expect(Math.sign(now - was)).toBe(Math.sign(equipmentHeatW - 300));
        expect(after.values.descentEquipmentHeatW).toEqual({ nominal: equipmentHeatW, source: 'explored' });
        expect(standIns(after.snapshot.context.setup.damagedVehicle, after.values)).not.toHaveProperty('descentEquipmentHeatW');
        // Nothing recorded: the walkthrough's events and the recorded session are as they were.
        expect(tried.walkthrough.events).toBe(exploration.walkthrough.events);
        expect(tried.from).toBe(from);
        expect(after.record).toEqual(before.record);
      }),
      { numRuns: 20 },
    );
  });

  it('putting the reported value back (null) restores the default', async () => {
    const exploration = startExploration(await ms22BeforeThermalReports());
    const tried = tryValue(exploration, 'descentDurationMin', { nominal: 900, source: 'explored' });
    const back = tryValue(tried, 'descentDurationMin', null);
    const view = (e: typeof exploration) => threeCrewTemp(viewWalkthrough(e.walkthrough, e.tried))?.value;
    expect(view(tried)).toBeGreaterThan(view(exploration) ?? Number.POSITIVE_INFINITY);
    expect(view(back)).toBe(view(exploration));
  });

  it('a report tried for the estimated crew count wins over the estimate', async () => {
    const exploration = startExploration(await ms22BeforeThermalReports());
    const tried = tryValue(exploration, 'peakCabinTempC.crew3', { nominal: 30, source: 'explored' });
    const view = viewWalkthrough(tried.walkthrough, tried.tried);
    expect(threeCrewTemp(view)).toMatchObject({ value: 30, valueSource: 'explored' });
    expect(standIns(view.snapshot.context.setup.damagedVehicle, view.values)).not.toHaveProperty('peakCabinTempC.crew3');
  });
});
