import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { memo, useId } from 'react';
import { outcomeLabels, quantityLabel, thresholdName } from '../../reports/describe';
import type { FlipLine } from '../../session/charts/flipLines';
import { flipRelation } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { displayUnit, displayValue, type TemperatureUnit, toDisplayNumber } from '../shared/units';
import { BottomAxis } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine } from './marks';
import { sameData } from './sameData';

interface Props {
  lines: FlipLine[];
  temperatureUnit: TemperatureUnit;
}

const width = 640;
const plot = { left: 24, right: 600 };
const row = { height: 74, title: 12, flipLabel: 27, line: 40, axis: 46 };

const lineName = (l: FlipLine) =>
  l.kind === 'threshold' ? `Threshold: ${thresholdName(l.key)}` : `Assessed: ${quantityLabel(l.key)} (${endOf(l)} end)`;
const endOf = (l: FlipLine) => {
  const flip = l.lower ?? l.raise;
  return flip && 'end' in flip ? flip.end : '';
};

/** Each flip point on a number line: from the value now to where the recommendation changes, with the limits in the same unit. */
export const FlipChart = memo(function FlipChart({ lines, temperatureUnit }: Props) {
  const id = `flips-${useId().replace(/:/g, '')}`;
  const show = (l: FlipLine, v: number) => displayValue(v, l.unit, temperatureUnit);
  const flipWords = (l: FlipLine, direction: 'lower' | 'raise') => {
    const f = l[direction];
    return f ? `${flipRelation(f)} ${show(l, f.flipAt)} → ${outcomeLabels[f.newOutcome]}` : 'none in range';
  };
  return (
    <ChartFigure
      id={id}
      title="Flip points: from each value now to where the recommendation changes"
      description={`${lines.length} values with a flip point${lines[0]?.nearest ? `; the nearest: ${lineName(lines[0])} ${flipWords(lines[0], lines[0].nearest)}` : ''}.`}
      viewBox={{ width, height: Math.max(1, lines.length) * row.height + 8 }}
      legend={
        <>
          ● the value now · ◆ where the recommendation changes (◇: only with the other tier moved too) · arrow: the move needed ·
          ★ nearest: the change the answer names · solid tick: nominal limit · dashed tick: emergency limit.
        </>
      }
      table={<FlipLineTable lines={lines} show={show} flipWords={flipWords} />}
    >
      {lines.map((l, i) => (
        <Group key={`${l.kind}:${l.key}`} top={i * row.height} className={`flip-line${l.nearest ? ' nearest' : ''}`}>
          <FlipRow line={l} temperatureUnit={temperatureUnit} flipWords={flipWords} />
        </Group>
      ))}
    </ChartFigure>
  );
}, sameData);

function FlipRow({
  line: l,
  temperatureUnit,
  flipWords,
}: {
  line: FlipLine;
  temperatureUnit: TemperatureUnit;
  flipWords: (l: FlipLine, direction: 'lower' | 'raise') => string;
}) {
  const shown = (v: number) => toDisplayNumber(v, l.unit, temperatureUnit);
  const unit = displayUnit(l.unit, temperatureUnit);
  const values = [l.current, l.lower?.flipAt, l.raise?.flipAt, ...l.limits.map((m) => m.value)]
    .filter((v): v is number => v !== undefined)
    .map(shown);
  const span = Math.max(...values) - Math.min(...values) || Math.max(1, Math.abs(values[0] ?? 1));
  const x = scaleLinear({
    domain: [Math.min(...values) - span * 0.12, Math.max(...values) + span * 0.12],
    range: [plot.left, plot.right],
  });
  const now = x(shown(l.current));
  return (
    <g data-line={l.key} data-kind={l.kind}>
      <text x={plot.left} y={row.title} className="plot-row-label flip-title">
        {l.nearest ? '★ nearest · ' : ''}
        {lineName(l)}: now {displayValue(l.current, l.unit, temperatureUnit)}
      </text>
      <line x1={plot.left} x2={plot.right} y1={row.line} y2={row.line} className="number-line" />
      {l.limits.map((m) => (
        <LimitLine
          key={m.thresholdKey}
          at={{ x: x(shown(m.value)), y0: row.line - 10, y1: row.axis }}
          label={m.tier}
          tier={m.tier}
          side={x(shown(m.value)) > (plot.left + plot.right) / 2 ? 'before' : 'after'}
        />
      ))}
      {(['lower', 'raise'] as const).map((direction) => {
        const f = l[direction];
        if (!f) return null;
        const at = x(shown(f.flipAt));
        const validAlone = !('validAlone' in f) || f.validAlone;
        return (
          <g key={direction} className={`flip flip-${direction}${l.nearest === direction ? ' flip-nearest' : ''}`}>
            <line x1={now} x2={at} y1={row.line} y2={row.line} className="flip-move" />
            <rect
              x={at - 4.5}
              y={row.line - 4.5}
              width={9}
              height={9}
              transform={`rotate(45 ${at} ${row.line})`}
              className={`flip-mark${validAlone ? '' : ' flip-mark-with-other-tier'}`}
            />
            <text
              x={at}
              y={row.flipLabel}
              textAnchor={at > (plot.left + plot.right) / 2 ? 'end' : 'start'}
              className="plot-value-label"
            >
              {flipWords(l, direction)}
            </text>
          </g>
        );
      })}
      <circle cx={now} cy={row.line} r={4.5} className="now-mark" />
      <BottomAxis scale={x} at={row.axis} label="" numTicks={5} ticks={{ unit }} />
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
  flipWords: (l: FlipLine, direction: 'lower' | 'raise') => string;
}) {
  return (
    <table>
      <ColumnHeads columns={['Value', 'Now', 'Lowered', 'Raised', 'Limits']} />
      <tbody>
        {lines.map((l) => (
          <tr key={`${l.kind}:${l.key}`} data-line={l.key}>
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
