import type { ElkExtendedEdge, ElkLabel, ElkNode } from 'elkjs/lib/elk-api';
import type { StatechartGraph, StateGraphNode, TransitionEdge } from './statechartGraph';

interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

interface PlacedState extends Box {
  id: string;
}

/** One transition's event label, where it is drawn. */
interface PlacedLabel extends Box {
  edgeId: string;
}

/** One drawn arrow from a state to another: every transition between the two shares it, each with its label. */
interface PlacedArrow {
  id: string;
  sourceId: string;
  targetId: string;
  points: Point[];
  labels: PlacedLabel[];
}

export interface StatechartLayout {
  width: number;
  height: number;
  states: PlacedState[];
  arrows: PlacedArrow[];
  /** Transitions that stay in their state, listed inside the state's box (UML's internal transitions). */
  internals: PlacedLabel[];
}

/** Text is drawn in a monospace face, so its width is known without measuring the DOM. */
const fontSizePx = 11;
export const lineHeightPx = 16;
const charWidthPx = fontSizePx * 0.62;
const pad = 6;
export const textWidthPx = (text: string) => Math.ceil(text.length * charWidthPx);

/** Room is kept before every name for the mark an active state or an available transition gets. */
export const markWidthChars = 2;
export const edgeLabelOf = (edge: TransitionEdge) => (edge.targetIds.length === 0 ? `↺ ${edge.eventType}` : edge.eventType);
export const stateLabelOf = (node: StateGraphNode) =>
  `${node.initial ? '◦ ' : ''}${node.key}${node.kind === 'final' ? ' (final)' : ''}`;
const markedWidthPx = (text: string) => textWidthPx(`${' '.repeat(markWidthChars)}${text}`);

const elkOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'DOWN',
  'elk.hierarchyHandling': 'INCLUDE_CHILDREN',
  'elk.edgeRouting': 'ORTHOGONAL',
  'elk.layered.spacing.nodeNodeBetweenLayers': '28',
  'elk.spacing.nodeNode': '18',
  'elk.spacing.edgeLabel': '2',
  'elk.spacing.edgeNode': '10',
  'elk.edgeLabels.inline': 'false',
  'elk.json.shapeCoords': 'ROOT',
  'elk.json.edgeCoords': 'ROOT',
};

const internalsOf = (graph: StatechartGraph, id: string) =>
  (graph.edgesBySource.get(id) ?? []).filter((e) => e.targetIds.length === 0);

/** The header of a state's box: its name, then one line per internal transition. */
function headerOf(graph: StatechartGraph, node: StateGraphNode) {
  const internals = internalsOf(graph, node.id);
  const lines = [stateLabelOf(node), ...internals.map(edgeLabelOf)];
  return { width: Math.max(...lines.map(markedWidthPx)) + 2 * pad, height: lines.length * lineHeightPx + pad };
}

function ancestorsOf(graph: StatechartGraph, id: string): string[] {
  const chain: string[] = [];
  for (let n = graph.nodeById.get(id); n; n = n.parentId ? graph.nodeById.get(n.parentId) : undefined) chain.unshift(n.id);
  return chain;
}

/** ELK wants each edge in the box that holds both ends; `null` is the drawing itself. */
function containerOf(graph: StatechartGraph, sourceId: string, targetId: string): string | null {
  const a = ancestorsOf(graph, sourceId);
  const b = ancestorsOf(graph, targetId);
  let common: string | null = null;
  for (let i = 0; i < Math.min(a.length, b.length) && a[i] === b[i]; i++) common = a[i] ?? null;
  if (common === sourceId || common === targetId) return graph.nodeById.get(common)?.parentId ?? null;
  return common;
}

const arrowId = (sourceId: string, targetId: string) => `${sourceId}>${targetId}`;

/** The ELK input for a chart: pure, so what is laid out can be read without running ELK. */
export function elkGraphOf(graph: StatechartGraph): ElkNode {
  const arrows = new Map<string, { holderId: string | null; edge: ElkExtendedEdge & { labels: ElkLabel[] } }>();
  for (const edge of graph.edges) {
    for (const targetId of edge.targetIds) {
      const id = arrowId(edge.sourceId, targetId);
      const arrow = arrows.get(id) ?? {
        holderId: containerOf(graph, edge.sourceId, targetId),
        edge: { id, sources: [edge.sourceId], targets: [targetId], labels: [] },
      };
      const text = edgeLabelOf(edge);
      arrow.edge.labels.push({ id: edge.id, text, width: markedWidthPx(text) + 4, height: lineHeightPx });
      arrows.set(id, arrow);
    }
  }
  const edgesIn = new Map<string | null, ElkExtendedEdge[]>();
  for (const { holderId, edge } of arrows.values()) edgesIn.set(holderId, [...(edgesIn.get(holderId) ?? []), edge]);
  const toElk = (node: StateGraphNode): ElkNode => {
    const header = headerOf(graph, node);
    const children = node.childIds.flatMap((id) => {
      const child = graph.nodeById.get(id);
      return child ? [toElk(child)] : [];
    });
    return {
      id: node.id,
      ...(children.length > 0
        ? {
            children,
            edges: edgesIn.get(node.id) ?? [],
            layoutOptions: {
              'elk.padding': `[top=${header.height + pad},left=${pad},bottom=${pad},right=${pad}]`,
              'elk.nodeSize.constraints': 'MINIMUM_SIZE',
              'elk.nodeSize.minimum': `(${header.width},${header.height + 2 * pad})`,
            },
          }
        : { width: header.width, height: header.height }),
    };
  };
  const root = graph.nodeById.get(graph.rootId);
  return {
    id: 'statechart',
    layoutOptions: elkOptions,
    children: root ? [toElk(root)] : [],
    edges: edgesIn.get(null) ?? [],
  };
}

/** Reads ELK's answer (every coordinate relative to the drawing, as `elkOptions` asks) into what the view draws. */
export function layoutFromElk(graph: StatechartGraph, laidOut: ElkNode): StatechartLayout {
  const states: PlacedState[] = [];
  const arrows: PlacedArrow[] = [];
  const internals: PlacedLabel[] = [];
  const visit = (node: ElkNode) => {
    for (const edge of node.edges ?? []) {
      const [sourceId = '', targetId = ''] = [edge.sources[0], edge.targets[0]];
      arrows.push({
        id: edge.id,
        sourceId,
        targetId,
        points: (edge.sections ?? []).flatMap((s) => [s.startPoint, ...(s.bendPoints ?? []), s.endPoint]),
        labels: (edge.labels ?? []).map((l) => ({ edgeId: l.id ?? '', ...boxOf(l) })),
      });
    }
    for (const child of node.children ?? []) {
      const state = { id: child.id, ...boxOf(child) };
      states.push(state);
      internalsOf(graph, child.id).forEach((edge, i) => {
        const y = state.y + pad / 2 + (i + 1) * lineHeightPx;
        internals.push({ edgeId: edge.id, x: state.x + pad, y, width: markedWidthPx(edgeLabelOf(edge)), height: lineHeightPx });
      });
      visit(child);
    }
  };
  visit(laidOut);
  return { width: Math.ceil(laidOut.width ?? 0), height: Math.ceil(laidOut.height ?? 0), states, arrows, internals };
}

const boxOf = (shape: { x?: number; y?: number; width?: number; height?: number }): Box => ({
  x: shape.x ?? 0,
  y: shape.y ?? 0,
  width: shape.width ?? 0,
  height: shape.height ?? 0,
});
