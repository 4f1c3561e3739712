import { describe, expect, it } from 'vitest';
import { defaultProfile } from '../../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough, viewWalkthrough } from '../../src/session/walkthrough';
import { availableTransitions, type ChartState, chartFromMachine, refOf } from '../../src/ui/walkthrough/statechartModel';
import { builtInScenarioFiles, loadBuiltInScenario } from '../support';

describe('statechart model', () => {
  it('is read from the machine definition: every state appears', async () => {
    const profile = await defaultProfile();
    const ids: string[] = [];
    const walk = (s: ChartState) => {
      ids.push(s.id);
      s.children.forEach(walk);
    };
    walk(chartFromMachine());
    // Written out, not computed: the diagram must show the states the design names.
    expect(chartFromMachine().children.map((c) => c.key)).toEqual([
      'docked',
      'anomaly',
      'returnOnDamagedVehicle',
      'returnReducedCrew',
      'replacementCampaign',
      'emergencyReturn',
      'nominalReturn',
      'crewHome',
    ]);
    expect(ids).toContain('crewReturn.replacementCampaign.launchHeld');
    // Every state any built-in scenario passes through is drawn.
    for (const file of builtInScenarioFiles()) {
      const scenario = loadBuiltInScenario(file);
      const w = moveTo(
        openWalkthrough(scenario, profile, '2026-11-25T00:00:00Z'),
        scenario.events.length,
        '2026-11-25T00:01:00Z',
      );
      for (const step of foldWalkthrough(w).steps) {
        const id = `crewReturn.${step.record.stateAfter}`;
        expect(ids, `${file}: ${id}`).toContain(id);
      }
    }
  });

  it('marks what can fire now, guards included', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const walkthrough = moveTo(
      openWalkthrough(scenario, await defaultProfile(), '2026-11-25T00:00:00Z'),
      17,
      '2026-11-25T00:01:00Z',
    );
    const available = availableTransitions(viewWalkthrough(walkthrough).snapshot);
    const decision = 'crewReturn.anomaly.decision';
    expect(available.has(refOf(decision, 'decision.confirm', ['crewReturn.replacementCampaign']))).toBe(true);
    expect(available.has(refOf(decision, 'decision.confirm', ['crewReturn.returnOnDamagedVehicle']))).toBe(false);
    expect(available.has(refOf(decision, 'decision.override', ['crewReturn.emergencyReturn']))).toBe(true);
    const held = availableTransitions(viewWalkthrough(moveTo(walkthrough, 21, '2026-11-25T10:01:00Z')).snapshot);
    expect([...held].some((ref) => ref.includes('replacement.launch'))).toBe(false);
    const clear = refOf('crewReturn.replacementCampaign.launchHeld', 'commonCause.clear', [
      'crewReturn.replacementCampaign.preparingReplacement',
    ]);
    expect(held.has(clear)).toBe(true);
  });
});
