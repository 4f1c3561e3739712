/**
 * The statechart as a graph of typed nodes and edges, read once from the machine's public definition
 * (its state nodes and their `transitions`), for the diagram, its outline and the refusals.
 */
import type { AnyMachineSnapshot, AnyStateNode, StateValue } from 'xstate';

type StateKind = 'atomic' | 'compound' | 'final';

export interface StateGraphNode {
  id: string;
  key: string;
  /** The state's path below the machine, as the app names states (`anomaly.decision`). */
  path: string;
  parentId: string | null;
  childIds: string[];
  kind: StateKind;
  /** Entered first when its parent is entered. */
  initial: boolean;
  depth: number;
}

export interface TransitionEdge {
  /** `${sourceId}:${eventType}:${i}`, i the transition's place among the source's transitions for that event. */
  id: string;
  sourceId: string;
  eventType: string;
  /** Empty for a transition that stays where it is (drawn inside its state). */
  targetIds: string[];
  /** The guard's name, with its parameters where they tell branches apart. */
  guard: string | null;
}

export interface StatechartGraph {
  rootId: string;
  /** Every state node, parents before their children, in the order the machine declares them. */
  nodes: StateGraphNode[];
  nodeById: ReadonlyMap<string, StateGraphNode>;
  edges: TransitionEdge[];
  edgeById: ReadonlyMap<string, TransitionEdge>;
  /** Each state's outgoing transitions, in declaration order. */
  edgesBySource: ReadonlyMap<string, TransitionEdge[]>;
}

export const transitionEdgeId = (sourceId: string, eventType: string, index: number) => `${sourceId}:${eventType}:${index}`;

/** Nodes and edges read once from the machine's own definition, so the drawing cannot drift from the model. */
export function graphFromMachine(root: AnyStateNode): StatechartGraph {
  const nodes: StateGraphNode[] = [];
  const edges: TransitionEdge[] = [];
  const visit = (node: AnyStateNode, depth: number) => {
    const children = Object.values(node.states) as AnyStateNode[];
    nodes.push({
      id: node.id,
      key: node.key,
      path: node.path.join('.'),
      parentId: node.parent?.id ?? null,
      childIds: children.map((c) => c.id),
      kind: node.type === 'final' ? 'final' : children.length > 0 ? 'compound' : 'atomic',
      initial: node.parent?.config.initial === node.key,
      depth,
    });
    for (const [eventType, definitions] of node.transitions) {
      definitions.forEach((definition, i) => {
        edges.push({
          id: transitionEdgeId(node.id, eventType, i),
          sourceId: node.id,
          eventType,
          targetIds: (definition.target ?? []).map((t) => t.id),
          guard: guardName(definition.guard),
        });
      });
    }
    for (const child of children) visit(child, depth + 1);
  };
  visit(root, 0);
  const edgesBySource = new Map<string, TransitionEdge[]>(nodes.map((n) => [n.id, []]));
  for (const edge of edges) edgesBySource.get(edge.sourceId)?.push(edge);
  return {
    rootId: root.id,
    nodes,
    nodeById: new Map(nodes.map((n) => [n.id, n])),
    edges,
    edgeById: new Map(edges.map((e) => [e.id, e])),
    edgesBySource,
  };
}

/** The ids of the states a snapshot's value says are active, the machine's own root included. */
export function activeStateIds(graph: StatechartGraph, value: StateValue): string[] {
  const ids: string[] = [graph.rootId];
  const descend = (parentId: string, v: StateValue) => {
    const entries = typeof v === 'string' ? [[v, null] as const] : Object.entries(v);
    for (const [key, inner] of entries) {
      const child = graph.nodeById.get(parentId)?.childIds.find((id) => graph.nodeById.get(id)?.key === key);
      if (!child) continue;
      ids.push(child);
      if (inner) descend(child, inner);
    }
  };
  descend(graph.rootId, value);
  return ids;
}

/** The state nodes a snapshot is in, outermost first, found from its machine's root by `matches` alone. */
export function activeStateNodes(snapshot: AnyMachineSnapshot): AnyStateNode[] {
  const active: AnyStateNode[] = [];
  const visit = (node: AnyStateNode) => {
    if (node.path.length > 0 && !snapshot.matches(valueOfPath(node.path))) return;
    active.push(node);
    for (const child of Object.values(node.states)) visit(child);
  };
  visit(snapshot.machine.root);
  return active;
}

const valueOfPath = (path: readonly string[]): StateValue =>
  path.length === 1 ? (path[0] as string) : { [path[0] as string]: valueOfPath(path.slice(1)) };

function guardName(guard: unknown): string | null {
  if (!guard) return null;
  if (typeof guard === 'string') return guard;
  if (typeof guard === 'function') return guard.name || 'guard';
  const { type, params } = guard as { type?: unknown; params?: unknown };
  const name = typeof type === 'string' ? type : 'guard';
  const shown = params && typeof params === 'object' ? Object.values(params).filter((p) => typeof p === 'string') : [];
  return shown.length > 0 ? `${name} ${shown.join(' ')}` : name;
}
