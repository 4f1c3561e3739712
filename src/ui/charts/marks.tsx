import { chartFontPx, lineHeightPx, placeBeside, textWidthPx } from './textFit';

/** Diagonal hatching: a failing bar is hatched as well as coloured, so colour is never the only sign. */
export function Hatch({ id, className }: { id: string; className: string }) {
  return (
    <defs>
      <pattern id={id} width={6} height={6} patternUnits="userSpaceOnUse" patternTransform="rotate(45)">
        <rect width={6} height={6} className={`${className} hatch-ground`} />
        <line x1={0} y1={0} x2={0} y2={6} className={`${className} hatch-line`} strokeWidth={3} />
      </pattern>
    </defs>
  );
}

interface LimitProps {
  /** Where the line runs: at x (vertical, across [y0, y1]) or at y (horizontal, across [x0, x1]). */
  at: { x: number; y0: number; y1: number } | { y: number; x0: number; x1: number };
  label: string;
  tier: 'nominal' | 'emergency' | 'thin' | 'base';
  /** Where the label sits along the line: its start (top, left) or its end. */
  labelAt?: 'start' | 'end';
  /** Which side of a vertical line the label is written on, if it fits there inside `withinPx`. */
  side?: 'after' | 'before';
  /** The chart's left and right edges: a vertical line's label is kept between them. */
  withinPx?: readonly [number, number];
  /** A vertical line's label on its own line at this y, instead of beside the line's end. */
  labelY?: number;
}

/** A limit drawn as a labelled line: solid for the nominal limit, long dashes for the emergency one. */
export function LimitLine({ at, label, tier, labelAt = 'start', side = 'after', withinPx, labelY }: LimitProps) {
  const vertical = 'x' in at;
  const from = vertical ? { x: at.x, y: at.y0 } : { x: at.x0, y: at.y };
  const to = vertical ? { x: at.x, y: at.y1 } : { x: at.x1, y: at.y };
  const anchor = labelAt === 'start' ? from : to;
  const placed = vertical
    ? placeBeside(anchor.x, textWidthPx(label), withinPx ?? [Number.NEGATIVE_INFINITY, Number.POSITIVE_INFINITY], side, 3)
    : labelAt === 'start'
      ? { x: anchor.x + 3, textAnchor: 'start' as const }
      : { x: anchor.x - 3, textAnchor: 'end' as const };
  const y = vertical ? (labelY ?? anchor.y + (labelAt === 'start' ? chartFontPx : -3)) : anchor.y - 3;
  return (
    <g className={`limit limit-${tier}`} data-limit={tier}>
      <line x1={from.x} y1={from.y} x2={to.x} y2={to.y} className="limit-line" />
      <text x={placed.x} y={y} textAnchor={placed.textAnchor} className="limit-label">
        {label}
      </text>
    </g>
  );
}

interface TextLinesProps {
  /** The label's lines (wrapLines), each started at x, one line height apart from y down. */
  lines: readonly string[];
  x: number;
  y: number;
  textAnchor?: 'start' | 'middle' | 'end';
  className: string;
}

/** A label of one or more lines: one text element, so its words read as one label. */
export function TextLines({ lines, x, y, textAnchor = 'start', className }: TextLinesProps) {
  return (
    <text x={x} y={y} textAnchor={textAnchor} className={className}>
      {lines.map((line, i) => (
        // A line's place in the label: where it starts in the whole text.
        <tspan key={lines.slice(0, i).join('').length} x={x} dy={i === 0 ? 0 : lineHeightPx}>
          {line}
        </tspan>
      ))}
    </text>
  );
}
