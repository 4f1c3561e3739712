import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { crewReturnGraph as graph } from '../machines/statechart/reachability';
import { statechartLayoutNow, statechartLayoutPath } from '../scripts/statechartLayout';
import { crewReturnLayout as layout } from '../src/ui/walkthrough/crewReturnLayout';

describe('the statechart layout, checked in', () => {
  it('is what ELK lays out from the machine now (npm run statechart-layout rewrites it)', async () => {
    const checkedIn = JSON.parse(readFileSync(statechartLayoutPath, 'utf8'));
    expect(checkedIn).toEqual(await statechartLayoutNow());
    expect(layout).toEqual(checkedIn);
  });

  it('boxes every state inside its parent and labels every transition', () => {
    const boxes = new Map(layout.states.map((s) => [s.id, s]));
    expect([...boxes.keys()].sort()).toEqual(graph.nodes.map((n) => n.id).sort());
    for (const node of graph.nodes) {
      const box = boxes.get(node.id);
      const parent = node.parentId ? boxes.get(node.parentId) : undefined;
      if (box && parent) {
        expect(box.x, node.id).toBeGreaterThanOrEqual(parent.x);
        expect(box.y, node.id).toBeGreaterThanOrEqual(parent.y);
        expect(box.x + box.width, node.id).toBeLessThanOrEqual(parent.x + parent.width + 0.5);
        expect(box.y + box.height, node.id).toBeLessThanOrEqual(parent.y + parent.height + 0.5);
      }
    }
    const labelled = [...layout.arrows.flatMap((a) => a.labels), ...layout.internals].map((l) => l.edgeId);
    expect(labelled.sort()).toEqual(graph.edges.map((e) => e.id).sort());
    for (const arrow of layout.arrows) {
      expect(arrow.points.length, arrow.id).toBeGreaterThanOrEqual(2);
      for (const label of arrow.labels)
        expect(graph.edgeById.get(label.edgeId)?.targetIds, label.edgeId).toContain(arrow.targetId);
    }
  });
});
