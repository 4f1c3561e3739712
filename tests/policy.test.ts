import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flipPoints, flipRelation } from '../machines/policy/flipPoints';
import { consideredRows, outcomeOf, policyTable, recommend } from '../machines/policy/policy';
import { maxRelocatableCrew, planSeats } from '../machines/policy/seatPlan';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import { dayAfterLaunchUtc, ms22LikeValues, situation, threeCrewSetup } from './support';

const withValues = (values: Record<string, { nominal: number; high?: number; low?: number; source: string }>) =>
  situation({ values: { ...ms22LikeValues, ...values } });
const v = (nominal: number) => ({ nominal, source: 'assumed' });

describe('recommendation policy (hit policy FIRST)', () => {
  it('recommends a replacement with an interim plan when three crew overheat but two pass the emergency tier', () => {
    const r = recommend(situation());
    expect(r.outcome).toBe('launch-replacement');
    expect(r.decidingRow).toBe('replacement-feasible');
    expect(r.crewAboardDamagedVehicle).toBe(2);
    expect(r.seatPlan).toEqual([
      { crewId: 'cdr', vehicleId: 'soyuz', seat: 'own' },
      { crewId: 'fe1', vehicleId: 'soyuz', seat: 'own' },
      { crewId: 'fe2', vehicleId: 'dragon', seat: 'improvised' },
    ]);
    expect(consideredRows(r).map((row) => [row.id, row.matched])).toEqual([
      ['station-unsafe', false],
      ['full-crew-nominal', false],
      ['contingency', false],
      ['replacement-feasible', true],
    ]);
  });

  it('lists every crew option a row tried, so the table keeps one shape while only the results change', () => {
    const crewCounts = (emergencyLimitC: number) =>
      recommend({
        ...situation(),
        thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': emergencyLimitC },
      })
        .rows.find((row) => row.id === 'replacement-feasible')
        ?.evaluations.map((e) => `${e.ruleId}:${e.crewCount ?? ''}:${e.status}`);
    const matched = crewCounts(40) ?? [];
    const refused = crewCounts(38) ?? [];
    expect(matched.some((e) => e.startsWith('thermal.peak-cabin-temp:3:fail'))).toBe(true);
    expect(matched.some((e) => e.startsWith('thermal.peak-cabin-temp:2:pass'))).toBe(true);
    expect(refused.map((e) => e.replace(/:\w+$/, ''))).toEqual(matched.map((e) => e.replace(/:\w+$/, '')));
    expect(refused.some((e) => e.startsWith('thermal.peak-cabin-temp:2:fail'))).toBe(true);
  });

  it('returns on the damaged vehicle when the full crew passes every nominal rule', () => {
    const r = recommend(withValues({ 'peakCabinTempC.crew3': v(26) }));
    expect(r.outcome).toBe('return-on-damaged-vehicle');
    expect(r.crewAboardDamagedVehicle).toBe(3);
  });

  it('sends fewer crew home when no replacement can arrive within the certified life', () => {
    const r = recommend({ ...withValues({ 'peakCabinTempC.crew2': v(26) }), nowUtc: dayAfterLaunchUtc(190) });
    expect(r.outcome).toBe('return-reduced-crew');
    expect(r.rows.find((row) => row.id === 'replacement-feasible')?.reason).toContain('3 aboard: vehicle-life.through-wait fail');
    expect(r.crewAboardDamagedVehicle).toBe(2);
  });

  it('falls back to an emergency return of the crew without another seat', () => {
    const r = recommend({ ...situation(), nowUtc: dayAfterLaunchUtc(190) });
    expect(r.outcome).toBe('emergency-return');
    expect(r.decidingRow).toBe('emergency-tier');
  });

  it('escalates (undecided) when no row matches', () => {
    const r = recommend({ ...withValues({ 'peakCabinTempC.crew2': v(45) }), nowUtc: dayAfterLaunchUtc(190) });
    expect(r.outcome).toBe('undecided');
    expect(r.rows).toHaveLength(policyTable.length);
  });

  it('an unsafe station overrides everything', () => {
    const r = recommend(situation({ stationUnsafe: true }));
    expect(r.outcome).toBe('emergency-return');
    expect(consideredRows(r)).toHaveLength(1);
    expect(r.crewAboardDamagedVehicle).toBe(2);
  });

  it('a missing value is unknown and blocks the rows that need it', () => {
    const { replacementLeadTimeDays: _, ...values } = ms22LikeValues;
    const r = recommend(situation({ values }));
    expect(r.rows.find((row) => row.id === 'replacement-feasible')?.reason).toContain(
      '2 aboard: vehicle-life.through-wait unknown',
    );
    expect(r.outcome).not.toBe('launch-replacement');
  });

  it('an open common-cause question adds its hold to the wait', () => {
    const held = withValues({ openCommonCauseQuestions: v(1), commonCauseHoldDays: v(80) });
    const wait = recommend(held)
      .rows.find((row) => row.id === 'replacement-feasible')
      ?.evaluations.find((e) => e.ruleId === 'vehicle-life.through-wait' && e.vehicleId === 'soyuz');
    // The conservative end of the Soyuz MS's certified life (200–215 days) is 200.
    expect(wait?.value).toBeCloseTo((100 * (100 + 45 + 80)) / 200);
    expect(wait?.inputs.map((i) => i.key)).toEqual(['replacementLeadTimeDays', 'commonCauseHoldDays']);
    expect(recommend(held).outcome).not.toBe('launch-replacement');
  });
});

describe('every policy row', () => {
  it('is evaluated once, in table order, and says what the rows below the deciding one would say', () => {
    const { rows, decidingRow } = recommend(situation());
    expect(rows.map((r) => [r.id, r.statement, r.outcome])).toEqual(policyTable.map((p) => [p.id, p.statement, p.outcome]));
    expect(rows.find((r) => r.matched)?.id).toBe(decidingRow);
    expect(rows.find((r) => r.id === 'emergency-tier')).toMatchObject({ matched: true });
    expect(rows.at(-1)).toMatchObject({ id: 'escalate', matched: true });
  });

  it('the outcome alone (rows evaluated only down to the deciding one) is the outcome of the recommendation', () => {
    const temp = fc.double({ min: 20, max: 60, noNaN: true });
    fc.assert(
      fc.property(temp, temp, temp, fc.integer({ min: 0, max: 3 }), fc.boolean(), (crew3, nominal, emergency, seats, unsafe) => {
        const s = situation({
          values: { ...ms22LikeValues, 'peakCabinTempC.crew3': { nominal: crew3, source: 'assumed' } },
          thresholds: {
            ...defaultThresholdValues,
            'maxDescentCabinTempC.nominal': Math.min(nominal, emergency),
            'maxDescentCabinTempC.emergency': Math.max(nominal, emergency),
            maxImprovisedSeatsPerVehicle: seats,
          },
          stationUnsafe: unsafe,
        });
        expect(outcomeOf(s)).toBe(recommend(s).outcome);
      }),
    );
  });
});

describe('seat plan', () => {
  it('moves the crew listed last first and respects the improvised-seat limit', () => {
    expect(planSeats(threeCrewSetup, defaultThresholdValues, 1)?.find((s) => s.vehicleId === 'dragon')?.crewId).toBe('fe2');
    expect(planSeats(threeCrewSetup, defaultThresholdValues, 2)).toBeNull();
    expect(planSeats(threeCrewSetup, { ...defaultThresholdValues, maxImprovisedSeatsPerVehicle: 0 }, 1)).toBeNull();
    expect(maxRelocatableCrew(threeCrewSetup, defaultThresholdValues)).toBe(1);
  });
});

describe('flip points', () => {
  it('finds the exact threshold at which the recommendation changes, and the change is real', () => {
    const s = situation();
    const flips = flipPoints(s);
    const emergencyTemp = flips.find((f) => f.thresholdKey === 'maxDescentCabinTempC.emergency' && f.direction === 'lower');
    expect(emergencyTemp).toMatchObject({ flipAt: 39, inclusive: false, current: 40 });
    for (const flip of flips) {
      const at = flip.inclusive ? flip.flipAt : flip.flipAt + (flip.direction === 'raise' ? 1e-6 : -1e-6);
      expect(recommend({ ...s, thresholds: { ...s.thresholds, [flip.thresholdKey]: at } }).outcome).toBe(flip.newOutcome);
      const before = flip.inclusive ? flip.flipAt + (flip.direction === 'raise' ? -1e-6 : 1e-6) : flip.flipAt;
      expect(recommend({ ...s, thresholds: { ...s.thresholds, [flip.thresholdKey]: before } }).outcome).toBe(
        'launch-replacement',
      );
    }
  });

  it('names the comparison at which each flip happens', () => {
    const flip = { thresholdKey: 'k', current: 40, flipAt: 39, newOutcome: 'undecided', validAlone: true } as const;
    expect(flipRelation({ ...flip, direction: 'raise', inclusive: true })).toBe('≥');
    expect(flipRelation({ ...flip, direction: 'raise', inclusive: false })).toBe('>');
    expect(flipRelation({ ...flip, direction: 'lower', inclusive: true })).toBe('≤');
    expect(flipRelation({ ...flip, direction: 'lower', inclusive: false })).toBe('<');
  });

  it('raising the nominal temperature limit above the three-crew value flips to a return on the damaged vehicle', () => {
    const flip = flipPoints(situation()).find(
      (f) => f.thresholdKey === 'maxDescentCabinTempC.nominal' && f.direction === 'raise',
    );
    expect(flip).toMatchObject({ flipAt: 43, inclusive: true, newOutcome: 'return-on-damaged-vehicle', validAlone: false });
  });
});

describe('a decision is checked at its own time', () => {
  it('confirms the recommendation as it stands when the confirm arrives, not at the previous event', async () => {
    const { createActor } = await import('xstate');
    const { crewReturnMachine } = await import('../machines/statechart/crewReturnMachine');
    const { ev, modelInput } = await import('./support');
    // Day 100 + a 115-day lead: 215 of the 220 days a lifeboat may reach (110 % of the 200-day conservative
    // certified life); a confirm on day 110 finds it beyond (225).
    const actor = createActor(crewReturnMachine, {
      input: { ...modelInput, values: { ...modelInput.values, replacementLeadTimeDays: { nominal: 115, source: 'assumed' } } },
    }).start();
    for (const type of ['anomaly.detect', 'safing.complete', 'inspection.complete', 'assessment.complete'] as const)
      actor.send(ev(type));
    expect(actor.getSnapshot().context.decision).toBeNull();
    actor.send({ ...ev('decision.confirm'), at: dayAfterLaunchUtc(110) });
    const { decision } = actor.getSnapshot().context;
    expect(decision?.outcome).toBe(decision?.recommendation.outcome);
    expect(decision?.outcome).not.toBe('launch-replacement');
    expect(actor.getSnapshot().matches('replacementCampaign')).toBe(false);
    actor.stop();
  });
});
