import { memo, useId } from 'react';
import { utcDate, utcMinute, withUnit } from '../../reports/format';
import type { LifeMark, VehicleLifeTimeline } from '../../session/charts/vehicleLife';
import { ColumnHeads } from '../shared/ColumnHeads';
import { sameData } from '../shared/sameData';
import { BottomAxis, bottomAxisHeightPx } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine, TextLines } from './marks';
import { linearScale } from './scales';
import { lineHeightPx, placeBeside, textWidthPx, wrapLines } from './textFit';
import { useFigureWidthPx } from './useFigureWidthPx';

/** Room at either end of the axis for half a tick label. */
const axisEndPx = 20;
const markWords: Record<LifeMark['kind'], string> = { anomaly: 'anomaly', decision: 'decision', now: 'now' };
const days = (value: number) => withUnit(value, 'd');

/** The mission against the damaged vehicle's certified life: its age, the anomaly, the decision, the replacement's arrival and the limits. */
export const VehicleLifeChart = memo(function VehicleLifeChart({ timeline: t }: { timeline: VehicleLifeTimeline }) {
  const id = `life-${useId().replace(/:/g, '')}`;
  const [figureRef, widthPx] = useFigureWidthPx();
  const withinPx = [0, widthPx] as const;
  const now = t.marks.find((m) => m.kind === 'now')?.ageDays ?? 0;
  const arrival = t.replacementArrival;
  const extent = Math.max(now, arrival?.worstAgeDays ?? 0, ...t.limits.map((l) => l.ageDays ?? 0), 1);
  const x = linearScale({ domain: [0, extent * 1.05], range: [axisEndPx, widthPx - axisEndPx], nice: true });
  const arrivalStart = arrival?.fromAgeDays ?? now;
  const verdict = arrival
    ? arrival.status.nominal === 'pass'
      ? '✔ within certified life'
      : arrival.status.emergency === 'pass'
        ? '⚠ beyond certified life, within the lifeboat allowance'
        : '✘ beyond the lifeboat allowance'
    : '';
  const arrivalWords = arrival
    ? `replacement arrives ${days(arrival.nominalAgeDays)}${arrival.worstAgeDays !== arrival.nominalAgeDays ? ` (worst ${days(arrival.worstAgeDays)})` : ''}`
    : '';
  const axisLabel = `Vehicle age (days since launch, ${utcDate(t.launchedUtc)})`;
  const limits = t.limits.filter((l) => l.ageDays !== null);
  // One line each, top down: the marks' words, the age bar, the replacement's words, its bar, its verdict, the limits' names.
  const ageY = t.marks.length * lineHeightPx + 16;
  const arrivalWordsY = ageY + 8 + lineHeightPx;
  const arrivalY = arrivalWordsY + 16;
  const verdictLines = wrapLines(verdict, widthPx);
  const verdictY = arrivalY + 8 + lineHeightPx - 3;
  const limitsY = (arrival ? verdictY + (verdictLines.length - 1) * lineHeightPx : ageY + 8) + lineHeightPx;
  const axisY = limitsY + (limits.length - 1) * lineHeightPx + 8;
  const beside = (atX: number, words: string, prefer: 'after' | 'before', gapPx = 3) =>
    placeBeside(atX, textWidthPx(words), withinPx, prefer, gapPx);
  return (
    <ChartFigure
      id={id}
      title={`${t.vehicleName}: the mission against its certified life`}
      description={`Vehicle age ${days(now)} of ${t.certifiedLifeDays === null ? 'an unknown' : days(t.certifiedLifeDays)} certified life${arrival ? `; the replacement arrives at age ${days(arrival.nominalAgeDays)} (worst ${days(arrival.worstAgeDays)}): ${verdict}` : '; no replacement lead time reported yet'}.`}
      figureRef={figureRef}
      sizePx={{ width: widthPx, height: axisY + bottomAxisHeightPx(axisLabel, widthPx) }}
      legend={
        <>
          Solid bar: age so far · ticks: anomaly, decision, now · outlined bar: waiting for the replacement (lead time plus any
          hold), whisker to its worst end · solid line: certified life (nominal limit) · dashed line: lifeboat allowance.
        </>
      }
      table={<LifeTable timeline={t} verdict={verdict} />}
    >
      <rect x={x(0)} y={ageY - 8} width={x(now) - x(0)} height={16} className="bar age-bar" />
      <text x={x(0) + 4} y={ageY} dy="0.32em" className="plot-value-label on-bar">
        age {days(now)}
      </text>
      {t.marks.map((m, i) => {
        const words = `${markWords[m.kind]} ${utcDate(m.atUtc)} · ${days(m.ageDays)}`;
        const placed = beside(x(m.ageDays), words, 'before');
        return (
          <g key={m.kind} className={`life-mark life-mark-${m.kind}`} data-mark={m.kind}>
            <line x1={x(m.ageDays)} x2={x(m.ageDays)} y1={i * lineHeightPx + 2} y2={ageY + 8} className="mark-line" />
            <text x={placed.x} y={(i + 1) * lineHeightPx - 3} textAnchor={placed.textAnchor} className="plot-value-label">
              {words}
            </text>
          </g>
        );
      })}
      {arrival && (
        <g className={`arrival status-${arrival.status.nominal}`} data-arrival={arrival.status.nominal}>
          <rect
            x={x(arrivalStart)}
            y={arrivalY - 8}
            width={Math.max(1, x(arrival.nominalAgeDays) - x(arrivalStart))}
            height={16}
            className="bar arrival-bar"
          />
          <line x1={x(arrival.nominalAgeDays)} x2={x(arrival.worstAgeDays)} y1={arrivalY} y2={arrivalY} className="range-line" />
          <line
            x1={x(arrival.worstAgeDays)}
            x2={x(arrival.worstAgeDays)}
            y1={arrivalY - 5}
            y2={arrivalY + 5}
            className="range-line"
          />
          <text y={arrivalWordsY} className="plot-value-label" {...beside(x(arrivalStart), arrivalWords, 'after', 0)}>
            {arrivalWords}
          </text>
          <TextLines
            lines={verdictLines}
            y={verdictY}
            className="plot-value-label"
            {...beside(x(arrivalStart), verdictLines[0] ?? '', 'after', 0)}
          />
        </g>
      )}
      {limits.map((l, i) => (
        <LimitLine
          key={l.tier}
          at={{ x: x(l.ageDays ?? 0), y0: ageY - 14, y1: axisY }}
          label={`${l.tier === 'nominal' ? 'certified life' : 'lifeboat allowance'} ${days(l.ageDays ?? 0)} (${withUnit(l.sharePct, '%')})`}
          tier={l.tier}
          side={l.tier === 'nominal' ? 'before' : 'after'}
          withinPx={withinPx}
          labelY={limitsY + i * lineHeightPx}
        />
      ))}
      <BottomAxis scale={x} at={axisY} label={axisLabel} withinPx={withinPx} ticks={{ unit: 'd', showUnit: false }} />
    </ChartFigure>
  );
}, sameData);

function LifeTable({ timeline: t, verdict }: { timeline: VehicleLifeTimeline; verdict: string }) {
  const arrival = t.replacementArrival;
  return (
    <table>
      <ColumnHeads columns={['Moment', 'Date (UTC)', 'Vehicle age', 'Share of certified life']} />
      <tbody>
        <tr>
          <th scope="row">launch</th>
          <td>{utcMinute(t.launchedUtc)}</td>
          <td>0 d</td>
          <td>0 %</td>
        </tr>
        {t.marks.map((m) => (
          <tr key={m.kind} data-mark={m.kind}>
            <th scope="row">{markWords[m.kind]}</th>
            <td>{utcMinute(m.atUtc)}</td>
            <td>{days(m.ageDays)}</td>
            <td>{share(t, m.ageDays)}</td>
          </tr>
        ))}
        {arrival && (
          <tr data-mark="arrival">
            <th scope="row">replacement arrives (lead time + hold)</th>
            <td>counted from {utcDate(arrival.fromUtc)}</td>
            <td>
              {days(arrival.nominalAgeDays)} (worst {days(arrival.worstAgeDays)})
            </td>
            <td>
              {share(t, arrival.worstAgeDays)} at worst: {verdict}
            </td>
          </tr>
        )}
        {t.limits.map((l) => (
          <tr key={l.tier} data-limit={l.tier}>
            <th scope="row">{l.tier === 'nominal' ? 'certified life (nominal limit)' : 'lifeboat allowance'}</th>
            <td>—</td>
            <td>{l.ageDays === null ? 'unknown' : days(l.ageDays)}</td>
            <td>{withUnit(l.sharePct, '%')}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

const share = (t: VehicleLifeTimeline, ageDays: number) =>
  t.certifiedLifeDays === null ? 'unknown' : withUnit((100 * ageDays) / t.certifiedLifeDays, '%');
