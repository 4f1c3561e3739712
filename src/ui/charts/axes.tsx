import { AxisBottom, AxisLeft, type AxisScale, type TickRendererProps } from '@visx/axis';
import { tickText } from '../../reports/numbers';

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

interface Props<Scale extends AxisScale> {
  scale: Scale;
  /** The axis title, its unit included: "Vehicle age (days since launch)". */
  label: string;
  at: number;
  numTicks?: number;
  /** Tick labels in a unit, at its reading resolution (or the ticks' step where finer); the unit written beside each or not. */
  ticks?: { unit: string; showUnit?: boolean; scaleBy?: number };
  labelOffset?: number;
}

export function BottomAxis<Scale extends AxisScale>({ scale, label, at, numTicks = 6, ticks, labelOffset = 12 }: Props<Scale>) {
  return (
    <AxisBottom
      scale={scale}
      top={at}
      label={label}
      numTicks={numTicks}
      tickFormat={ticks && formatTick(ticks)}
      tickLabelProps={{ textAnchor: 'middle', dy: '0.9em' }}
      labelOffset={labelOffset}
      {...common}
    />
  );
}

export function LeftAxis<Scale extends AxisScale>({ scale, label, at, numTicks = 5, ticks }: Props<Scale>) {
  return (
    <AxisLeft
      scale={scale}
      left={at}
      label={label}
      numTicks={numTicks}
      tickFormat={ticks && formatTick(ticks)}
      tickLabelProps={{ textAnchor: 'end', dy: '0.32em' }}
      labelOffset={24}
      {...common}
    />
  );
}

/** visx passes every tick with each one: their step sets how fine a label must be to tell them apart. */
const formatTick =
  ({ unit, showUnit = true, scaleBy = 1 }: NonNullable<Props<AxisScale>['ticks']>) =>
  (value: unknown, _index: number, all: { value: unknown }[]) => {
    const step = all.length > 1 ? Math.abs(Number(all[1]?.value) - Number(all[0]?.value)) * scaleBy : 0;
    return tickText(Number(value) * scaleBy, unit, step, showUnit);
  };
