import type { StatechartGraph, TransitionEdge } from '../../session/model';

/** What the diagram marks: where the decision stands and what can happen next. */
export interface StatechartHighlight {
  activeIds: ReadonlySet<string>;
  availableIds: ReadonlySet<string>;
}

/** How the app names a state (`anomaly.decision`); the machine itself by its id. */
export const stateNameOf = (graph: StatechartGraph, id: string) => {
  const node = graph.nodeById.get(id);
  return node?.path || node?.key || id;
};

/** States an available transition leads to and the decision is not in yet. */
export function nextStateIds(graph: StatechartGraph, { activeIds, availableIds }: StatechartHighlight): Set<string> {
  const next = new Set<string>();
  for (const id of availableIds) for (const target of graph.edgeById.get(id)?.targetIds ?? []) next.add(target);
  for (const id of activeIds) next.delete(id);
  return next;
}

/** The transition in words, for its button's name and its entry in the outline. */
export function describeTransition(graph: StatechartGraph, edge: TransitionEdge) {
  const to = edge.targetIds.length ? edge.targetIds.map((id) => stateNameOf(graph, id)).join(', ') : 'stays';
  return `${edge.eventType} from ${stateNameOf(graph, edge.sourceId)} → ${to}${edge.guard ? ` [${edge.guard}]` : ''}`;
}
