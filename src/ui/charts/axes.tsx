import { memo } from 'react';
import { sameData } from '../shared/sameData';
import { type AxisScale, type AxisTick, axisTicks, type TickUnit } from './axisTicks';
import { TextLines } from './marks';
import { lineHeightPx, textWidthPx, wrapLines } from './textFit';

const tickLengthPx = 8;

/** A bottom axis's tick labels take this much below it; its title's first line sits under them. */
const bottomTickLabelsPx = 24;
const bottomAxisTitlePx = bottomTickLabelsPx + 15;

/**
 * The axis line from `fromPx` to `toPx`, with its ticks and their labels (plain SVG). Drawn again only
 * when they move: most edits leave a chart's axes where they were.
 */
const Axis = memo(function Axis({
  marks,
  fromPx,
  toPx,
  vertical,
}: {
  marks: AxisTick[];
  fromPx: number;
  toPx: number;
  vertical?: boolean;
}) {
  return (
    <>
      {marks.map(({ atPx, text }, i) => (
        // biome-ignore lint/suspicious/noArrayIndexKey: ticks are positions along the axis, redrawn whole
        <g key={i} className="plot-axis-tick">
          {vertical ? (
            <>
              <line x1={0} y1={atPx} x2={-tickLengthPx} y2={atPx} />
              <text x={-tickLengthPx} y={atPx} dy="0.32em" textAnchor="end" className="plot-tick-label">
                {text}
              </text>
            </>
          ) : (
            <>
              <line x1={atPx} y1={0} x2={atPx} y2={tickLengthPx} />
              <text x={atPx} y={tickLengthPx + 10} dy="0.25em" textAnchor="middle" className="plot-tick-label">
                {text}
              </text>
            </>
          )}
        </g>
      ))}
      {vertical ? (
        <line className="plot-axis-line" x1={0} y1={fromPx + 0.5} x2={0} y2={toPx + 0.5} />
      ) : (
        <line className="plot-axis-line" x1={fromPx + 0.5} y1={0} x2={toPx + 0.5} y2={0} />
      )}
    </>
  );
}, sameData);

interface BottomProps {
  scale: AxisScale;
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

export function BottomAxis({
  scale,
  label,
  at,
  withinPx: [left, right],
  tickSpacingPx = 90,
  ticks,
  titleBelowPx = bottomAxisTitlePx,
}: BottomProps) {
  const [start, end] = scale.range().map(Number) as [number, number];
  const lines = label === '' ? [] : wrapLines(label, right - left);
  const widest = Math.max(0, ...lines.map((line) => textWidthPx(line.trim())));
  const centre = Math.min(Math.max((start + end) / 2, left + widest / 2), right - widest / 2);
  return (
    <g>
      <g className="plot-axis" transform={`translate(0, ${at})`}>
        <Axis
          marks={axisTicks(scale, Math.max(2, Math.floor(Math.abs(end - start) / tickSpacingPx)), ticks)}
          fromPx={start}
          toPx={end}
        />
      </g>
      {lines.length > 0 && (
        <TextLines lines={lines} x={centre} y={at + titleBelowPx} textAnchor="middle" className="plot-axis-label" />
      )}
    </g>
  );
}

interface LeftProps {
  scale: AxisScale;
  label: string;
  at: number;
  numTicks?: number;
  ticks?: TickUnit;
}

/** Its title runs up beside the tick labels, centred on the axis. */
const leftTitleOffsetPx = tickLengthPx + 30;

export function LeftAxis({ scale, label, at, numTicks = 5, ticks }: LeftProps) {
  const [start = 0, end = 0] = [scale.range()[0], scale.range().at(-1)];
  return (
    <g className="plot-axis" transform={`translate(${at}, 0)`}>
      <Axis marks={axisTicks(scale, numTicks, ticks)} fromPx={start} toPx={end} vertical />
      <text x={-(start + end) / 2} y={-leftTitleOffsetPx} transform="rotate(-90)" textAnchor="middle" className="plot-axis-label">
        {label}
      </text>
    </g>
  );
}

/** The height a bottom axis takes below its line: its tick labels and its title, wrapped to the chart's width. */
export function bottomAxisHeightPx(label: string, widthPx: number): number {
  return label === '' ? bottomTickLabelsPx + 6 : bottomAxisTitlePx + 6 + (wrapLines(label, widthPx).length - 1) * lineHeightPx;
}
