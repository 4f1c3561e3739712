import { describe, expect, it } from 'vitest';
import { availableTransitions, crewReturnGraph } from '../machines/statechart/reachability';
import { defaultProfile } from '../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough } from '../src/session/walkthrough';
import { viewWalkthrough } from '../src/session/walkthroughView';
import { builtInScenarioFiles, loadBuiltInScenario } from './support';

describe('the statechart graph, walked through the built-in scenarios', () => {
  it('draws every state any built-in scenario passes through', async () => {
    const profile = await defaultProfile();
    for (const file of builtInScenarioFiles()) {
      const scenario = loadBuiltInScenario(file);
      const w = moveTo(
        openWalkthrough(scenario, profile, '2026-11-25T00:00:00Z'),
        scenario.events.length,
        '2026-11-25T00:01:00Z',
      );
      for (const step of foldWalkthrough(w).steps) {
        const id = `crewReturn.${step.record.stateAfter}`;
        expect(crewReturnGraph.nodeById.has(id), `${file}: ${id}`).toBe(true);
      }
    }
  });

  it('marks the edges that can fire now, guards included', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const walkthrough = moveTo(
      openWalkthrough(scenario, await defaultProfile(), '2026-11-25T00:00:00Z'),
      17,
      '2026-11-25T00:01:00Z',
    );
    const available = availableTransitions(viewWalkthrough(walkthrough).snapshot);
    const target = (id: string) => crewReturnGraph.edgeById.get(id)?.targetIds;
    const decision = 'crewReturn.anomaly.decision';
    expect(target(`${decision}:decision.confirm:2`)).toEqual(['crewReturn.replacementCampaign']);
    expect(available.has(`${decision}:decision.confirm:2`)).toBe(true);
    expect(target(`${decision}:decision.confirm:0`)).toEqual(['crewReturn.returnOnDamagedVehicle']);
    expect(available.has(`${decision}:decision.confirm:0`)).toBe(false);
    expect(target(`${decision}:decision.override:3`)).toEqual(['crewReturn.emergencyReturn']);
    expect(available.has(`${decision}:decision.override:3`)).toBe(true);
    // Every id named is an edge of the drawn graph.
    for (const id of available) expect(crewReturnGraph.edgeById.has(id), id).toBe(true);

    const held = availableTransitions(viewWalkthrough(moveTo(walkthrough, 21, '2026-11-25T10:01:00Z')).snapshot);
    expect([...held].some((id) => id.includes(':replacement.launch:'))).toBe(false);
    // The guarded branch that leaves the hold, not the one that stays.
    expect(held.has('crewReturn.replacementCampaign.launchHeld:commonCause.clear:0')).toBe(true);
    expect(held.has('crewReturn.replacementCampaign.launchHeld:commonCause.clear:1')).toBe(false);
  });
});
