/**
 * Words the published JSON Schema gives (an editor shows them as it completes a name) that no problem
 * message reads: kept here, out of the runtime schema the app's first screen loads. A field whose
 * description a problem message quotes (scenarios/issueWords.ts reads it) keeps it in the schema itself.
 */
import { eventMeanings } from '../machines/statechart/eventMeanings';
import { crewReturnEventSchema } from '../machines/statechart/events';
import type { z } from '../machines/zod';
import { damagedVehicleSchema, otherVehicleSchema, scenarioShape } from './shape';
import { factSchema, vehicleClassSchema } from './vehicleClassSchema';

/** Each schema's description, by the schema itself (as `.describe()` would have registered it). */
export function jsonSchemaWords(): ReadonlyMap<z.core.$ZodType, string> {
  const words = new Map<z.core.$ZodType, string>();
  for (const option of crewReturnEventSchema.options) words.set(option.shape.type, eventMeanings[option.shape.type.value]);
  // Optional fields: a problem names what the field itself expects, never the optional around it.
  // A finding's and a report's fields are the same schemas (events.ts spreads one `report` into both).
  for (const { shape } of crewReturnEventSchema.options)
    if ('thrusterGroup' in shape) {
      words.set(shape.thrusterGroup, 'the thruster group of the vehicle class a thruster count is about');
      words.set(shape.module, 'the module of the vehicle class the finding is about');
      words.set(shape.odds, 'other statuses the system may be in, each with its probability; the stated status has the rest');
    }
  // Every vehicle's fields are the same schemas (shape.ts spreads one `vehicleFields` into each).
  const vehicle = damagedVehicleSchema.shape;
  words.set(vehicle.sources, 'sources for its launch date and seats taken');
  words.set(vehicle.dockedUtc, 'when it docked: needed for a class whose life counts from docking');
  words.set(vehicle.overrides, 'class facts this vehicle differs in, each with a source');
  words.set(otherVehicleSchema.shape.seatsTaken, "seats taken by the vehicle's own crew, not in this case");
  words.set(
    otherVehicleSchema.shape.ownCrew,
    "the names of the vehicle's own crew (a plan that leaves them waiting names them); seatsTaken defaults to their number",
  );
  words.set(vehicleClassSchema.shape.systems.element.shape.judgedBy, 'quantities whose limits judge damage to it');
  // Unions and short enums: their problems list the values or come from their own `error`.
  words.set(factSchema.shape.value, 'the figure, or "unknown" when no source gives it');
  words.set(
    scenarioShape.shape.kind,
    'historical (it happened, as the sources say) or hypothetical (a what-if; a copy of a case is hypothetical)',
  );
  return words;
}
