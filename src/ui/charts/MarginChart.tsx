import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { memo, useId } from 'react';
import { evaluationKey } from '../../reports/describe';
import { numberText } from '../../reports/numbers';
import { decimalsOf } from '../../reports/resolution';
import { ruleReading } from '../../reports/ruleReading';
import type { MarginBar } from '../../session/charts/marginBars';
import { evaluationSubject } from '../../session/decisionRecord';
import type { MissionSetup } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { statusWords } from '../shared/statusWords';
import { displayValue, type TemperatureUnit } from '../shared/units';
import { BottomAxis } from './axes';
import { ChartFigure } from './ChartFigure';
import { clampToDomain, marginDomain } from './marginScale';
import { Hatch, LimitLine } from './marks';
import { sameData } from './sameData';

interface Props {
  bars: MarginBar[];
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

const width = 640;
const plot = { left: 270, right: 560, top: 34 };
const rowHeight = 28;

/**
 * Margin to limit of every rule the recommendation rests on, in each rule's own caution band (2 °C,
 * 0.05 kPa/h, …): one bar each, failures hatched, thin margins (under one band) marked; a rule without a
 * band (a count, a status, a limit met by design) has no bar, its margin in words.
 */
export const MarginChart = memo(function MarginChart({ bars, setup, temperatureUnit }: Props) {
  const id = `margins-${useId().replace(/:/g, '')}`;
  const domain = marginDomain(bars.flatMap((b) => (b.marginInBands === null ? [] : [b.marginInBands])));
  const x = scaleLinear({ domain, range: [plot.left, plot.right] });
  const bottom = plot.top + bars.length * rowHeight;
  const margin = (b: MarginBar) => ruleReading(b.evaluation, temperatureUnit).margin;
  const subject = (b: MarginBar) => evaluationSubject(b.evaluation, setup);
  return (
    <ChartFigure
      id={id}
      title="Margin to limit, every rule the recommendation rests on"
      description={`${bars.length} rules; ${bars.filter((b) => b.evaluation.status === 'fail').length} fail, ${bars.filter((b) => b.thin).length} pass with a thin margin. Bars right of the limit line pass; the margin is counted in each rule's own caution band.`}
      viewBox={{ width, height: bottom + 42 }}
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
        const y = plot.top + i * rowHeight;
        const { status } = b.evaluation;
        const clamped = b.marginInBands === null ? null : clampToDomain(b.marginInBands, domain);
        const end = clamped ? x(clamped.shown) : x(0);
        return (
          <Group key={evaluationKey(b.evaluation)} top={y} className={`margin-row status-${status}`}>
            <text x={plot.left - 6} y={rowHeight / 2 - 6} dy="0.32em" textAnchor="end" className="plot-row-label">
              {statusWords[status].mark} {b.evaluation.ruleId}
            </text>
            <text x={plot.left - 6} y={rowHeight / 2 + 7} dy="0.32em" textAnchor="end" className="plot-row-label plot-row-detail">
              {[subject(b), b.evaluation.tier].filter(Boolean).join(' · ')}
            </text>
            {clamped && (
              <rect
                x={Math.min(end, x(0))}
                y={4}
                width={Math.max(1, Math.abs(end - x(0)))}
                height={rowHeight - 8}
                className={`bar bar-${status}${b.thin ? ' bar-thin' : ''}`}
                fill={status === 'fail' ? `url(#${id}-fail)` : undefined}
              />
            )}
            <text
              x={status === 'fail' || !clamped ? x(0) + 4 : end + 4}
              y={rowHeight / 2}
              dy="0.32em"
              className="plot-value-label"
            >
              {clamped?.beyond ? '▸ ' : ''}
              {margin(b)}
              {b.thin ? ' ⚠ thin' : ''}
              {b.byDesign ? ' at limit by design' : ''}
              {status === 'unknown' ? ' ? unknown' : ''}
            </text>
          </Group>
        );
      })}
      <LimitLine at={{ x: x(0), y0: plot.top - 14, y1: bottom }} label="limit" tier="nominal" side="before" />
      <LimitLine at={{ x: x(1), y0: plot.top - 28, y1: bottom }} label="thin (1 band)" tier="thin" />
      <BottomAxis
        scale={x}
        at={bottom}
        label="Margin to the limit (caution bands of the rule)"
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
        {bars.map((b) => {
          const reading = ruleReading(b.evaluation, temperatureUnit);
          return (
            <tr key={evaluationKey(b.evaluation)} data-rule={b.evaluation.ruleId}>
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
