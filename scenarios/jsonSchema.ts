/** The scenario schema as JSON Schema, for `npm run schema` (its own module: the app never loads Zod's JSON Schema writer). */
import { z } from '../machines/zod';
import { jsonSchemaWords } from './jsonSchemaWords';
import { scenarioSchema } from './schema';
import { scriptedStamp } from './shape';

export function scenarioJsonSchema(): unknown {
  const words = jsonSchemaWords();
  return z.toJSONSchema(scenarioSchema, {
    io: 'input',
    unrepresentable: 'any',
    // In JSON Schema `allOf` each part judges every field: the event's own part names the fields allowed.
    override: ({ zodSchema, jsonSchema }) => {
      if (zodSchema === scriptedStamp) delete jsonSchema.additionalProperties;
      const description = words.get(zodSchema);
      if (description !== undefined) placeDescription(zodSchema, jsonSchema, description);
    },
  });
}

/**
 * Where `.describe()` put a description, so the published file reads as it did: first in an optional
 * field (Zod copies the inner schema's keywords in after the optional's own), last everywhere else.
 */
function placeDescription(zodSchema: z.core.$ZodType, jsonSchema: Record<string, unknown>, description: string): void {
  if (zodSchema._zod.def.type !== 'optional') {
    jsonSchema.description = description;
    return;
  }
  // The inner schema's own description (an id's, say) gives way to the field's.
  const keywords = Object.entries(jsonSchema).filter(([key]) => key !== 'description');
  for (const key of Object.keys(jsonSchema)) delete jsonSchema[key];
  Object.assign(jsonSchema, { description }, Object.fromEntries(keywords));
}
