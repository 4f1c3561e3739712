import { scaleLinear } from '@visx/scale';
import { memo, useId } from 'react';
import { withUnit } from '../../reports/numbers';
import type { LifeMark, VehicleLifeTimeline } from '../../session/charts/vehicleLife';
import { ColumnHeads } from '../shared/ColumnHeads';
import { BottomAxis } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine } from './marks';
import { sameData } from './sameData';

const width = 640;
const plot = { left: 20, right: 540, marksTop: 44, ageY: 62, arrivalY: 104, bottom: 130 };
const markWords: Record<LifeMark['kind'], string> = { anomaly: 'anomaly', decision: 'decision', now: 'now' };
const days = (value: number) => withUnit(value, 'd');

/** The mission against the damaged vehicle's certified life: its age, the anomaly, the decision, the replacement's arrival and the limits. */
export const VehicleLifeChart = memo(function VehicleLifeChart({ timeline: t }: { timeline: VehicleLifeTimeline }) {
  const id = `life-${useId().replace(/:/g, '')}`;
  const now = t.marks.find((m) => m.kind === 'now')?.ageDays ?? 0;
  const arrival = t.replacementArrival;
  const extent = Math.max(now, arrival?.worstAgeDays ?? 0, ...t.limits.map((l) => l.ageDays ?? 0), 1);
  const x = scaleLinear({ domain: [0, extent * 1.05], range: [plot.left, plot.right], nice: true });
  const arrivalStart = arrival?.fromAgeDays ?? now;
  const verdict = arrival
    ? arrival.status.nominal === 'pass'
      ? '✔ within certified life'
      : arrival.status.emergency === 'pass'
        ? '⚠ beyond certified life, within the lifeboat allowance'
        : '✘ beyond the lifeboat allowance'
    : '';
  return (
    <ChartFigure
      id={id}
      title={`${t.vehicleName}: the mission against its certified life`}
      description={`Vehicle age ${days(now)} of ${t.certifiedLifeDays === null ? 'an unknown' : days(t.certifiedLifeDays)} certified life${arrival ? `; the replacement arrives at age ${days(arrival.nominalAgeDays)} (worst ${days(arrival.worstAgeDays)}): ${verdict}` : '; no replacement lead time reported yet'}.`}
      viewBox={{ width, height: plot.bottom + 40 }}
      legend={
        <>
          Solid bar: age so far · ticks: anomaly, decision, now · outlined bar: waiting for the replacement (lead time plus any
          hold), whisker to its worst end · solid line: certified life (nominal limit) · dashed line: lifeboat allowance.
        </>
      }
      table={<LifeTable timeline={t} verdict={verdict} />}
    >
      <rect x={x(0)} y={plot.ageY - 8} width={x(now) - x(0)} height={16} className="bar age-bar" />
      <text x={x(0) + 4} y={plot.ageY} dy="0.32em" className="plot-value-label on-bar">
        age {days(now)}
      </text>
      {t.marks.map((m, i) => (
        <g key={m.kind} className={`life-mark life-mark-${m.kind}`} data-mark={m.kind}>
          <line x1={x(m.ageDays)} x2={x(m.ageDays)} y1={plot.marksTop - 30 + i * 11} y2={plot.ageY + 8} className="mark-line" />
          <text x={x(m.ageDays) - 3} y={plot.marksTop - 32 + i * 11} dy="0.9em" textAnchor="end" className="plot-value-label">
            {markWords[m.kind]} {m.atUtc.slice(0, 10)} · {days(m.ageDays)}
          </text>
        </g>
      ))}
      {arrival && (
        <g className={`arrival status-${arrival.status.nominal}`} data-arrival={arrival.status.nominal}>
          <rect
            x={x(arrivalStart)}
            y={plot.arrivalY - 8}
            width={Math.max(1, x(arrival.nominalAgeDays) - x(arrivalStart))}
            height={16}
            className="bar arrival-bar"
          />
          <line
            x1={x(arrival.nominalAgeDays)}
            x2={x(arrival.worstAgeDays)}
            y1={plot.arrivalY}
            y2={plot.arrivalY}
            className="range-line"
          />
          <line
            x1={x(arrival.worstAgeDays)}
            x2={x(arrival.worstAgeDays)}
            y1={plot.arrivalY - 5}
            y2={plot.arrivalY + 5}
            className="range-line"
          />
          <text x={x(arrivalStart) - 4} y={plot.arrivalY} dy="0.32em" textAnchor="end" className="plot-value-label">
            replacement arrives {days(arrival.nominalAgeDays)}
            {arrival.worstAgeDays !== arrival.nominalAgeDays ? ` (worst ${days(arrival.worstAgeDays)})` : ''}
          </text>
          <text x={x(arrivalStart)} y={plot.arrivalY + 18} dy="0.32em" className="plot-value-label">
            {verdict}
          </text>
        </g>
      )}
      {t.limits.map(
        (l) =>
          l.ageDays !== null && (
            <LimitLine
              key={l.tier}
              at={{ x: x(l.ageDays), y0: plot.ageY - 14, y1: plot.bottom }}
              label={`${l.tier === 'nominal' ? 'certified life' : 'lifeboat allowance'} ${days(l.ageDays)} (${withUnit(l.sharePct, '%')})`}
              tier={l.tier}
              labelAt={l.tier === 'nominal' ? 'end' : 'start'}
              side={l.tier === 'nominal' ? 'before' : 'after'}
            />
          ),
      )}
      <BottomAxis
        scale={x}
        at={plot.bottom}
        label={`Vehicle age (days since launch, ${t.launchedUtc.slice(0, 10)})`}
        ticks={{ unit: 'd', showUnit: false }}
      />
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
          <td>{t.launchedUtc.slice(0, 16).replace('T', ' ')}</td>
          <td>0 d</td>
          <td>0 %</td>
        </tr>
        {t.marks.map((m) => (
          <tr key={m.kind} data-mark={m.kind}>
            <th scope="row">{markWords[m.kind]}</th>
            <td>{m.atUtc.slice(0, 16).replace('T', ' ')}</td>
            <td>{days(m.ageDays)}</td>
            <td>{share(t, m.ageDays)}</td>
          </tr>
        ))}
        {arrival && (
          <tr data-mark="arrival">
            <th scope="row">replacement arrives (lead time + hold)</th>
            <td>counted from {arrival.fromUtc.slice(0, 10)}</td>
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
