import type { StatechartLayout } from './statechartGeometry';
import layoutJson from './statechartLayout.json';

/**
 * The crew-return chart as ELK laid it out when the machine last changed (`npm run statechart-layout`
 * writes the file; a test fails when it is stale): the chart only changes with the code, so the layout
 * engine stays out of the app.
 */
export const crewReturnLayout: StatechartLayout = layoutJson;
