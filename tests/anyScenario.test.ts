import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { reportedQuantities } from '../machines/rules/quantities';
import { systemStatuses } from '../machines/rules/systemStatus';
import type { VehicleClass } from '../machines/vehicles/vehicleClass';
import { classOf } from '../machines/vehicles/vehicles';
import { validateScenario } from '../src/files/scenarioFile';
import { formatRun } from '../src/reports/text';
import { defaultProfile } from '../src/session/profile';
import { runScenario } from '../src/session/runScenario';
import { builtInScenarioFiles, loadBuiltInScenario } from './support';

const scenarios = builtInScenarioFiles().map(loadBuiltInScenario);

/** A finding any class could be given: a status of one of its systems, a quantity, or both. */
const finding = fc.record({
  system: fc.option(fc.record({ index: fc.nat(), status: fc.constantFrom(...systemStatuses) }), { nil: undefined }),
  quantity: fc.option(
    fc.record({
      index: fc.nat(),
      crewCount: fc.integer({ min: 1, max: 3 }),
      share: fc.double({ min: 0, max: 1, noNaN: true }),
      spread: fc.double({ min: 0, max: 0.2, noNaN: true }),
    }),
    { nil: undefined },
  ),
});

type Finding = typeof finding extends fc.Arbitrary<infer T> ? T : never;

function findingEvent(f: Finding, vehicleClass: VehicleClass, at: string): Record<string, unknown> | null {
  const event: Record<string, unknown> = { type: 'inspection.finding', at, by: { name: 'Probe', role: 'inspection' } };
  const system = f.system ? vehicleClass.systems[f.system.index % Math.max(1, vehicleClass.systems.length)] : undefined;
  if (f.system && system) Object.assign(event, { module: system.module, system: system.id, status: f.system.status });
  const q = f.quantity ? reportedQuantities[f.quantity.index % reportedQuantities.length] : undefined;
  if (f.quantity && q) {
    const { min, max, integer } = q.range;
    const span = Math.min(max, min + 200) - min;
    const at = (share: number) => (integer ? Math.round(min + share * span) : min + share * span);
    const nominal = Math.max(at(f.quantity.share), q.range.minExclusive ? min + 1 : min);
    const high = Math.min(max, integer ? nominal : nominal + f.quantity.spread * span);
    Object.assign(event, { quantity: q.name, value: { nominal, high, source: 'assumed' } });
    if (q.perCrewCount) event.crewCount = f.quantity.crewCount;
    if (q.name === 'thrustersLost') {
      const group = vehicleClass.thrusterGroups[0];
      if (!group) return null;
      event.thrusterGroup = group.id;
    }
  }
  if (!event.status && !event.quantity) return null;
  return { ...event, description: 'a probe finding', sources: ['assumed'] };
}

describe('any scenario that passes the schema', () => {
  it('yields a recommendation whose explanation names its deciding row, never throws, never prints undefined', async () => {
    const profile = await defaultProfile();
    fc.assert(
      fc.property(fc.constantFrom(...scenarios), fc.array(finding, { maxLength: 4 }), (base, findings) => {
        const vehicleClass = classOf(base.setup.damagedVehicle) as VehicleClass;
        const inspected = base.events.findIndex((e) => e.type === 'inspection.complete');
        const anchor = base.events[Math.max(0, inspected)];
        const extra = findings.flatMap((f) => findingEvent(f, vehicleClass, anchor?.at ?? base.setup.startUtc) ?? []);
        const events = [...base.events];
        events.splice(Math.max(0, inspected), 0, ...(extra as never[]));
        const checked = validateScenario('probe.json', { ...base, events, expected: { ...base.expected } });
        fc.pre(checked.ok);
        if (!checked.ok) return;
        const run = runScenario(checked.value, profile, '2026-11-25T00:00:00Z');
        const text = formatRun(run);
        expect(text).not.toMatch(/undefined/);
        const recommendation = run.record.recommendation;
        if (recommendation) expect(text).toContain(recommendation.decidingRow.id);
      }),
      { numRuns: 60 },
    );
  });
});
