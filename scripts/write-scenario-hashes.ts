import { writeFileSync } from 'node:fs';
import { builtInScenarioHashesNow, hashesModule } from './scenarioHashes';

const path = new URL('../src/record/builtInScenarioHashes.ts', import.meta.url);
writeFileSync(path, hashesModule(await builtInScenarioHashesNow()));
console.log(`wrote ${path.pathname}`);
