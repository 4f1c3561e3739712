import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isThresholdKey } from '../machines/policy/thresholds';
import type { CrewReturnInput } from '../machines/statechart/context';
import type { CrewReturnEvent } from '../machines/statechart/events';
import { decidableOutcomes } from '../machines/types';
import { extendFold, type RecordedEvent, type SessionFold, startFold } from '../src/session/fold';
import { by, dayAfterLaunchUtc, modelInput, type UnstampedEvent } from './support';

const value = fc.record({ nominal: fc.double({ min: 0, max: 300, noNaN: true }), source: fc.constant('assumed') });
const eventArb: fc.Arbitrary<UnstampedEvent> = fc.oneof(
  fc.constantFrom(
    ...(
      [
        'anomaly.detect',
        'safing.complete',
        'station.emergency',
        'inspection.complete',
        'assessment.complete',
        'campaign.interimPlanInPlace',
        'commonCause.clear',
        'replacement.launch',
        'replacement.dock',
        'seats.transfer',
        'damagedVehicle.returnUncrewed',
        'return.undock',
        'return.deorbit',
        'return.land',
        'decision.confirm',
      ] as const
    ).map((type) => ({ type })),
  ),
  fc.record({
    type: fc.constantFrom('inspection.finding' as const, 'assessment.report' as const),
    quantity: fc.constantFrom('peakCabinTempC', 'peakCabinHumidityPct', 'replacementLeadTimeDays', 'attitudeThrustersLost'),
    crewCount: fc.integer({ min: 1, max: 3 }),
    value,
  }),
  fc.record({
    type: fc.constant('decision.override' as const),
    outcome: fc.constantFrom(...decidableOutcomes),
    rationale: fc.string(),
  }),
  fc.record({
    type: fc.constant('thresholds.change' as const),
    key: fc.constantFrom('maxDescentCabinTempC.nominal', 'maxDescentCabinTempC.emergency', 'certifiedLifeDays', 'bogus'),
    value: fc.double({ noNaN: false }),
  }),
  fc.record({
    type: fc.constant('seats.relocate' as const),
    crewId: fc.constantFrom('cdr', 'fe2', 'nobody'),
    vehicleId: fc.constantFrom('dragon', 'soyuz', 'nowhere'),
  }),
  fc.record({ type: fc.constant('commonCause.raise' as const), holdDays: value }),
);

const sessionEvents = fc.array(eventArb, { maxLength: 40 }).map((events) =>
  events.map(
    (event, i): RecordedEvent => ({
      wallClockUtc: '2026-11-25T00:00:00Z',
      // Arbitrary payloads on purpose: the fold must take whatever a tampered record could hold.
      event: { ...event, at: dayAfterLaunchUtc(100 + i), by } as CrewReturnEvent,
    }),
  ),
);

const foldEvents = (input: CrewReturnInput, events: readonly RecordedEvent[]) => extendFold(startFold(input), events);

describe('session fold', () => {
  it('property: the fold is deterministic and random event sequences never throw', () => {
    fc.assert(
      fc.property(sessionEvents, (events) => {
        const a = foldEvents(modelInput, events);
        const b = foldEvents(modelInput, structuredClone(events));
        expect(b.steps).toEqual(a.steps);
        expect(JSON.parse(JSON.stringify(b.snapshot.context))).toEqual(JSON.parse(JSON.stringify(a.snapshot.context)));
      }),
      { numRuns: 300 },
    );
  });

  it('property: each step is applied exactly when the machine takes the event; a refused one changes nothing and says why', () => {
    fc.assert(
      fc.property(sessionEvents, (events) => {
        const { steps } = foldEvents(modelInput, events);
        for (const { before, after, event, record } of steps) {
          const taken = before.status !== 'done' && (event.type === 'session.note' || before.can(event));
          expect(record.applied).toBe(taken);
          if (record.applied) expect(record.refusal).toBeNull();
          else {
            expect(after).toBe(before);
            expect(record.refusal).toMatch(/\w/);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  it('property: extending a fold one event at a time equals folding them all at once', () => {
    fc.assert(
      fc.property(sessionEvents, fc.nat(40), (events, split) => {
        const start = foldEvents(modelInput, events.slice(0, split));
        const extended = events.slice(split).reduce((fold, event) => extendFold(fold, [event]), start);
        const whole = foldEvents(modelInput, events);
        expect(extended.steps.map((s) => s.record)).toEqual(whole.steps.map((s) => s.record));
        expect(extended.snapshot.value).toEqual(whole.snapshot.value);
        expect(extended.snapshot.status).toEqual(whole.snapshot.status);
        expect(extended.snapshot.context).toEqual(whole.snapshot.context);
      }),
      { numRuns: 200 },
    );
  });

  it('property: two branches from one fold (a continuation, then another from the same point) each equal their whole fold', () => {
    fc.assert(
      fc.property(sessionEvents, sessionEvents, fc.nat(40), (events, other, split) => {
        const start = foldEvents(modelInput, events.slice(0, split));
        const onOneEvent = (from: SessionFold, tail: readonly RecordedEvent[]) =>
          tail.reduce((fold, event) => extendFold(fold, [event]), from);
        const first = onOneEvent(start, events.slice(split));
        const second = onOneEvent(start, other);
        const again = onOneEvent(first, other);
        for (const [branch, whole] of [
          [first, events],
          [second, [...events.slice(0, split), ...other]],
          [again, [...events, ...other]],
        ] as const) {
          const expected = foldEvents(modelInput, whole);
          expect(branch.steps.map((s) => s.record)).toEqual(expected.steps.map((s) => s.record));
          expect(branch.snapshot.value).toEqual(expected.snapshot.value);
          expect(branch.snapshot.context).toEqual(expected.snapshot.context);
        }
      }),
      { numRuns: 100 },
    );
  });

  it('property: an invalid threshold change is never applied', () => {
    fc.assert(
      fc.property(sessionEvents, (events) => {
        const { snapshot } = foldEvents(modelInput, events);
        expect(Object.keys(snapshot.context.thresholds).filter((key) => !isThresholdKey(key))).toEqual([]);
        for (const v of Object.values(snapshot.context.thresholds)) expect(Number.isFinite(v)).toBe(true);
      }),
      { numRuns: 200 },
    );
  });

  it('an override needs a rationale and is recorded as an override', () => {
    const stamp = (event: UnstampedEvent, _seq: number): RecordedEvent => ({
      wallClockUtc: '2026-11-25T00:00:00Z',
      event: { ...event, at: dayAfterLaunchUtc(100), by } as CrewReturnEvent,
    });
    const toDecision = [
      { type: 'anomaly.detect' },
      { type: 'safing.complete' },
      { type: 'inspection.complete' },
      { type: 'assessment.complete' },
    ] as const;
    const events = toDecision.map((e, i) => stamp(e, i + 1));
    const empty = foldEvents(modelInput, [
      ...events,
      stamp({ type: 'decision.override', outcome: 'return-on-damaged-vehicle', rationale: '  ' }, 5),
    ]);
    expect(empty.steps.at(-1)?.record).toMatchObject({ applied: false, refusal: expect.stringContaining('rationale') });
    const override = foldEvents(modelInput, [
      ...events,
      stamp({ type: 'decision.override', outcome: 'return-on-damaged-vehicle', rationale: 'waiver: crew health' }, 5),
    ]);
    expect(override.snapshot.value).toEqual({ returnOnDamagedVehicle: 'awaitingUndock' });
    expect(override.snapshot.context.decision).toMatchObject({
      kind: 'overridden',
      outcome: 'return-on-damaged-vehicle',
      rationale: 'waiver: crew health',
    });
    expect(override.snapshot.context.decision?.recommendation.outcome).toBe('launch-replacement');
  });
});
