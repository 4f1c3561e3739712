import { describe, expect, it } from 'vitest';
import { crewReturnMachine } from '../../machines/statechart/crewReturnMachine';
import { defaultProfile } from '../../src/session/profile';
import { moveTo, openWalkthrough, viewWalkthrough } from '../../src/session/walkthrough';
import { availableTransitions, type ChartState, chartFromMachine, refOf } from '../../src/ui/walkthrough/statechartModel';
import { loadBuiltInScenario } from '../support';

describe('statechart model', () => {
  it('is read from the machine definition: every state appears', () => {
    const ids: string[] = [];
    const walk = (s: ChartState) => {
      ids.push(s.id);
      s.children.forEach(walk);
    };
    walk(chartFromMachine());
    const countNodes = (node: typeof crewReturnMachine.root): number =>
      1 + Object.values(node.states).reduce((n, c) => n + countNodes(c), 0);
    expect(ids).toContain('crewReturn.replacementCampaign.launchHeld');
    expect(ids).toHaveLength(countNodes(crewReturnMachine.root));
  });

  it('marks what can fire now, guards included', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const walkthrough = moveTo(
      openWalkthrough(scenario, await defaultProfile(), '2026-11-25T00:00:00Z'),
      17,
      '2026-11-25T00:01:00Z',
    );
    const available = availableTransitions(viewWalkthrough(walkthrough).fold.snapshot);
    const decision = 'crewReturn.anomaly.decision';
    expect(available.has(refOf(decision, 'decision.confirm', ['crewReturn.replacementCampaign']))).toBe(true);
    expect(available.has(refOf(decision, 'decision.confirm', ['crewReturn.returnOnDamagedVehicle']))).toBe(false);
    expect(available.has(refOf(decision, 'decision.override', ['crewReturn.emergencyReturn']))).toBe(true);
    const held = availableTransitions(viewWalkthrough(moveTo(walkthrough, 21, '2026-11-25T10:01:00Z')).fold.snapshot);
    expect([...held].some((ref) => ref.includes('replacement.launch'))).toBe(false);
    const clear = refOf('crewReturn.replacementCampaign.launchHeld', 'commonCause.clear', [
      'crewReturn.replacementCampaign.preparingReplacement',
    ]);
    expect(held.has(clear)).toBe(true);
  });
});
