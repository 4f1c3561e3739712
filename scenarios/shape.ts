/** The scenario file's fields, each checked alone; schema.ts adds the checks across fields (checks.ts). */

import { crewReturnEventSchema, idSchema as id, isoUtc, sourceKey } from '../machines/statechart/events';
import { decidableOutcomes } from '../machines/types';
import { vehicleClassIds } from '../machines/vehicles/catalogue';
import { z } from '../machines/zod';
import { closestWords, foundWords } from './issueWords';
import { factSchema, vehicleClassSchema } from './vehicleClassSchema';

/** The file format this schema reads; files of the earlier format are refused with what changed (or migrated). */
export const scenarioFormat = 2;

const vehicleFields = {
  id,
  name: z.string().min(1),
  class: z
    .union([z.enum(vehicleClassIds), vehicleClassSchema], {
      error: (issue) =>
        typeof issue.input === 'string'
          ? `a vehicle class of the catalogue or a class described in full, got ${foundWords(issue.input)}${closestWords(issue.input, vehicleClassIds)}`
          : undefined,
    })
    .describe('a vehicle class of the catalogue (machines/vehicles/catalogue) by id, or a class described in full'),
  sources: z.array(sourceKey).optional(),
  note: z.string().min(1).optional(),
  dockedUtc: isoUtc.optional(),
  overrides: z.record(z.string(), factSchema).optional(),
};

/**
 * What a scripted event adds to the machine's: it must describe itself and cite its sources. Strict, as
 * the event is: an intersection reports a field only both sides refuse, so a loose side here would let
 * a misspelt field of any event (`holdDay`) through, dropped.
 */
export const scriptedStamp = z.strictObject({
  description: z.string().min(1).describe('what happened, in a sentence'),
  sources: z.array(sourceKey).min(1).describe('the sources it rests on: keys of this file\'s sources, "derived" or "assumed"'),
});

/** A scripted event: one of the machine's events, describing itself and citing its sources. */
export const scenarioEventSchema = z.intersection(crewReturnEventSchema, scriptedStamp);

export const damagedVehicleSchema = z
  .strictObject({ ...vehicleFields, launchedUtc: isoUtc })
  .describe('the damaged vehicle: id, name, class and launch time');

export const otherVehicleSchema = z
  .strictObject({
    ...vehicleFields,
    launchedUtc: isoUtc.optional(),
    seatsTaken: z.number().int().min(0).max(7).optional(),
    ownCrew: z.array(z.string().min(1)).max(7).optional(),
  })
  .describe('a vehicle docked beside the damaged one: id, name, class');

export const crewMemberSchema = z
  .strictObject({
    id,
    name: z.string().min(1),
    canRelocateTo: z.array(id).describe('ids of setup.otherVehicles this person may move to (their seat liner fits there)'),
  })
  .describe('a crew member: id, name and the vehicles they may move to');

export const sourcesSchema = z
  .record(z.string(), z.string().min(1))
  .describe('the sources this file cites: FACTS.md source key → citation');

/** What a case may be expected to come to: a decision, a nominal return, or none (escalated). */
export const expectedOutcomes = [...decidableOutcomes, 'nominal-return', 'undecided'] as const;
const expectedOutcome = z.enum(expectedOutcomes);

export const scenarioShape = z.strictObject({
  $schema: z.string().optional(),
  format: z.literal(scenarioFormat, {
    error: `"format": ${scenarioFormat}. A file without it is in the earlier format, which changed: findings name the module, system and status they concern; thruster losses are per group (thrustersLost with a thrusterGroup, was attitudeThrustersLost) and so are thruster facts (thrusters.<group>, descent.<mode>.minThrusters.<group>); the thermal estimate stands in only while a finding degrades the cooling system. \`npm run migrate -- <file>\` converts such a file`,
  }),
  id,
  title: z.string().min(1).describe('the title, as the library lists it'),
  kind: z.enum(['historical', 'hypothetical']),
  summary: z.string().min(1).describe('the case in a sentence or two'),
  sources: sourcesSchema,
  expected: z
    .strictObject({
      outcome: expectedOutcome,
      finalState: z.string().min(1),
      crewAboardDamagedVehicle: z.number().int().min(0).optional(),
      seatByCrewId: z.record(z.string(), z.string()).optional(),
      passesThrough: z.array(z.string().min(1)).optional(),
    })
    .describe('what the case comes to under the default thresholds (the scenario tests assert it): outcome and final state'),
  setup: z
    .strictObject({
      startUtc: isoUtc.describe('when the case starts: no vehicle launches after it, no event comes before it'),
      damagedVehicle: damagedVehicleSchema,
      otherVehicles: z.array(otherVehicleSchema).describe('the other vehicles docked at the station, a list (it may be empty)'),
      crew: z
        .array(crewMemberSchema)
        .min(1)
        .max(7)
        .describe('the crew, a list of people with their seats (1 to 7), each with the vehicles they may move to'),
    })
    .describe('the station at the start: the damaged vehicle, the others docked and the crew'),
  events: z.array(scenarioEventSchema).describe('the timeline, in time order: findings, reports, decisions, campaign events'),
});

export type ScenarioShape = z.infer<typeof scenarioShape>;
