import { memo, useId } from 'react';
import { numberText } from '../../reports/format';
import { decimalsOf } from '../../reports/resolution';
import { ruleReading } from '../../reports/ruleReading';
import type { MarginBar } from '../../session/charts/marginBars';
import { evaluationSubject } from '../../session/decisionRecord';
import type { MissionSetup } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { sameData } from '../shared/sameData';
import { statusWords } from '../shared/statusWords';
import { displayValue, type TemperatureUnit } from '../shared/units';
import { BottomAxis, bottomAxisHeightPx } from './axes';
import { ChartFigure } from './ChartFigure';
import { clampToDomain, marginDomain } from './marginScale';
import { Hatch, LimitLine } from './marks';
import { linearScale } from './scales';
import { lineHeightPx, placeBeside, textWidthPx } from './textFit';
import { useFigureWidthPx } from './useFigureWidthPx';

interface Props {
  bars: MarginBar[];
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

/** Above the rows: the thin line's label, then the limit line's. */
const topPx = 36;
const barHeightPx = 20;
/** Room at either end of the axis for half a tick label. */
const axisEndPx = 16;
const axisLabel = 'Margin to the limit (caution bands of the rule)';

interface RowText {
  rule: string;
  detail: string;
  value: string;
}

/**
 * Rows at the chart's width: each rule's name in a column left of its bar where the names fit in 40 % of
 * the width, else written above its bar; the bars' scale leaves room on the right for the widest value.
 */
function marginLayout(rows: RowText[], widthPx: number) {
  const nameColumnPx = Math.max(0, ...rows.flatMap((r) => [textWidthPx(r.rule), textWidthPx(r.detail)])) + 10;
  const namesBeside = nameColumnPx <= 0.4 * widthPx;
  const valueRoomPx = Math.min(Math.max(0, ...rows.map((r) => textWidthPx(r.value))) + 8, 0.3 * widthPx);
  const plot = { left: namesBeside ? nameColumnPx : axisEndPx, right: widthPx - Math.max(axisEndPx, valueRoomPx) };
  const namesPx = namesBeside ? 0 : 2 * lineHeightPx;
  const rowHeightPx = namesPx + barHeightPx + 14;
  const bottom = topPx + rows.length * rowHeightPx;
  return {
    namesBeside,
    plot,
    rowHeightPx,
    /** Where a row's bar starts, from the row's top. */
    barTopPx: namesPx + 6,
    bottom,
    heightPx: bottom + bottomAxisHeightPx(axisLabel, widthPx),
  };
}

/**
 * Margin to limit of every rule the recommendation rests on, in each rule's own caution band (2 °C,
 * 0.05 kPa/h, …): one bar each, failures hatched, thin margins (under one band) marked; a rule without a
 * band (a count, a status, a limit met by design) has no bar, its margin in words.
 */
export const MarginChart = memo(function MarginChart({ bars, setup, temperatureUnit }: Props) {
  const id = `margins-${useId().replace(/:/g, '')}`;
  const [figureRef, widthPx] = useFigureWidthPx();
  const domain = marginDomain(bars.flatMap((b) => (b.marginInBands === null ? [] : [b.marginInBands])));
  const margin = (b: MarginBar) => ruleReading(b.evaluation, temperatureUnit).margin;
  const subject = (b: MarginBar) => evaluationSubject(b.evaluation, setup);
  const texts = bars.map((b) => {
    const clamped = b.marginInBands === null ? null : clampToDomain(b.marginInBands, domain);
    return {
      rule: `${statusWords[b.evaluation.status].mark} ${b.evaluation.ruleId}`,
      detail: [subject(b), b.evaluation.tier].filter(Boolean).join(' · '),
      value: `${clamped?.beyond ? '▸ ' : ''}${margin(b)}${b.thin ? ' ⚠ thin' : ''}${b.byDesign ? ' at limit by design' : ''}${b.evaluation.status === 'unknown' ? ' ? unknown' : ''}`,
    };
  });
  const layout = marginLayout(texts, widthPx);
  const { plot, rowHeightPx, barTopPx, bottom } = layout;
  const x = linearScale({ domain, range: [plot.left, plot.right] });
  const withinPx = [0, widthPx] as const;
  return (
    <ChartFigure
      id={id}
      figureRef={figureRef}
      title="Margin to limit, every rule the recommendation rests on"
      description={`${bars.length} rules; ${bars.filter((b) => b.evaluation.status === 'fail').length} fail, ${bars.filter((b) => b.thin).length} pass with a thin margin. Bars right of the limit line pass; the margin is counted in each rule's own caution band.`}
      sizePx={{ width: widthPx, height: layout.heightPx }}
      legend={
        <>
          Bar length: margin in the rule's own caution band (its unit's: 2 °C, 5 %RH, 0.05 kPa/h, 5 %); right of the limit passes.{' '}
          <span className="swatch swatch-fail" /> hatched, ✘: fails · ⚠ thin: passes within one band · no bar: the rule has no
          band (a count, a status) or its limit is met by design · ▸: runs past the axis · ? unknown: not reported yet.
        </>
      }
      table={<MarginTable bars={bars} subject={subject} temperatureUnit={temperatureUnit} />}
    >
      <Hatch id={`${id}-fail`} className="fail" />
      {bars.map((b, i) => {
        const text = texts[i] as RowText;
        const { status } = b.evaluation;
        const clamped = b.marginInBands === null ? null : clampToDomain(b.marginInBands, domain);
        const end = clamped ? x(clamped.shown) : x(0);
        const barMiddle = barTopPx + barHeightPx / 2;
        const names = layout.namesBeside
          ? { x: plot.left - 8, anchor: 'end' as const, ruleY: barMiddle - 7, detailY: barMiddle + 8 }
          : { x: 0, anchor: 'start' as const, ruleY: lineHeightPx - 3, detailY: 2 * lineHeightPx - 3 };
        const value = placeBeside(status === 'fail' || !clamped ? x(0) : end, textWidthPx(text.value), withinPx);
        return (
          <g
            transform={`translate(0, ${topPx + i * rowHeightPx})`}
            // By place: a flip that changes which rules are shown rewrites the rows' words, not the rows.
            // biome-ignore lint/suspicious/noArrayIndexKey: see above
            key={i}
            className={`margin-row status-${status}`}
          >
            <text x={names.x} y={names.ruleY} dy="0.32em" textAnchor={names.anchor} className="plot-row-label">
              {text.rule}
            </text>
            <text x={names.x} y={names.detailY} dy="0.32em" textAnchor={names.anchor} className="plot-row-label plot-row-detail">
              {text.detail}
            </text>
            {clamped && (
              <rect
                x={Math.min(end, x(0))}
                y={barTopPx}
                width={Math.max(1, Math.abs(end - x(0)))}
                height={barHeightPx}
                className={`bar bar-${status}${b.thin ? ' bar-thin' : ''}`}
                fill={status === 'fail' ? `url(#${id}-fail)` : undefined}
              />
            )}
            <text x={value.x} y={barMiddle} dy="0.32em" textAnchor={value.textAnchor} className="plot-value-label">
              {text.value}
            </text>
          </g>
        );
      })}
      <LimitLine at={{ x: x(0), y0: topPx - 15, y1: bottom }} label="limit" tier="nominal" side="before" withinPx={withinPx} />
      <LimitLine at={{ x: x(1), y0: topPx - 30, y1: bottom }} label="thin (1 band)" tier="thin" withinPx={withinPx} />
      <BottomAxis
        scale={x}
        at={bottom}
        label={axisLabel}
        withinPx={withinPx}
        tickSpacingPx={50}
        ticks={{ unit: 'bands', showUnit: false }}
      />
    </ChartFigure>
  );
}, sameData);

function MarginTable({
  bars,
  subject,
  temperatureUnit,
}: {
  bars: MarginBar[];
  subject: (b: MarginBar) => string;
  temperatureUnit: TemperatureUnit;
}) {
  return (
    <table>
      <ColumnHeads columns={['Rule', 'For', 'Tier', 'Value', 'Limit', 'Margin', 'Caution band', 'Margin (bands)', 'Result']} />
      <tbody>
        {bars.map((b, i) => {
          const reading = ruleReading(b.evaluation, temperatureUnit);
          return (
            // biome-ignore lint/suspicious/noArrayIndexKey: by place, as the chart's rows
            <tr key={i} data-rule={b.evaluation.ruleId}>
              <th scope="row">{b.evaluation.ruleId}</th>
              <td>{subject(b)}</td>
              <td>{b.evaluation.tier}</td>
              <td>{reading.value ?? 'unknown'}</td>
              <td>
                {b.evaluation.comparator} {reading.limit}
              </td>
              <td>{reading.margin}</td>
              <td>
                {typeof b.caution === 'number'
                  ? displayValue(b.caution, b.evaluation.unit, temperatureUnit, true)
                  : (b.caution ?? 'none')}
              </td>
              <td>{b.marginInBands === null ? '—' : numberText(b.marginInBands, decimalsOf('bands'))}</td>
              <td>
                {statusWords[b.evaluation.status].text}
                {b.thin ? ' (thin margin)' : ''}
                {b.byDesign ? ' (at limit by design)' : ''}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
