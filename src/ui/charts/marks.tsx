import { Line } from '@visx/shape';

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
  /** Which side of a vertical line the label is written on. */
  side?: 'after' | 'before';
}

/** A limit drawn as a labelled line: solid for the nominal limit, long dashes for the emergency one. */
export function LimitLine({ at, label, tier, labelAt = 'start', side = 'after' }: LimitProps) {
  const vertical = 'x' in at;
  const from = vertical ? { x: at.x, y: at.y0 } : { x: at.x0, y: at.y };
  const to = vertical ? { x: at.x, y: at.y1 } : { x: at.x1, y: at.y };
  const anchor = labelAt === 'start' ? from : to;
  return (
    <g className={`limit limit-${tier}`} data-limit={tier}>
      <Line from={from} to={to} className="limit-line" />
      <text
        x={anchor.x + ((vertical ? side === 'after' : labelAt === 'start') ? 3 : -3)}
        y={vertical ? anchor.y + (labelAt === 'start' ? 9 : -3) : anchor.y - 3}
        textAnchor={(vertical ? side === 'after' : labelAt === 'start') ? 'start' : 'end'}
        className="limit-label"
      >
        {label}
      </text>
    </g>
  );
}
