import { memo } from 'react';
import type { StatechartGraph, StateGraphNode, TransitionEdge } from '../../session/model';
import { describeTransition, type StatechartHighlight } from './statechartHighlight';

interface Props extends StatechartHighlight {
  graph: StatechartGraph;
}

/** The same chart in words: each state with its outgoing transitions, what is active and what is available now. */
export function StatechartOutline({ graph, activeIds, availableIds }: Props) {
  const root = graph.nodeById.get(graph.rootId);
  return (
    <ul className="chart-outline-list">
      {root && <OutlineState graph={graph} node={root} activeIds={activeIds} availableIds={availableIds} />}
    </ul>
  );
}

interface StateProps extends Props {
  node: StateGraphNode;
}

/** A state and what is below it, drawn again only when a mark within it changes. */
const OutlineState = memo(
  function OutlineState({ graph, node, activeIds, availableIds }: StateProps) {
    const active = activeIds.has(node.id);
    const edges = graph.edgesBySource.get(node.id) ?? [];
    const children = node.childIds.flatMap((id) => graph.nodeById.get(id) ?? []);
    return (
      <li data-outline-state-id={node.id} data-active={active ? 'true' : undefined}>
        <span className={active ? 'outline-active' : undefined}>
          {node.path || node.key}
          {node.initial && ' (initial)'}
          {node.kind === 'final' && ' (final)'}
          {active && ' — active now'}
        </span>
        {edges.length > 0 && (
          <ul aria-label={`transitions from ${node.path || node.key}`}>
            {edges.map((edge) => (
              <OutlineTransition key={edge.id} graph={graph} edge={edge} available={availableIds.has(edge.id)} />
            ))}
          </ul>
        )}
        {children.length > 0 && (
          <ul>
            {children.map((child) => (
              <OutlineState key={child.id} graph={graph} node={child} activeIds={activeIds} availableIds={availableIds} />
            ))}
          </ul>
        )}
      </li>
    );
  },
  (a, b) => a.graph === b.graph && a.node === b.node && sameMarksWithin(a, b),
);

/** Whether every state below `node` (itself included) is as active, and every transition from them as available, in both. */
function sameMarksWithin(a: StateProps, b: StateProps): boolean {
  const { graph } = a;
  const same = (node: StateGraphNode): boolean =>
    a.activeIds.has(node.id) === b.activeIds.has(node.id) &&
    (graph.edgesBySource.get(node.id) ?? []).every((e) => a.availableIds.has(e.id) === b.availableIds.has(e.id)) &&
    node.childIds.every((id) => {
      const child = graph.nodeById.get(id);
      return !child || same(child);
    });
  return same(a.node);
}

const OutlineTransition = memo(function OutlineTransition({
  graph,
  edge,
  available,
}: {
  graph: StatechartGraph;
  edge: TransitionEdge;
  available: boolean;
}) {
  return (
    <li data-outline-edge-id={edge.id}>
      {describeTransition(graph, edge)}
      {available && <strong> — available now</strong>}
    </li>
  );
});
