/**
 * What a draft's fields may name, worked out from the draft itself and the model's vocabulary: the
 * sources the file lists, its vehicles and crew, the damaged vehicle's class (from the catalogue, or
 * described in the file). The editor offers these; the scenario checks decide what is valid.
 */
import { possibleValuesWords, reportedQuantities } from '../../../machines/rules/quantities';
import { eventMeanings } from '../../../machines/statechart/eventMeanings';
import { vehicleCatalogue } from '../../../machines/vehicles/catalogue';
import type { DraftEdit, DraftFile, DraftPath } from './scenarioDraft';

type JsonValue = Extract<DraftEdit, { kind: 'set' }>['value'];

type Json = Record<string, unknown>;
const record = (value: unknown): Json =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Json) : {};
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
const ids = (items: unknown[]) => items.map((item) => record(item).id).filter((id): id is string => typeof id === 'string');

export interface ClassChoices {
  modules: string[];
  systems: { id: string; module: string; label: string }[];
  thrusterGroups: string[];
  /** Fact keys with the class's own value, for an override to start from. */
  facts: Record<string, unknown>;
}

/** A vehicle class named by id (the catalogue's) or described in the file; null while neither. */
export function classChoices(vehicleClass: unknown): ClassChoices | null {
  const described = typeof vehicleClass === 'string' ? vehicleCatalogue[vehicleClass] : vehicleClass;
  if (typeof described !== 'object' || described === null) return null;
  const c = described as unknown as Json;
  return {
    modules: ids(list(c.modules)),
    systems: list(c.systems).map((s) => {
      const { id, module, label } = record(s);
      return { id: String(id ?? ''), module: String(module ?? ''), label: String(label ?? '') };
    }),
    thrusterGroups: ids(list(c.thrusterGroups)),
    facts: record(c.facts),
  };
}

export interface DraftChoices {
  /** What a citation may name: the file's own source keys, then "derived" and "assumed". */
  sourceKeys: string[];
  otherVehicleIds: string[];
  crewIds: string[];
  damagedClass: ClassChoices | null;
}

export function draftChoices({ sources, setup: setupPart }: { sources?: unknown; setup?: unknown }): DraftChoices {
  const setup = record(setupPart);
  return {
    sourceKeys: [...Object.keys(record(sources)), 'derived', 'assumed'],
    otherVehicleIds: ids(list(setup.otherVehicles)),
    crewIds: ids(list(setup.crew)),
    damagedClass: classChoices(record(setup.damagedVehicle).class),
  };
}

/** Every event type, with what it means (the words the published schema carries). */
export const eventTypeChoices = Object.entries(eventMeanings).map(([type, meaning]) => ({ type, meaning }));

/** Each quantity with its unit and the values physically possible (outside them a value is refused). */
export const quantityChoices = reportedQuantities.map((q) => ({
  name: q.name,
  label: q.label,
  unit: q.unit,
  perCrewCount: q.perCrewCount,
  possible: possibleValuesWords(q),
}));

/** The class facts a vehicle may override, from the catalogue class it starts from. */
export const catalogueClasses = Object.values(vehicleCatalogue).map(({ id, name }) => ({ id, name }));

/**
 * A vehicle's class made its own, to describe in the file: the catalogue class it had, under an id of
 * its own, and the sources that class cites added to the file's (a file cites only its own sources).
 */
export function ownClassEdit(file: DraftFile, vehiclePath: DraftPath, classId: unknown, vehicleId: string): DraftEdit {
  const from = (typeof classId === 'string' ? vehicleCatalogue[classId] : undefined) ?? Object.values(vehicleCatalogue)[0];
  const base = structuredClone(from) as unknown as Json;
  const ownClass = { ...base, id: `${vehicleId || 'vehicle'}-class`, name: `${String(base.name)} (own class)` };
  const sources = { ...record(file.sources) };
  for (const key of citedKeys(base)) {
    if (!(key in sources) && key !== 'derived' && key !== 'assumed')
      sources[key] = `${key}, as the ${String(base.name)} class of the catalogue cites it (FACTS.md)`;
  }
  return {
    kind: 'together',
    edits: [
      { kind: 'set', path: [...vehiclePath, 'class'], value: ownClass as JsonValue },
      { kind: 'set', path: ['sources'], value: sources as JsonValue },
    ],
  };
}

/** Every `source` a class's facts and life cite. */
function citedKeys(value: unknown, found = new Set<string>()): Set<string> {
  if (Array.isArray(value)) for (const item of value) citedKeys(item, found);
  else if (typeof value === 'object' && value !== null)
    for (const [key, v] of Object.entries(value)) {
      if (key === 'source' && typeof v === 'string') found.add(v);
      else citedKeys(v, found);
    }
  return found;
}
