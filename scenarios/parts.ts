/**
 * The parts of a scenario that parse, each on its own: the checks across fields run on these, so a
 * file with a broken event still has its other events, vehicles and crew checked in the same pass.
 */

import type { z } from '../machines/zod';
import {
  crewMemberSchema,
  damagedVehicleSchema,
  otherVehicleSchema,
  type ScenarioShape,
  scenarioEventSchema,
  scenarioShape,
  sourcesSchema,
} from './shape';

type Shape = ScenarioShape;
type Setup = Shape['setup'];

export type ScenarioVehicle = Setup['damagedVehicle'] | Setup['otherVehicles'][number];

export interface ScenarioParts {
  sources?: Shape['sources'] | undefined;
  startUtc?: string | undefined;
  damagedVehicle?: Setup['damagedVehicle'] | undefined;
  /** By index; a vehicle that failed its shape is a hole. */
  otherVehicles: (Setup['otherVehicles'][number] | undefined)[];
  /** Set only when every other vehicle parsed: a check that a reference names one of them needs them all. */
  allOtherVehicles?: Setup['otherVehicles'] | undefined;
  crew: (Setup['crew'][number] | undefined)[];
  /** Set only when the whole crew list parsed (its length included). */
  allCrew?: Setup['crew'] | undefined;
  events: (Shape['events'][number] | undefined)[];
}

/** A scenario that passed its shape: every part is there. */
export function partsOf(scenario: ScenarioShape): ScenarioParts {
  const { sources, setup, events } = scenario;
  return {
    sources,
    startUtc: setup.startUtc,
    damagedVehicle: setup.damagedVehicle,
    otherVehicles: setup.otherVehicles,
    allOtherVehicles: setup.otherVehicles,
    crew: setup.crew,
    allCrew: setup.crew,
    events,
  };
}

/** Whatever of a draft parses, part by part (the shape's own issues are reported by the parse of the whole). */
export function salvageParts(draft: unknown): ScenarioParts {
  const root = record(draft);
  const setup = record(root?.setup);
  const otherVehicles = list(setup?.otherVehicles).map((v) => parsed(otherVehicleSchema, v));
  const crew = list(setup?.crew).map((c) => parsed(crewMemberSchema, c));
  const setupShape = scenarioShape.shape.setup.shape;
  return {
    sources: parsed(sourcesSchema, root?.sources),
    startUtc: parsed(setupShape.startUtc, setup?.startUtc),
    damagedVehicle: parsed(damagedVehicleSchema, setup?.damagedVehicle),
    otherVehicles,
    allOtherVehicles: parsed(setupShape.otherVehicles, setup?.otherVehicles),
    crew,
    allCrew: parsed(setupShape.crew, setup?.crew),
    events: list(root?.events).map((e) => parsed(scenarioEventSchema, e)),
  };
}

function parsed<S extends z.ZodType>(schema: S, value: unknown): z.output<S> | undefined {
  if (value === undefined) return undefined;
  const result = schema.safeParse(value);
  return result.success ? result.data : undefined;
}

const record = (value: unknown) =>
  typeof value === 'object' && value !== null && !Array.isArray(value) ? (value as Record<string, unknown>) : undefined;
const list = (value: unknown): unknown[] => (Array.isArray(value) ? value : []);
