import { writeFileSync } from 'node:fs';
import { layoutFileText, statechartLayoutNow, statechartLayoutPath } from './statechartLayout';

writeFileSync(statechartLayoutPath, layoutFileText(await statechartLayoutNow()));
console.log(`wrote ${statechartLayoutPath.pathname}`);
