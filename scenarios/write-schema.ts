import { writeFileSync } from 'node:fs';
import { scenarioJsonSchema } from './jsonSchema';

const path = new URL('./schema.json', import.meta.url);
writeFileSync(path, `${JSON.stringify(scenarioJsonSchema(), null, 2)}\n`);
console.log(`wrote ${path.pathname}`);
