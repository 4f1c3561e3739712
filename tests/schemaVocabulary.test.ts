import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { reportedQuantityNames } from '../machines/rules/quantities';
import { systemStatuses } from '../machines/rules/systemStatus';
import { crewReturnEventTypes } from '../machines/statechart/events';
import { vehicleCatalogue } from '../machines/vehicles/catalogue';
import { scenarioDir } from './support';

type Node = { [key: string]: unknown };
const schema = JSON.parse(readFileSync(join(scenarioDir, 'schema.json'), 'utf8')) as Node;

/** Every `{ const, description }` and every `enum` in the published schema, wherever they sit. */
function vocabulary(node: unknown, described = new Map<string, string[]>(), enums = new Set<string>()) {
  if (Array.isArray(node)) for (const item of node) vocabulary(item, described, enums);
  else if (typeof node === 'object' && node !== null) {
    const { const: value, description, enum: values } = node as Node;
    if (typeof value === 'string' && typeof description === 'string')
      described.set(value, [...(described.get(value) ?? []), description]);
    if (Array.isArray(values)) for (const v of values) enums.add(String(v));
    for (const child of Object.values(node)) vocabulary(child, described, enums);
  }
  return { described, enums };
}

const { described, enums } = vocabulary(schema);
const systemIds = [...new Set(Object.values(vehicleCatalogue).flatMap((c) => c.systems.map((s) => s.id)))];

describe('scenarios/schema.json names the model’s vocabulary, each name with a description (an editor completes them)', () => {
  it.each([
    ['quantity', reportedQuantityNames],
    ['system status', systemStatuses],
    ['event type', crewReturnEventTypes],
    ['system of the catalogue', systemIds],
  ] as const)('every %s', (_, names) => {
    expect(names.length).toBeGreaterThan(0);
    const undescribed = names.filter((name) => !(described.get(name) ?? []).some((d) => d.trim().length > 0));
    expect(undescribed).toEqual([]);
  });

  it('quantities and statuses are enums, so a value outside them is refused by the JSON Schema too', () => {
    for (const name of [...reportedQuantityNames, ...systemStatuses]) expect(enums).toContain(name);
  });

  it("a quantity's description gives its unit and possible range", () => {
    expect(described.get('peakCabinTempC')).toContainEqual(expect.stringMatching(/°C.*per crew count.*-100 to 150/));
    expect(described.get('thrustersLost')).toContainEqual(expect.stringMatching(/count.*whole numbers from 0 to 64/));
  });
});
