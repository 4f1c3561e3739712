/** The team server's figures (issue 24), after the rest of the bench or alone with BENCH_ONLY=team. */
import type { Scenario } from '../scenarios/schema';
import type { ThresholdProfile } from '../src/session/profile';
import { printLongLogTables } from './longLogTable';
import { printReplayCostTable } from './replayCost';
import { printTeamServerTables } from './teamServerTables';

export async function printTeamTables(scenario: Scenario, profile: ThresholdProfile): Promise<void> {
  const start = performance.now();
  await printTeamServerTables(scenario, profile);
  await printLongLogTables(scenario, profile);
  await printReplayCostTable(scenario, profile);
  console.log(`\nThe team server's figures took ${((performance.now() - start) / 1000).toFixed(0)} s.`);
}
