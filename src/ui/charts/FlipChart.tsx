import { memo, useId } from 'react';
import { shownFlipAt } from '../../reports/flipWords';
import { outcomeLabels } from '../../reports/outcomeWords';
import { quantityLabel, thresholdName } from '../../reports/ruleWords';
import type { FlipLine } from '../../session/charts/flipLines';
import { flipRelation } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { sameData } from '../shared/sameData';
import { displayUnit, displayValue, type TemperatureUnit, toDisplayNumber } from '../shared/units';
import { BottomAxis, bottomAxisHeightPx } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine, TextLines } from './marks';
import { linearScale } from './scales';
import { lineHeightPx, placeBeside, textWidthPx, wrapLines } from './textFit';
import { useFigureWidthPx } from './useFigureWidthPx';

interface Props {
  lines: FlipLine[];
  temperatureUnit: TemperatureUnit;
}

/** Room at either end of a number line for half a tick label ("0.15 kPa/h"). */
const lineEndPx = 36;
const directions = ['lower', 'raise'] as const;

type FlipWords = (l: FlipLine, direction: 'lower' | 'raise') => string;

/** A row at the chart's width: its title wrapped, a line of words per flip point, a line for the limits' names, the number line and its ticks. */
function rowLayout(l: FlipLine, title: string, widthPx: number) {
  const titleLines = wrapLines(title, widthPx, 'bold');
  const flips = directions.filter((d) => l[d]);
  const flipY = (i: number) => (titleLines.length + i + 1) * lineHeightPx - 3;
  const limitY = flipY(flips.length);
  const lineY = limitY + 12;
  return { titleLines, flips, flipY, limitY, lineY, heightPx: lineY + 8 + bottomAxisHeightPx('', widthPx) };
}

const lineName = (l: FlipLine) =>
  l.kind === 'threshold' ? `Threshold: ${thresholdName(l.key)}` : `Assessed: ${quantityLabel(l.key)} (${endOf(l)} end)`;
const endOf = (l: FlipLine) => {
  const flip = l.lower ?? l.raise;
  return flip && 'end' in flip ? flip.end : '';
};

/** Each flip point on a number line: from the value now to where the recommendation changes, with the limits in the same unit. */
export const FlipChart = memo(function FlipChart({ lines, temperatureUnit }: Props) {
  const id = `flips-${useId().replace(/:/g, '')}`;
  const [figureRef, widthPx] = useFigureWidthPx();
  const show = (l: FlipLine, v: number) => displayValue(v, l.unit, temperatureUnit);
  const flipWords = (l: FlipLine, direction: 'lower' | 'raise') => {
    const f = l[direction];
    return f
      ? `${flipRelation(f)} ${shownFlipAt(f, l.unit, (v, unit) => displayValue(v, unit, temperatureUnit))} → ${outcomeLabels[f.newOutcome]}`
      : 'none in range';
  };
  const title = (l: FlipLine) =>
    `${l.nearest ? '★ nearest · ' : ''}${lineName(l)}: now ${displayValue(l.current, l.unit, temperatureUnit)}`;
  const rows = lines.map((l) => rowLayout(l, title(l), widthPx));
  const tops = rows.map((_, i) => rows.slice(0, i).reduce((sum, r) => sum + r.heightPx, 0));
  return (
    <ChartFigure
      id={id}
      figureRef={figureRef}
      title="Flip points: from each value now to where the recommendation changes"
      description={`${lines.length} values with a flip point${lines[0]?.nearest ? `; the nearest: ${lineName(lines[0])} ${flipWords(lines[0], lines[0].nearest)}` : ''}.`}
      sizePx={{
        width: widthPx,
        height: Math.max(
          1,
          rows.reduce((sum, r) => sum + r.heightPx, 0),
        ),
      }}
      legend={
        <>
          ● the value now · ◆ where the recommendation changes (◇: only with the other tier moved too) · arrow: the move needed ·
          ★ nearest: the change the answer names · solid tick: nominal limit · dashed tick: emergency limit.
        </>
      }
      table={<FlipLineTable lines={lines} show={show} flipWords={flipWords} />}
    >
      {lines.map((l, i) => (
        <g
          transform={`translate(0, ${tops[i]})`}
          // By place: a flip that changes which values are shown rewrites the lines' words, not the lines.
          // biome-ignore lint/suspicious/noArrayIndexKey: see above
          key={i}
          className={`flip-line${l.nearest ? ' nearest' : ''}`}
        >
          <FlipRow
            line={l}
            layout={rows[i] as ReturnType<typeof rowLayout>}
            widthPx={widthPx}
            temperatureUnit={temperatureUnit}
            flipWords={flipWords}
          />
        </g>
      ))}
    </ChartFigure>
  );
}, sameData);

function FlipRow({
  line: l,
  layout: row,
  widthPx,
  temperatureUnit,
  flipWords,
}: {
  line: FlipLine;
  layout: ReturnType<typeof rowLayout>;
  widthPx: number;
  temperatureUnit: TemperatureUnit;
  flipWords: FlipWords;
}) {
  const shown = (v: number) => toDisplayNumber(v, l.unit, temperatureUnit);
  const unit = displayUnit(l.unit, temperatureUnit);
  const values = [l.current, l.lower?.flipAt, l.raise?.flipAt, ...l.limits.map((m) => m.value)]
    .filter((v): v is number => v !== undefined)
    .map(shown);
  const span = Math.max(...values) - Math.min(...values) || Math.max(1, Math.abs(values[0] ?? 1));
  const x = linearScale({
    domain: [Math.min(...values) - span * 0.12, Math.max(...values) + span * 0.12],
    range: [lineEndPx, widthPx - lineEndPx],
  });
  const now = x(shown(l.current));
  const withinPx = [0, widthPx] as const;
  const sideAway = (at: number) => (at > widthPx / 2 ? 'before' : 'after');
  return (
    <g data-line={l.key} data-kind={l.kind}>
      <TextLines lines={row.titleLines} x={0} y={lineHeightPx - 3} className="plot-row-label flip-title" />
      <line x1={lineEndPx} x2={widthPx - lineEndPx} y1={row.lineY} y2={row.lineY} className="number-line" />
      {l.limits.map((m) => (
        <LimitLine
          key={m.thresholdKey}
          at={{ x: x(shown(m.value)), y0: row.limitY - 10, y1: row.lineY + 6 }}
          label={m.tier}
          tier={m.tier}
          side={sideAway(x(shown(m.value)))}
          withinPx={withinPx}
          labelY={row.limitY}
        />
      ))}
      {row.flips.map((direction, i) => {
        const f = l[direction];
        if (!f) return null;
        const at = x(shown(f.flipAt));
        const validAlone = !('validAlone' in f) || f.validAlone;
        const words = flipWords(l, direction);
        const placed = placeBeside(at, textWidthPx(words), withinPx, sideAway(at), 0);
        return (
          <g key={direction} className={`flip flip-${direction}${l.nearest === direction ? ' flip-nearest' : ''}`}>
            <line x1={now} x2={at} y1={row.lineY} y2={row.lineY} className="flip-move" />
            <rect
              x={at - 4.5}
              y={row.lineY - 4.5}
              width={9}
              height={9}
              transform={`rotate(45 ${at} ${row.lineY})`}
              className={`flip-mark${validAlone ? '' : ' flip-mark-with-other-tier'}`}
            />
            <text x={placed.x} y={row.flipY(i)} textAnchor={placed.textAnchor} className="plot-value-label">
              {words}
            </text>
          </g>
        );
      })}
      <circle cx={now} cy={row.lineY} r={4.5} className="now-mark" />
      <BottomAxis scale={x} at={row.lineY + 6} label="" withinPx={withinPx} tickSpacingPx={110} ticks={{ unit }} />
    </g>
  );
}

function FlipLineTable({
  lines,
  show,
  flipWords,
}: {
  lines: FlipLine[];
  show: (l: FlipLine, v: number) => string;
  flipWords: FlipWords;
}) {
  return (
    <table>
      <ColumnHeads columns={['Value', 'Now', 'Lowered', 'Raised', 'Limits']} />
      <tbody>
        {lines.map((l, i) => (
          // biome-ignore lint/suspicious/noArrayIndexKey: by place, as the chart's lines
          <tr key={i} data-line={l.key}>
            <th scope="row">
              {lineName(l)}
              {l.nearest ? ' (nearest flip)' : ''}
            </th>
            <td>{show(l, l.current)}</td>
            <td>{flipWords(l, 'lower')}</td>
            <td>{flipWords(l, 'raise')}</td>
            <td>{l.limits.map((m) => `${m.tier} ${show(l, m.value)}`).join(', ') || '—'}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
