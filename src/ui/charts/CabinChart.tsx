import { memo, useId } from 'react';
import type { CabinPrediction, CabinSeries } from '../../session/charts/descentCabin';
import { ColumnHeads } from '../shared/ColumnHeads';
import { sameData } from '../shared/sameData';
import { displayUnit, displayValue, type TemperatureUnit, toDisplayNumber } from '../shared/units';
import { BottomAxis, LeftAxis } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine } from './marks';
import { bandScale, linearScale } from './scales';
import { textWidthPx } from './textFit';
import { useFigureWidthPx } from './useFigureWidthPx';

interface Props {
  series: CabinSeries[];
  temperatureUnit: TemperatureUnit;
}

/** A panel's frame around its plot; its width is the chart's (or half of it, the two quantities side by side where both fit). */
const panel = { left: 56, right: 12, top: 18, plotHeight: 170, verdictBelow: 40, titleBelow: 58 };
const panelHeightPx = panel.top + panel.plotHeight + panel.titleBelow + 8;
const verdicts = ['✔ nominal', '✔ emergency', '✘ over both'];

/** The narrowest panel in which every crew count's verdict and each limit's label fit side by side. */
function minPanelWidthPx(series: CabinSeries[], temperatureUnit: TemperatureUnit): number {
  const crewSlotPx = Math.max(...verdicts.map((v) => textWidthPx(v))) + 14;
  const limitLabelsPx = series.flatMap((s) =>
    (['nominal', 'emergency'] as const).map((tier) => {
      const limit = s.limits[tier];
      return limit === null ? 0 : textWidthPx(limitLabel(tier, limit, s, temperatureUnit)) + 8;
    }),
  );
  const crewCounts = Math.max(1, ...series.map((s) => s.byCrewCount.length));
  return panel.left + panel.right + Math.max(crewCounts * crewSlotPx, ...limitLabelsPx);
}

const limitLabel = (tier: 'nominal' | 'emergency', limit: number, s: CabinSeries, temperatureUnit: TemperatureUnit) =>
  `${tier} limit ${displayValue(limit, s.unit, temperatureUnit)}`;

/** Predicted peak descent cabin temperature and humidity for each crew count, with each report's range and the limits. */
export const CabinChart = memo(function CabinChart({ series, temperatureUnit }: Props) {
  const id = `cabin-${useId().replace(/:/g, '')}`;
  const [figureRef, widthPx] = useFigureWidthPx();
  const across = Math.max(1, Math.min(series.length, Math.floor(widthPx / minPanelWidthPx(series, temperatureUnit))));
  const panelWidthPx = widthPx / across;
  const estimates = series.flatMap((s) => s.byCrewCount.filter((c) => c.prediction?.estimated)).length;
  return (
    <ChartFigure
      id={id}
      title="Predicted peak descent cabin temperature and humidity by crew count"
      description={`For 1 to ${series[0]?.byCrewCount.length ?? 0} crew aboard: the nominal prediction, its reported range (low to high) and the nominal and emergency limits; ${estimates} of the values are estimates, not reports.`}
      figureRef={figureRef}
      sizePx={{ width: widthPx, height: Math.ceil(series.length / across) * panelHeightPx }}
      legend={
        <>
          ● report (nominal), bar: its range low–high · ○ and dashed bar: <strong>estimated</strong> (a model, not a report) ·
          solid line: nominal limit · dashed line: emergency limit · ✔ / ✘ under each crew count: the judged (worse) end against
          each limit (✔ emergency: within the emergency limit only).
        </>
      }
      table={<CabinTable series={series} temperatureUnit={temperatureUnit} />}
    >
      {series.map((s, i) => (
        <g transform={`translate(${(i % across) * panelWidthPx}, ${Math.floor(i / across) * panelHeightPx})`} key={s.quantity}>
          <CabinPanel series={s} temperatureUnit={temperatureUnit} widthPx={panelWidthPx} />
        </g>
      ))}
    </ChartFigure>
  );
}, sameData);

function CabinPanel({
  series,
  temperatureUnit,
  widthPx,
}: {
  series: CabinSeries;
  temperatureUnit: TemperatureUnit;
  widthPx: number;
}) {
  const shown = (v: number) => toDisplayNumber(v, series.unit, temperatureUnit);
  const unit = displayUnit(series.unit, temperatureUnit);
  const predictions = series.byCrewCount.flatMap((c) => (c.prediction ? [c.prediction] : []));
  const limits = [series.limits.nominal, series.limits.emergency].filter((v): v is number => v !== null);
  const values = [...predictions.flatMap((p) => [p.low, p.high]), ...limits].map(shown);
  const x = bandScale({
    domain: series.byCrewCount.map((c) => c.crewCount),
    range: [panel.left, widthPx - panel.right],
    padding: 0.3,
  });
  const y = linearScale({
    domain: [Math.min(...values) - 3, Math.max(...values) + 3],
    range: [panel.top + panel.plotHeight, panel.top],
    nice: true,
  });
  const centre = (crewCount: number) => (x(crewCount) ?? 0) + x.bandwidth() / 2;
  const bottom = panel.top + panel.plotHeight;
  return (
    <g data-quantity={series.quantity}>
      {(['nominal', 'emergency'] as const).map((tier) => {
        const limit = series.limits[tier];
        return (
          limit !== null && (
            <LimitLine
              key={tier}
              at={{ y: y(shown(limit)), x0: panel.left, x1: widthPx - panel.right }}
              label={limitLabel(tier, limit, series, temperatureUnit)}
              tier={tier}
              labelAt={tier === 'nominal' ? 'end' : 'start'}
            />
          )
        );
      })}
      {series.byCrewCount.map(({ crewCount, prediction }) =>
        prediction ? (
          <PredictionMark key={crewCount} cx={centre(crewCount)} y={(v) => y(shown(v))} prediction={prediction} bottom={bottom} />
        ) : (
          <text
            key={crewCount}
            x={centre(crewCount)}
            y={(bottom + panel.top) / 2}
            textAnchor="middle"
            className="plot-value-label muted-label"
          >
            no report
          </text>
        ),
      )}
      <LeftAxis scale={y} at={panel.left} label={`${shortLabel(series)} (${unit})`} ticks={{ unit, showUnit: false }} />
      <BottomAxis scale={x} at={bottom} label="Crew aboard (persons)" withinPx={[0, widthPx]} titleBelowPx={panel.titleBelow} />
    </g>
  );
}

function PredictionMark({
  cx,
  y,
  prediction: p,
  bottom,
}: {
  cx: number;
  y: (value: number) => number;
  prediction: CabinPrediction;
  bottom: number;
}) {
  const verdict = p.status.nominal === 'pass' ? verdicts[0] : p.status.emergency === 'pass' ? verdicts[1] : verdicts[2];
  return (
    <g className={`prediction${p.estimated ? ' estimated' : ''}`} data-crew={p.crewCount} data-estimated={p.estimated}>
      <line x1={cx} x2={cx} y1={y(p.low)} y2={y(p.high)} className="range-line" />
      <line x1={cx - 5} x2={cx + 5} y1={y(p.low)} y2={y(p.low)} className="range-line" />
      <line x1={cx - 5} x2={cx + 5} y1={y(p.high)} y2={y(p.high)} className="range-line" />
      <circle cx={cx} cy={y(p.nominal)} r={4.5} className="nominal-mark" />
      {p.estimated && (
        <text x={cx + 8} y={y(p.nominal)} dy="0.32em" className="plot-value-label estimated-label">
          estimated
        </text>
      )}
      <text x={cx} y={bottom + panel.verdictBelow} textAnchor="middle" className="plot-value-label plot-verdict">
        {verdict}
      </text>
    </g>
  );
}

const shortLabel = (series: CabinSeries) => (series.quantity === 'peakCabinTempC' ? 'Peak temperature' : 'Peak humidity');

function CabinTable({ series, temperatureUnit }: Props) {
  return (
    <table>
      <ColumnHeads columns={['Quantity', 'Crew', 'Nominal', 'Range (low–high)', 'Source', 'Nominal limit', 'Emergency limit']} />
      <tbody>
        {series.flatMap((s) => {
          const show = (v: number | null) => (v === null ? '—' : displayValue(v, s.unit, temperatureUnit));
          const against = (limit: number | null, status: 'pass' | 'fail' | 'unknown' | undefined) =>
            `${show(limit)}${status ? (status === 'pass' ? ' ✔ within' : ' ✘ over') : ''}`;
          return s.byCrewCount.map(({ crewCount, prediction: p }) => (
            <tr key={`${s.quantity}-${crewCount}`} data-quantity={s.quantity} data-crew={crewCount}>
              <th scope="row">{s.label}</th>
              <td>{crewCount}</td>
              <td>{p ? show(p.nominal) : 'no report'}</td>
              <td>{p ? `${show(p.low)} – ${show(p.high)}` : '—'}</td>
              <td>{p ? (p.estimated ? 'estimated (not a report)' : `report (${p.source})`) : '—'}</td>
              <td>{against(s.limits.nominal, p?.status.nominal)}</td>
              <td>{against(s.limits.emergency, p?.status.emergency)}</td>
            </tr>
          ));
        })}
      </tbody>
    </table>
  );
}
