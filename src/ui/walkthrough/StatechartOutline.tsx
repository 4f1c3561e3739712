import type { StatechartGraph, StateGraphNode } from '../../session/model';
import { describeTransition, type StatechartHighlight } from './statechartHighlight';

interface Props extends StatechartHighlight {
  graph: StatechartGraph;
}

/** The same chart in words: each state with its outgoing transitions, what is active and what is available now. */
export function StatechartOutline({ graph, activeIds, availableIds }: Props) {
  const root = graph.nodeById.get(graph.rootId);
  const item = (node: StateGraphNode) => {
    const active = activeIds.has(node.id);
    const edges = graph.edgesBySource.get(node.id) ?? [];
    const children = node.childIds.flatMap((id) => graph.nodeById.get(id) ?? []);
    return (
      <li key={node.id} data-outline-state-id={node.id} data-active={active ? 'true' : undefined}>
        <span className={active ? 'outline-active' : undefined}>
          {node.path || node.key}
          {node.initial && ' (initial)'}
          {node.kind === 'final' && ' (final)'}
          {active && ' — active now'}
        </span>
        {edges.length > 0 && (
          <ul aria-label={`transitions from ${node.path || node.key}`}>
            {edges.map((edge) => (
              <li key={edge.id} data-outline-edge-id={edge.id}>
                {describeTransition(graph, edge)}
                {availableIds.has(edge.id) && <strong> — available now</strong>}
              </li>
            ))}
          </ul>
        )}
        {children.length > 0 && <ul>{children.map(item)}</ul>}
      </li>
    );
  };
  return <ul className="chart-outline-list">{root && item(root)}</ul>;
}
