import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { memo, useId } from 'react';
import { evaluationKey } from '../../reports/describe';
import type { MarginBar } from '../../session/charts/marginBars';
import { evaluationSubject } from '../../session/decisionRecord';
import type { MissionSetup } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { displayMargin, displayValue, type TemperatureUnit } from '../shared/units';
import { BottomAxis } from './axes';
import { ChartFigure } from './ChartFigure';
import { clampToDomain, marginDomain } from './marginScale';
import { Hatch, LimitLine } from './marks';
import { sameData } from './sameData';
import { statusWords } from './statusWords';

interface Props {
  bars: MarginBar[];
  thinMarginPctOfLimit: number;
  setup: MissionSetup;
  temperatureUnit: TemperatureUnit;
}

const width = 640;
const plot = { left: 270, right: 560, top: 34 };
const rowHeight = 28;

/** Margin to limit of every rule the recommendation rests on: one bar each, failures hatched, thin margins marked. */
export const MarginChart = memo(function MarginChart({ bars, thinMarginPctOfLimit, setup, temperatureUnit }: Props) {
  const id = `margins-${useId().replace(/:/g, '')}`;
  const domain = marginDomain(
    bars.flatMap((b) => (b.marginPctOfLimit === null ? [] : [b.marginPctOfLimit])),
    thinMarginPctOfLimit,
  );
  const x = scaleLinear({ domain, range: [plot.left, plot.right] });
  const bottom = plot.top + bars.length * rowHeight;
  const margin = (b: MarginBar) => displayMargin(b.evaluation.margin, b.evaluation.unit, temperatureUnit);
  const subject = (b: MarginBar) => evaluationSubject(b.evaluation, setup);
  return (
    <ChartFigure
      id={id}
      title="Margin to limit, every rule the recommendation rests on"
      description={`${bars.length} rules; ${bars.filter((b) => b.evaluation.status === 'fail').length} fail, ${bars.filter((b) => b.thin).length} pass with a thin margin. Bars right of the limit line pass; the margin is a share of each rule's own limit.`}
      viewBox={{ width, height: bottom + 42 }}
      legend={
        <>
          Bar length: margin as % of the rule's own limit (its tier's); right of the limit passes.{' '}
          <span className="swatch swatch-fail" /> hatched, ✘: fails · ⚠ thin: passes within {thinMarginPctOfLimit} % of its limit
          · ▸: runs past the axis (its margin is written beside it) · ? unknown: not reported yet.
        </>
      }
      table={<MarginTable bars={bars} subject={subject} margin={margin} temperatureUnit={temperatureUnit} />}
    >
      <Hatch id={`${id}-fail`} className="fail" />
      {bars.map((b, i) => {
        const y = plot.top + i * rowHeight;
        const { status } = b.evaluation;
        const clamped = b.marginPctOfLimit === null ? null : clampToDomain(b.marginPctOfLimit, domain);
        const end = clamped ? x(clamped.shownPct) : x(0);
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
              {status === 'unknown' ? ' ? unknown' : ''}
            </text>
          </Group>
        );
      })}
      <LimitLine at={{ x: x(0), y0: plot.top - 14, y1: bottom }} label="limit" tier="nominal" side="before" />
      <LimitLine
        at={{ x: x(thinMarginPctOfLimit), y0: plot.top - 28, y1: bottom }}
        label={`thin (${thinMarginPctOfLimit} %)`}
        tier="thin"
      />
      <BottomAxis scale={x} at={bottom} label="Margin to the limit (% of the limit)" tickFormat={(v) => `${v} %`} />
    </ChartFigure>
  );
}, sameData);

function MarginTable({
  bars,
  subject,
  margin,
  temperatureUnit,
}: {
  bars: MarginBar[];
  subject: (b: MarginBar) => string;
  margin: (b: MarginBar) => string;
  temperatureUnit: TemperatureUnit;
}) {
  const show = (value: number | null, unit: string) => (value === null ? 'unknown' : displayValue(value, unit, temperatureUnit));
  return (
    <table>
      <ColumnHeads columns={['Rule', 'For', 'Tier', 'Value', 'Limit', 'Margin', 'Margin (% of limit)', 'Result']} />
      <tbody>
        {bars.map((b) => (
          <tr key={evaluationKey(b.evaluation)} data-rule={b.evaluation.ruleId}>
            <th scope="row">{b.evaluation.ruleId}</th>
            <td>{subject(b)}</td>
            <td>{b.evaluation.tier}</td>
            <td>{show(b.evaluation.value, b.evaluation.unit)}</td>
            <td>
              {b.evaluation.comparator} {show(b.evaluation.threshold, b.evaluation.unit)}
            </td>
            <td>{margin(b)}</td>
            <td>{b.marginPctOfLimit === null ? '—' : `${Math.round(b.marginPctOfLimit * 10) / 10} %`}</td>
            <td>
              {statusWords[b.evaluation.status].text}
              {b.thin ? ' (thin margin)' : ''}
            </td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}
