import { AxisBottom, AxisLeft, type AxisScale, type TickRendererProps } from '@visx/axis';
import { tickText } from '../../reports/numbers';
import { TextLines } from './marks';
import { lineHeightPx, textWidthPx, wrapLines } from './textFit';

/** Plain SVG text for tick labels: every chart redraws after an edit, and this is the cheap way. */
function Tick({ x, y, formattedValue, textAnchor, dy }: TickRendererProps) {
  return (
    <text x={x} y={y} dy={dy} textAnchor={textAnchor} className="plot-tick-label">
      {formattedValue}
    </text>
  );
}

const common = {
  tickComponent: Tick,
  axisClassName: 'plot-axis',
  labelClassName: 'plot-axis-label',
  labelProps: { textAnchor: 'middle' },
} as const;

/** A bottom axis's tick labels take this much below it; its title's first line sits under them. */
export const bottomTickLabelsPx = 24;
export const bottomAxisTitlePx = bottomTickLabelsPx + 15;

interface BottomProps<Scale extends AxisScale> {
  scale: Scale;
  /** The axis title, its unit included: "Vehicle age (days since launch)"; centred under the axis, wrapped to fit `withinPx`. */
  label: string;
  at: number;
  /** The chart's left and right edges. */
  withinPx: readonly [number, number];
  /** About one tick per this many pixels of axis, so tick labels never crowd at any width. */
  tickSpacingPx?: number;
  ticks?: TickUnit;
  /** How far below the axis its title's first line sits, if something else is written between. */
  titleBelowPx?: number;
}

export function BottomAxis<Scale extends AxisScale>({
  scale,
  label,
  at,
  withinPx: [left, right],
  tickSpacingPx = 90,
  ticks,
  titleBelowPx = bottomAxisTitlePx,
}: BottomProps<Scale>) {
  const [start, end] = scale.range().map(Number) as [number, number];
  const lines = label === '' ? [] : wrapLines(label, right - left);
  const widest = Math.max(0, ...lines.map((line) => textWidthPx(line.trim())));
  const centre = Math.min(Math.max((start + end) / 2, left + widest / 2), right - widest / 2);
  return (
    <g>
      <AxisBottom
        scale={scale}
        top={at}
        numTicks={Math.max(2, Math.floor(Math.abs(end - start) / tickSpacingPx))}
        tickFormat={ticks && formatTick(ticks)}
        tickLabelProps={{ textAnchor: 'middle', dy: '0.25em' }}
        {...common}
      />
      {lines.length > 0 && (
        <TextLines lines={lines} x={centre} y={at + titleBelowPx} textAnchor="middle" className="plot-axis-label" />
      )}
    </g>
  );
}

interface LeftProps<Scale extends AxisScale> {
  scale: Scale;
  label: string;
  at: number;
  numTicks?: number;
  ticks?: TickUnit;
}

export function LeftAxis<Scale extends AxisScale>({ scale, label, at, numTicks = 5, ticks }: LeftProps<Scale>) {
  return (
    <AxisLeft
      scale={scale}
      left={at}
      label={label}
      numTicks={numTicks}
      tickFormat={ticks && formatTick(ticks)}
      tickLabelProps={{ textAnchor: 'end', dy: '0.32em' }}
      labelOffset={30}
      {...common}
    />
  );
}

/** The height a bottom axis takes below its line: its tick labels and its title, wrapped to the chart's width. */
export function bottomAxisHeightPx(label: string, widthPx: number): number {
  return label === '' ? bottomTickLabelsPx + 6 : bottomAxisTitlePx + 6 + (wrapLines(label, widthPx).length - 1) * lineHeightPx;
}

/** Tick labels in a unit, at its reading resolution (or the ticks' step where finer); the unit written beside each or not. */
interface TickUnit {
  unit: string;
  showUnit?: boolean;
  scaleBy?: number;
}

/** visx passes every tick with each one: their step sets how fine a label must be to tell them apart. */
const formatTick =
  ({ unit, showUnit = true, scaleBy = 1 }: TickUnit) =>
  (value: unknown, _index: number, all: { value: unknown }[]) => {
    const step = all.length > 1 ? Math.abs(Number(all[1]?.value) - Number(all[0]?.value)) * scaleBy : 0;
    return tickText(Number(value) * scaleBy, unit, step, showUnit);
  };
