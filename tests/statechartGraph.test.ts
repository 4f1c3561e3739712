import { describe, expect, it } from 'vitest';
import { crewReturnMachine } from '../machines/statechart/crewReturnMachine';
import { activeStateIds, graphFromMachine } from '../machines/statechart/graph';

interface StateConfig {
  on?: Record<string, TransitionConfig | TransitionConfig[]>;
  states?: Record<string, StateConfig>;
}
type TransitionConfig = { target?: string | string[] } | string;

/** The machine's states and transitions read from its raw config, not from the state nodes the graph reads. */
function fromConfig(id: string, config: StateConfig, parentId: string | null) {
  const ids = [id];
  const transitions: { id: string; eventType: string; targetIds: string[] }[] = [];
  for (const [eventType, definitions] of Object.entries(config.on ?? {})) {
    [definitions].flat().forEach((definition, i) => {
      const target = typeof definition === 'string' ? definition : definition.target;
      const targetIds = [target ?? []].flat().map((t) => (t.startsWith('#') ? t.slice(1) : `${parentId}.${t}`));
      transitions.push({ id: `${id}:${eventType}:${i}`, eventType, targetIds });
    });
  }
  for (const [key, child] of Object.entries(config.states ?? {})) {
    const inner = fromConfig(`${id}.${key}`, child, id);
    ids.push(...inner.ids);
    transitions.push(...inner.transitions);
  }
  return { ids, transitions };
}

const graph = graphFromMachine(crewReturnMachine.root);
const expected = fromConfig(crewReturnMachine.id, crewReturnMachine.config as StateConfig, null);

describe('the statechart graph, read from the machine', () => {
  it('has every state node of the machine, and no other', () => {
    expect(graph.nodes.map((n) => n.id).sort()).toEqual([...expected.ids].sort());
    // Written out: the diagram must show the states the design names.
    const top = graph.nodeById.get(graph.rootId)?.childIds.map((id) => graph.nodeById.get(id)?.key);
    expect(top).toEqual([
      'docked',
      'anomaly',
      'contingency',
      'returnOnDamagedVehicle',
      'returnReducedCrew',
      'replacementCampaign',
      'emergencyReturn',
      'nominalReturn',
      'crewHome',
    ]);
    expect(graph.nodeById.get('crewReturn.replacementCampaign.launchHeld')).toMatchObject({
      parentId: 'crewReturn.replacementCampaign',
      kind: 'atomic',
      path: 'replacementCampaign.launchHeld',
    });
    expect(graph.nodeById.get('crewReturn.crewHome')?.kind).toBe('final');
    expect(graph.nodeById.get('crewReturn.anomaly.safing')?.initial).toBe(true);
  });

  it('has every transition of the machine as an edge with its event label and targets, and no other', () => {
    for (const t of expected.transitions) {
      expect(graph.edgeById.get(t.id), t.id).toMatchObject({ eventType: t.eventType, targetIds: t.targetIds });
    }
    expect(graph.edges).toHaveLength(expected.transitions.length);
    expect(graph.edgeById.get('crewReturn.anomaly.decision:decision.confirm:2')).toMatchObject({
      targetIds: ['crewReturn.replacementCampaign'],
      guard: 'recommends launch-replacement',
    });
    expect(graph.edgeById.get('crewReturn.anomaly.inspection:inspection.finding:0')?.targetIds).toEqual([]);
  });

  it('names the active states of a snapshot value, outermost first', () => {
    expect(activeStateIds(graph, { anomaly: 'decision' })).toEqual([
      'crewReturn',
      'crewReturn.anomaly',
      'crewReturn.anomaly.decision',
    ]);
    expect(activeStateIds(graph, 'crewHome')).toEqual(['crewReturn', 'crewReturn.crewHome']);
  });
});
