/**
 * The names a scenario or an event uses, each with what it means: the schema reads them, and the
 * published JSON Schema carries each meaning so a text editor completes the name and shows it.
 */

import { possibleValuesWords, reportedQuantities, reportedQuantityNames } from '../rules/quantities';
import { type SystemStatus, systemStatuses } from '../rules/systemStatus';
import { vehicleCatalogue } from '../vehicles/catalogue';
import { z } from '../zod';

/** `{ const, description }` for each name: how JSON Schema gives every value of an enum its own words. */
const described = (meanings: readonly (readonly [string, string])[]) =>
  meanings.map(([name, description]) => ({ const: name, description }));

/** Each quantity's meaning, unit, range and which way is worse, from its definition (quantities.ts). */
const quantityMeanings: readonly (readonly [string, string])[] = reportedQuantities.map((q) => [
  q.name,
  `${q.label}, in ${q.unit}${q.perCrewCount ? ', per crew count (give crewCount)' : ''}; possible values ${possibleValuesWords(q)}; ${q.worse} is worse`,
]);

/** The quantities to complete, each with its meaning. */
export const quantityCompletions = {
  description: 'a quantity a finding or report sets (its value in the unit named), or a vehicle class judges a system by',
  anyOf: described(quantityMeanings),
};

/**
 * A quantity's name: typed as text (an event of the record may carry a name this model no longer reads),
 * refused unless the model knows it; the refusal carries the names so a message can offer the closest.
 */
export const quantityNameSchema = z
  .string()
  .refine((name) => (reportedQuantityNames as readonly string[]).includes(name), {
    message: 'a quantity the model knows (schema.json lists them)',
    params: { names: reportedQuantityNames },
  })
  .meta({ id: 'QuantityName', enum: [...reportedQuantityNames], ...quantityCompletions });

const statusWords: Readonly<Record<SystemStatus, string>> = {
  nominal: 'works as its class says (a finding can clear a system back to it)',
  suspect: 'may be damaged, not yet judged (e.g. the same design failed elsewhere): fails the nominal tier',
  degraded: 'damaged but working with less margin: fails the nominal tier, may pass the emergency tier',
  failed: 'does not work: fails every tier where the system is critical',
  uncleared: 'cannot be judged before the decision: a rule reads it as unknown, so it never passes',
};
const statusMeanings = systemStatuses.map((s) => [s, statusWords[s]] as const);

export const systemStatusSchema = z.enum(systemStatuses).meta({
  id: 'SystemStatus',
  description: 'what a finding says of a system',
  anyOf: described(statusMeanings),
});

/** Every system of the catalogue's classes: what it is and the phases it is critical in, then the classes that have it so. */
const systemMeanings: readonly (readonly [string, string])[] = (() => {
  const byId = new Map<string, Map<string, string[]>>();
  for (const vehicleClass of Object.values(vehicleCatalogue))
    for (const system of vehicleClass.systems) {
      const what = `${system.label}, critical in ${system.criticalIn.join(', ') || 'no phase'}`;
      const kinds = byId.get(system.id) ?? new Map<string, string[]>();
      kinds.set(what, [...(kinds.get(what) ?? []), `${vehicleClass.id} (${system.module})`]);
      byId.set(system.id, kinds);
    }
  return [...byId].map(
    ([id, kinds]) => [id, [...kinds].map(([what, classes]) => `${what}: ${classes.join(', ')}`).join('; ')] as const,
  );
})();

/** The catalogue's systems to complete, and any id besides: a class described in the file names its own. */
export const systemCompletions = {
  anyOf: [...described(systemMeanings), { description: 'or a system of a vehicle class described in the file' }],
};
