/**
 * The statechart diagram's geometry: where each state box, arrow and label is drawn, and the text
 * metrics both the drawing and the layout script (scripts/statechartLayout.ts) size them by.
 */
import type { StateGraphNode, TransitionEdge } from '../../session/model';

interface Point {
  x: number;
  y: number;
}

export interface Box extends Point {
  width: number;
  height: number;
}

export interface PlacedState extends Box {
  id: string;
}

/** One transition's event label, where it is drawn. */
export interface PlacedLabel extends Box {
  edgeId: string;
}

/** One drawn arrow from a state to another: every transition between the two shares it, each with its label. */
export interface PlacedArrow {
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
export const pad = 6;
export const textWidthPx = (text: string) => Math.ceil(text.length * charWidthPx);

/** Room is kept before every name for the mark an active state or an available transition gets. */
export const markWidthChars = 2;
export const edgeLabelOf = (edge: TransitionEdge) => (edge.targetIds.length === 0 ? `↺ ${edge.eventType}` : edge.eventType);
export const stateLabelOf = (node: StateGraphNode) =>
  `${node.initial ? '◦ ' : ''}${node.key}${node.kind === 'final' ? ' (final)' : ''}`;
export const markedWidthPx = (text: string) => textWidthPx(`${' '.repeat(markWidthChars)}${text}`);
