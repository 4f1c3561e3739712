/** The scenario schema as JSON Schema, for `npm run schema` (its own module: the app never loads Zod's JSON Schema writer). */
import { z } from '../machines/zod';
import { scenarioSchema } from './schema';
import { scriptedStamp } from './shape';

export function scenarioJsonSchema(): unknown {
  return z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    // In JSON Schema `allOf` each part judges every field: the event's own part names the fields allowed.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === scriptedStamp) delete jsonSchema.additionalProperties;
    },
  });
}
