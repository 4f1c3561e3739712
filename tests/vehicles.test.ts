// Over 300 lines: the catalogue's facts and the policy's properties over vehicle classes share one mission generator.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { flipPoints, inputFlipPoints } from '../machines/policy/flipPoints';
import { everyEvaluation, recommend, recommendationEvaluations, type Situation } from '../machines/policy/policy';
import { seatCapacity } from '../machines/policy/seatPlan';
import { defaultThresholdValues, plausibleRangeByUnit, thresholdDefinitionByKey } from '../machines/policy/thresholds';
import type { AssessedValues } from '../machines/rules/evaluate';
import { evaluationKey } from '../machines/rules/evaluate';
import { quantityOfKey } from '../machines/rules/quantities';
import { statusKey, statusSeverity, systemStatuses } from '../machines/rules/systemStatus';
import type { AssessedValue, MissionSetup } from '../machines/types';
import { vehicleCatalogue } from '../machines/vehicles/catalogue';
import { descentFactKey, vehicleClassProblems } from '../machines/vehicles/vehicleClass';
import { fact, resolveVehicle } from '../machines/vehicles/vehicles';
import { dayAfterLaunchUtc } from './support';

const ranged = (nominal: number, spread: number): AssessedValue => ({
  nominal,
  low: nominal - spread,
  high: nominal + spread,
  source: 'assumed',
});

const crewClassIds = Object.values(vehicleCatalogue)
  .filter((c) => c.carries === 'crew')
  .map((c) => c.id);
const seatsOf = (classId: string) => vehicleCatalogue[classId]?.facts.crewSeats?.value ?? 0;

/** Missions of any crew class with 1–6 crew, a docked Dragon and Soyuz, any assessed values and a system finding. */
const situations = fc
  .record({
    damagedClass: fc.constantFrom(...crewClassIds),
    finding: fc.option(fc.record({ system: fc.nat(), status: fc.constantFrom(...systemStatuses) }), { nil: undefined }),
    crewCount: fc.integer({ min: 1, max: 6 }),
    dragonTaken: fc.integer({ min: 0, max: 4 }),
    dragonImprovised: fc.integer({ min: 0, max: 2 }),
    soyuzTaken: fc.integer({ min: 0, max: 3 }),
    relocatable: fc.array(fc.boolean(), { minLength: 6, maxLength: 6 }),
    ageDays: fc.integer({ min: 1, max: 260 }),
    temps: fc.array(fc.integer({ min: 20, max: 50 }), { minLength: 6, maxLength: 6 }),
    humidity: fc.integer({ min: 40, max: 100 }),
    spread: fc.integer({ min: 0, max: 4 }),
    leak: fc.constantFrom(0, 0.05, 0.5, 2),
    deltaV: fc.integer({ min: 0, max: 250 }),
    backupDeltaV: fc.option(fc.integer({ min: 0, max: 250 }), { nil: undefined }),
    thrustersLost: fc.integer({ min: 0, max: 20 }),
    leadDays: fc.integer({ min: 1, max: 200 }),
    seatPolicy: fc.integer({ min: 0, max: 2 }),
    stationUnsafe: fc.boolean(),
  })
  .filter((r) => r.crewCount <= seatsOf(r.damagedClass) + 4 - r.dragonTaken + r.dragonImprovised + 3 - r.soyuzTaken)
  .map((r): Situation => {
    const damagedClass = vehicleCatalogue[r.damagedClass];
    if (!damagedClass) throw new Error(r.damagedClass);
    const setup: MissionSetup = {
      damagedVehicle: {
        ...resolveVehicle({ id: 'damaged', name: 'Damaged', class: r.damagedClass, dockedUtc: dayAfterLaunchUtc(1) }),
        launchedUtc: dayAfterLaunchUtc(0),
      },
      otherVehicles: [
        resolveVehicle({
          id: 'dragon',
          name: 'Dragon',
          class: 'crew-dragon',
          launchedUtc: dayAfterLaunchUtc(r.ageDays - 20),
          seatsTaken: r.dragonTaken,
          overrides: { improvisedSeats: { value: r.dragonImprovised, source: 'assumed', basis: 'test' } },
        }),
        resolveVehicle({
          id: 'soyuz',
          name: 'Soyuz',
          class: 'soyuz-ms',
          launchedUtc: dayAfterLaunchUtc(r.ageDays - 40),
          seatsTaken: r.soyuzTaken,
        }),
        resolveVehicle({ id: 'progress', name: 'Progress', class: 'progress-ms' }),
      ],
      crew: Array.from({ length: r.crewCount }, (_, i) => ({
        id: `c${i}`,
        name: `Crew ${i}`,
        canRelocateTo: r.relocatable[i] ? ['dragon', 'soyuz'] : [],
      })),
    };
    const values: Record<string, AssessedValue> = {
      descentModuleLeakRateKpaPerHour: ranged(r.leak, 0),
      deorbitDeltaVAvailableMps: ranged(r.deltaV, r.spread),
      ...Object.fromEntries(
        damagedClass.thrusterGroups.map((g) => [`thrustersLost.${g.id}`, { nominal: r.thrustersLost, source: 'assumed' }]),
      ),
      replacementLeadTimeDays: ranged(r.leadDays, r.spread),
      openCommonCauseQuestions: { nominal: 0, source: 'assumed' },
    };
    if (r.backupDeltaV !== undefined) values.backupDeorbitDeltaVAvailableMps = ranged(r.backupDeltaV, r.spread);
    const system = r.finding && damagedClass.systems[r.finding.system % damagedClass.systems.length];
    if (r.finding && system)
      values[statusKey(system.module, system.id)] = { nominal: statusSeverity[r.finding.status], source: 'assumed' };
    for (let n = 1; n <= r.crewCount; n++) {
      values[`peakCabinTempC.crew${n}`] = ranged((r.temps[n - 1] ?? 30) - 6 + n * 2, r.spread);
      values[`peakCabinHumidityPct.crew${n}`] = ranged(Math.min(100, r.humidity), 0);
    }
    return {
      setup,
      values,
      thresholds: { ...defaultThresholdValues, maxImprovisedSeatsPerVehicle: r.seatPolicy },
      nowUtc: dayAfterLaunchUtc(r.ageDays),
      stationUnsafe: r.stationUnsafe,
    };
  });

const withValue = (s: Situation, key: string, change: (v: AssessedValue) => AssessedValue): Situation => {
  const value = s.values[key];
  return value ? { ...s, values: { ...s.values, [key]: change(value) } } : s;
};
const shift = (by: number) => (v: AssessedValue) => ({
  ...v,
  nominal: v.nominal + by,
  ...(v.low === undefined ? {} : { low: v.low + by }),
  ...(v.high === undefined ? {} : { high: v.high + by }),
});

describe('vehicle catalogue', () => {
  it('every fact of every class names a FACTS.md key, or is assumed or not found with its basis', () => {
    for (const vehicleClass of Object.values(vehicleCatalogue)) {
      for (const [key, fact] of Object.entries(vehicleClass.facts)) {
        expect(fact.source, `${vehicleClass.id} ${key}`).toMatch(/^([A-Z0-9]+(-[A-Z0-9]+)*|assumed|not found)$/);
        if (fact.source === 'assumed' || fact.source === 'not found')
          expect(fact.basis, `${vehicleClass.id} ${key}`).toBeTruthy();
      }
    }
  });

  it('a cargo class has no seats and no descent modes; crew classes have a nominal mode first', () => {
    expect(vehicleCatalogue['progress-ms']?.facts.crewSeats?.value).toBe(0);
    expect(vehicleCatalogue['progress-ms']?.descentModes).toEqual([]);
    expect(crewClassIds.length).toBeGreaterThanOrEqual(6);
    for (const id of crewClassIds) expect(vehicleCatalogue[id]?.descentModes[0]?.kind, id).toBe('nominal');
  });

  it('every class is consistent: systems in its modules, none of a jettisoned module critical in entry, every fact stated', () => {
    for (const vehicleClass of Object.values(vehicleCatalogue))
      expect(vehicleClassProblems(vehicleClass), vehicleClass.id).toEqual([]);
    const broken = {
      ...(vehicleCatalogue['soyuz-ms'] as NonNullable<(typeof vehicleCatalogue)['soyuz-ms']>),
      systems: [{ id: 'heat-shield', label: 'Heat shield', module: 'instrument', criticalIn: ['entry'] as const }],
    };
    expect(vehicleClassProblems(broken)).toContainEqual({
      path: ['systems', 0, 'criticalIn'],
      message: expect.stringContaining('jettisoned before entry'),
    });
  });

  it('a fact with a range is read at its conservative end: the shorter life, the higher g-load', () => {
    const soyuz = resolveVehicle({ id: 's', name: 'S', class: 'soyuz-ms' });
    expect(fact(soyuz, 'certifiedLifeDays')).toBe(200);
    expect(fact(soyuz, descentFactKey('ballistic', 'peakG'))).toBe(8.6);
    const unknown = resolveVehicle({
      id: 's',
      name: 'S',
      class: 'soyuz-ms',
      overrides: { certifiedLifeDays: { value: null, source: 'not found', basis: 'test' } },
    });
    expect(fact(unknown, 'certifiedLifeDays')).toBeNaN();
  });
});

describe('properties of the policy over vehicles of several classes', () => {
  it('no recommended seat plan seats more crew on a vehicle than its seats (improvised within the seat policy), and each crew member once', () => {
    fc.assert(
      fc.property(situations, (s) => {
        const recommendation = recommend(s);
        const plan = recommendation.seatPlan;
        if (!plan) return;
        expect(plan.map((p) => p.crewId).sort()).toEqual(s.setup.crew.map((c) => c.id).sort());
        // Emergency-only places serve a lifeboat, never a ride home.
        if (recommendation.outcome.startsWith('return-')) expect(plan.filter((p) => p.seat === 'emergency-only')).toEqual([]);
        for (const vehicle of [s.setup.damagedVehicle, ...s.setup.otherVehicles]) {
          const seated = plan.filter((p) => p.vehicleId === vehicle.id);
          // In a crew swap the vehicle's own crew gives up its seats; otherwise its free places count.
          const capacity = seated.some((p) => p.seat === 'vacated')
            ? seatCapacity(vehicle, s.thresholds) + vehicle.seatsTaken
            : seatCapacity(vehicle, s.thresholds, 'lifeboat');
          expect(seated.length).toBeLessThanOrEqual(capacity);
        }
      }),
      { numRuns: 300 },
    );
  });

  it('zero crew aboard is never a reduced-crew return', () => {
    fc.assert(
      fc.property(situations, (s) => {
        const r = recommend(s);
        if (r.outcome === 'return-reduced-crew') expect(r.crewAboardDamagedVehicle).toBeGreaterThanOrEqual(1);
      }),
      { numRuns: 300 },
    );
  });

  it('one more working thruster, more propellant or a cooler cabin never turns a passing rule into a failing one', () => {
    const better: [string, (s: Situation) => Situation][] = [
      [
        'one more working thruster',
        (s) => withValue(s, 'attitudeThrustersLost', (v) => ({ ...v, nominal: Math.max(0, v.nominal - 1) })),
      ],
      [
        'more propellant',
        (s) => withValue(withValue(s, 'deorbitDeltaVAvailableMps', shift(7)), 'backupDeorbitDeltaVAvailableMps', shift(7)),
      ],
      [
        'a cooler cabin',
        (s) =>
          Object.keys(s.values)
            .filter((k) => k.startsWith('peakCabinTempC'))
            .reduce((t, k) => withValue(t, k, shift(-1.5)), s),
      ],
    ];
    fc.assert(
      fc.property(situations, fc.constantFrom(...better), (s, [, improve]) => {
        const before = everyEvaluation(s);
        const after = everyEvaluation(improve(s));
        expect(after.map(evaluationKey)).toEqual(before.map(evaluationKey));
        before.forEach((e, i) => {
          if (e.status === 'pass') expect(after[i]?.status, evaluationKey(e)).toBe('pass');
        });
      }),
      { numRuns: 300 },
    );
  });

  it('a vehicle-fact override changes only the evaluations of rules that read that fact', () => {
    const readers: Record<string, RegExp> = {
      crewSeats: /^seats\./,
      improvisedSeats: /^seats\./,
      certifiedLifeDays: /^vehicle-life\./,
      emergencyOnlyPlaces: /^seats\./,
      'thrusters.attitude': /^thrusters\.fault-tolerance$/,
      'thrusters.draco': /^thrusters\.fault-tolerance$/,
      'descent.controlled.minThrusters.attitude': /^thrusters\.fault-tolerance$/,
      deorbitDeltaVRequiredMps: /^propulsion\.deorbit-margin$/,
      [descentFactKey('controlled', 'peakG')]: /^descent\.peak-g-load$/,
    };
    fc.assert(
      fc.property(
        situations,
        fc.constantFrom(...Object.keys(readers)),
        fc.constantFrom('damaged', 'dragon'),
        fc.integer({ min: 0, max: 400 }),
        (s, fact, vehicleId, value) => {
          const override = (v: MissionSetup['otherVehicles'][number]) =>
            v.id === vehicleId && fact in v.facts
              ? {
                  ...v,
                  facts: {
                    ...v.facts,
                    [fact]: {
                      value: /Seats|Places/.test(fact) ? value % 8 : value / 10,
                      source: 'assumed',
                      basis: 'test',
                    },
                  },
                }
              : v;
          const setup = {
            ...s.setup,
            damagedVehicle: { ...override(s.setup.damagedVehicle), launchedUtc: s.setup.damagedVehicle.launchedUtc },
            otherVehicles: s.setup.otherVehicles.map(override),
          };
          const before = everyEvaluation(s);
          const after = everyEvaluation({ ...s, setup });
          expect(after.map(evaluationKey)).toEqual(before.map(evaluationKey));
          before.forEach((e, i) => {
            const changed = JSON.stringify(after[i]) !== JSON.stringify(e);
            if (changed) expect(e.ruleId, `${fact} changed ${evaluationKey(e)}`).toMatch(readers[fact] as RegExp);
          });
        },
      ),
      { numRuns: 300 },
    );
  });

  it('every threshold and input flip point, applied, changes the outcome; a value just short of it does not', () => {
    const short = (flip: { flipAt: number; inclusive: boolean; direction: 'raise' | 'lower' }, integer: boolean) => {
      const back = flip.direction === 'raise' ? -1 : 1;
      if (!flip.inclusive) return flip.flipAt;
      return integer ? flip.flipAt + back : flip.flipAt + back * Math.max(Math.abs(flip.flipAt), 1) * 1e-7;
    };
    const applied = (flip: { flipAt: number; inclusive: boolean; direction: 'raise' | 'lower' }) =>
      flip.inclusive
        ? flip.flipAt
        : flip.flipAt + (flip.direction === 'raise' ? 1 : -1) * Math.max(Math.abs(flip.flipAt), 1) * 1e-7;
    fc.assert(
      fc.property(situations, (s) => {
        const recommendation = recommend(s);
        for (const flip of flipPoints(s, recommendation)) {
          const unit = thresholdDefinitionByKey.get(flip.thresholdKey)?.unit;
          const integer = unit !== undefined && plausibleRangeByUnit[unit].integer === true;
          const at = (value: number) => recommend({ ...s, thresholds: { ...s.thresholds, [flip.thresholdKey]: value } }).outcome;
          expect(at(applied(flip)), flip.thresholdKey).toBe(flip.newOutcome);
          expect(at(short(flip, integer)), flip.thresholdKey).toBe(recommendation.outcome);
        }
        for (const flip of inputFlipPoints(s, recommendation)) {
          const integer = quantityOfKey(flip.quantityKey)?.definition.range.integer === true;
          const at = (value: number) =>
            recommend({
              ...s,
              values: {
                ...s.values,
                [flip.quantityKey]: { ...(s.values[flip.quantityKey] as AssessedValue), [flip.end]: value },
              } as AssessedValues,
            }).outcome;
          expect(at(applied(flip)), flip.quantityKey).toBe(flip.newOutcome);
          expect(at(short(flip, integer)), flip.quantityKey).toBe(recommendation.outcome);
        }
      }),
      { numRuns: 120 },
    );
  });

  /** Each threshold the recommendation reads, its value and its plausible range. */
  const thresholdsRead = (s: Situation, recommendation: ReturnType<typeof recommend>) =>
    [...new Set(recommendationEvaluations(recommendation).map((e) => e.thresholdKey))].flatMap((key) => {
      const unit = thresholdDefinitionByKey.get(key)?.unit;
      const current = s.thresholds[key];
      return unit === undefined || current === undefined ? [] : [{ key, current, ...plausibleRangeByUnit[unit] }];
    });

  it('a threshold flips where asking the policy at every crossing of its rules, nearest first, finds it first', () => {
    fc.assert(
      fc.property(situations, (s) => {
        const recommendation = recommend(s);
        const flips = flipPoints(s, recommendation);
        const probe = everyEvaluation(s);
        for (const { key, current, min, max, integer } of thresholdsRead(s, recommendation)) {
          if (integer) continue;
          for (const direction of ['raise', 'lower'] as const) {
            const toward = direction === 'raise' ? 1 : -1;
            // Every crossing, at it and just beyond it, without skipping any: the search as first written.
            const tries = probe
              .filter((e) => e.thresholdKey === key && e.value !== null && Number.isFinite(e.value))
              .flatMap((e) => {
                const x = e.value as number;
                return [
                  { at: x, flipAt: x, inclusive: true },
                  { at: x + toward * Math.max(Math.abs(x), 1) * 1e-9, flipAt: x, inclusive: false },
                ];
              })
              .filter(({ at }) => (at - current) * toward > 0 && at >= min && at <= max)
              .sort((a, b) => (a.at - b.at) * toward);
            const first = tries.find(
              ({ at }) => recommend({ ...s, thresholds: { ...s.thresholds, [key]: at } }).outcome !== recommendation.outcome,
            );
            const found = flips.find((f) => f.thresholdKey === key && f.direction === direction);
            expect(found && { flipAt: found.flipAt, inclusive: found.inclusive }, `${key} ${direction}`).toEqual(
              first && { flipAt: first.flipAt, inclusive: first.inclusive },
            );
          }
        }
      }),
      { numRuns: 120 },
    );
  });

  it('a whole-number threshold flips where a scan of every whole number finds it first, each way', () => {
    fc.assert(
      fc.property(situations, (s) => {
        const recommendation = recommend(s);
        const flips = flipPoints(s, recommendation);
        for (const { key, current, min, max, integer } of thresholdsRead(s, recommendation)) {
          if (!integer) continue;
          for (const direction of ['raise', 'lower'] as const) {
            let scanned: number | null = null;
            for (
              let at = current + (direction === 'raise' ? 1 : -1);
              at >= min && at <= max;
              at += direction === 'raise' ? 1 : -1
            ) {
              if (recommend({ ...s, thresholds: { ...s.thresholds, [key]: at } }).outcome !== recommendation.outcome) {
                scanned = at;
                break;
              }
            }
            const found = flips.find((f) => f.thresholdKey === key && f.direction === direction);
            expect(found?.flipAt ?? null, `${key} ${direction}`).toBe(scanned);
          }
        }
      }),
      { numRuns: 120 },
    );
  });
});
