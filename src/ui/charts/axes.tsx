import { AxisBottom, AxisLeft, type AxisScale, type TickRendererProps } from '@visx/axis';

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
  tickFormat?: (value: number) => string;
  labelOffset?: number;
}

export function BottomAxis<Scale extends AxisScale>({
  scale,
  label,
  at,
  numTicks = 6,
  tickFormat,
  labelOffset = 12,
}: Props<Scale>) {
  return (
    <AxisBottom
      scale={scale}
      top={at}
      label={label}
      numTicks={numTicks}
      tickFormat={tickFormat ? (v) => tickFormat(Number(v)) : undefined}
      tickLabelProps={{ textAnchor: 'middle', dy: '0.9em' }}
      labelOffset={labelOffset}
      {...common}
    />
  );
}

export function LeftAxis<Scale extends AxisScale>({ scale, label, at, numTicks = 5, tickFormat }: Props<Scale>) {
  return (
    <AxisLeft
      scale={scale}
      left={at}
      label={label}
      numTicks={numTicks}
      tickFormat={tickFormat ? (v) => tickFormat(Number(v)) : undefined}
      tickLabelProps={{ textAnchor: 'end', dy: '0.32em' }}
      labelOffset={24}
      {...common}
    />
  );
}
