import { memo, useId } from 'react';
import { countText, percentText, standardErrorText, withUnit } from '../../reports/format';
import { swingText } from '../../reports/monteCarloWords';
import { outcomeLabels } from '../../reports/outcomeWords';
import type { MonteCarloResult, OutcomeId, TornadoBar } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { BottomAxis, bottomAxisHeightPx } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine, TextLines } from './marks';
import { type LinearScale, linearScale } from './scales';
import { lineHeightPx, textWidthPx, wrapLines } from './textFit';
import { useFigureWidthPx } from './useFigureWidthPx';

const topPx = 8;
const barRowPx = 24;
/** Room at either end of the axis for half a tick label ("100 %"). */
const axisEndPx = 20;
const axisLabel = 'Probability (%)';
// The odds as the odds table and the CLI read them.
const pct = percentText;
const probabilityAxis = (at: number, x: LinearScale, widthPx: number) => (
  <BottomAxis
    scale={x}
    at={at}
    label={axisLabel}
    withinPx={[0, widthPx]}
    tickSpacingPx={60}
    ticks={{ unit: '%', scaleBy: 100 }}
  />
);

/** The odds of each outcome as bars with ± one standard error; the conservative-end recommendation marked in words. */
interface Props {
  result: MonteCarloResult;
  /** The numbers are in a table shown beside the chart (the odds panel's): the chart does not repeat it. */
  tableBeside?: boolean;
}

export const OutcomeOddsChart = memo(function OutcomeOddsChart({ result, tableBeside = false }: Props) {
  const id = `odds-${useId().replace(/:/g, '')}`;
  const [figureRef, widthPx] = useFigureWidthPx();
  const rows = (Object.entries(result.outcomes) as [OutcomeId, number][]).sort((a, b) => b[1] - a[1]);
  const se = (outcome: OutcomeId) => result.standardErrors[outcome] ?? 0;
  const name = (o: OutcomeId) => `${o === result.recommended ? '◆ ' : ''}${outcomeLabels[o]}`;
  const value = (o: OutcomeId, p: number) => `${pct(p)} ${standardErrorText(se(o))}`;
  // Outcome names left of their bars where they fit in 40 % of the width, else above them; room on the right for the widest value.
  const namesPx = Math.max(0, ...rows.map(([o]) => textWidthPx(name(o)))) + 10;
  const namesBeside = namesPx <= 0.4 * widthPx;
  const valuesPx = Math.max(0, ...rows.map(([o, p]) => textWidthPx(value(o, p)))) + 10;
  const x = linearScale({ domain: [0, 1], range: [namesBeside ? namesPx : axisEndPx, widthPx - Math.max(axisEndPx, valuesPx)] });
  const barTopPx = namesBeside ? 0 : lineHeightPx + 2;
  const rowHeightPx = barTopPx + barRowPx;
  const bottom = topPx + rows.length * rowHeightPx;
  const middle = barTopPx + barRowPx / 2;
  return (
    <ChartFigure
      id={id}
      title={`Odds of each outcome over ${countText(result.samples)} samples (seed ${result.seed})`}
      description={rows.map(([o, p]) => `${outcomeLabels[o]} ${pct(p)} ${standardErrorText(se(o))}`).join('; ')}
      figureRef={figureRef}
      sizePx={{ width: widthPx, height: bottom + bottomAxisHeightPx(axisLabel, widthPx) }}
      legend={
        <>
          Bar: probability · whisker: ± one standard error · ◆ recommended: the policy's answer at the conservative end of every
          value (the odds say how fragile it is; they do not replace it).
        </>
      }
      table={
        tableBeside ? null : (
          <table>
            <ColumnHeads columns={['Outcome', 'Probability', '± standard error', 'Recommended']} />
            <tbody>
              {rows.map(([o, p]) => (
                <tr key={o} data-outcome={o}>
                  <th scope="row">{outcomeLabels[o]}</th>
                  <td>{pct(p)}</td>
                  <td>{standardErrorText(se(o))}</td>
                  <td>{o === result.recommended ? 'yes (conservative end)' : ''}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {rows.map(([o, p], i) => (
        <g
          transform={`translate(0, ${topPx + i * rowHeightPx})`}
          key={o}
          className={`odds-row${o === result.recommended ? ' recommended' : ''}`}
        >
          <text
            x={namesBeside ? namesPx - 8 : 0}
            y={namesBeside ? middle : lineHeightPx - 3}
            dy={namesBeside ? '0.32em' : undefined}
            textAnchor={namesBeside ? 'end' : 'start'}
            className="plot-row-label"
          >
            {name(o)}
          </text>
          <rect x={x(0)} y={barTopPx + 5} width={Math.max(1, x(p) - x(0))} height={barRowPx - 10} className="bar odds-bar" />
          <line x1={x(Math.max(0, p - se(o)))} x2={x(Math.min(1, p + se(o)))} y1={middle} y2={middle} className="error-bar" />
          {[p - se(o), p + se(o)].map((end) => (
            <line
              key={end}
              x1={x(Math.min(1, Math.max(0, end)))}
              x2={x(Math.min(1, Math.max(0, end)))}
              y1={middle - 5}
              y2={middle + 5}
              className="error-bar"
            />
          ))}
          <text x={x(Math.min(1, p + se(o))) + 5} y={middle} dy="0.32em" className="plot-value-label">
            {value(o, p)}
          </text>
        </g>
      ))}
      {probabilityAxis(bottom, x, widthPx)}
    </ChartFigure>
  );
});

/** How much the probability of the recommended outcome swings as each input goes from its low to its high end, widest first. */
export const TornadoChart = memo(function TornadoChart({ result, tableBeside = false }: Props) {
  const id = `tornado-${useId().replace(/:/g, '')}`;
  const [figureRef, widthPx] = useFigureWidthPx();
  const bars = [...result.tornado].sort((a, b) => b.swing - a.swing);
  const overall = result.outcomes[result.recommended] ?? 0;
  const recommended = outcomeLabels[result.recommended];
  const end = (b: TornadoBar, which: 'low' | 'high') => withUnit(b[which], b.unit);
  // Each input's name is written above its bar, the full width free for it (names are long, wrapped if
  // need be), and the axis spans the width less room either side for the widest end value.
  const endsPx = Math.max(
    axisEndPx,
    ...bars.flatMap((b) => [textWidthPx(end(b, 'low')), textWidthPx(end(b, 'high'))]).map((w) => w + 12),
  );
  const x = linearScale({ domain: [0, 1], range: [endsPx, widthPx - endsPx] });
  const names = bars.map((b) => wrapLines(b.label, widthPx));
  const rowHeights = names.map((lines) => lines.length * lineHeightPx + barRowPx);
  const rowTops = rowHeights.map((_, i) => topPx + 18 + rowHeights.slice(0, i).reduce((sum, h) => sum + h, 0));
  const bottom = topPx + 18 + rowHeights.reduce((sum, h) => sum + h, 0);
  return (
    <ChartFigure
      id={id}
      title={`Tornado: what moves the odds of “${recommended}”`}
      description={bars
        .map(
          (b) => `${b.label}: ${pct(b.probabilityAtLow)} at ${end(b, 'low')}, ${pct(b.probabilityAtHigh)} at ${end(b, 'high')}`,
        )
        .join('; ')}
      figureRef={figureRef}
      sizePx={{ width: widthPx, height: bottom + bottomAxisHeightPx(axisLabel, widthPx) }}
      legend={
        <>
          Each bar spans the probability of “{recommended}” with one input at its low end (○, written left or right) and at its
          high end (■); the widest swing is on top · line: the probability with every input sampled.
        </>
      }
      table={
        tableBeside ? null : (
          <table>
            <ColumnHeads columns={['Input', 'Low end → probability', 'High end → probability', 'Swing']} />
            <tbody>
              {bars.map((b) => (
                <tr key={b.key} data-input={b.key}>
                  <th scope="row">{b.label}</th>
                  <td>
                    {end(b, 'low')} → {pct(b.probabilityAtLow)}
                  </td>
                  <td>
                    {end(b, 'high')} → {pct(b.probabilityAtHigh)}
                  </td>
                  <td>{swingText(b.swing)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        )
      }
    >
      {bars.map((b, i) => {
        const [from, to] = [Math.min(b.probabilityAtLow, b.probabilityAtHigh), Math.max(b.probabilityAtLow, b.probabilityAtHigh)];
        const lowIsLeft = b.probabilityAtLow <= b.probabilityAtHigh;
        const lines = names[i] ?? [];
        const y = lines.length * lineHeightPx + barRowPx / 2;
        return (
          <g transform={`translate(0, ${rowTops[i]})`} key={b.key} className="tornado-row">
            <TextLines lines={lines} x={0} y={lineHeightPx - 3} className="plot-row-label" />
            <rect
              x={x(from)}
              y={y - barRowPx / 2 + 5}
              width={Math.max(1, x(to) - x(from))}
              height={barRowPx - 10}
              className="bar tornado-bar"
            />
            <circle cx={x(b.probabilityAtLow)} cy={y} r={4} className="low-end-mark" />
            <rect x={x(b.probabilityAtHigh) - 4} y={y - 4} width={8} height={8} className="high-end-mark" />
            <text x={x(from) - 7} y={y} dy="0.32em" textAnchor="end" className="plot-value-label">
              {lowIsLeft ? end(b, 'low') : end(b, 'high')}
            </text>
            <text x={x(to) + 7} y={y} dy="0.32em" className="plot-value-label">
              {lowIsLeft ? end(b, 'high') : end(b, 'low')}
            </text>
          </g>
        );
      })}
      <LimitLine
        at={{ x: x(overall), y0: topPx, y1: bottom }}
        label={`all sampled: ${pct(overall)}`}
        tier="base"
        withinPx={[0, widthPx]}
      />
      {probabilityAxis(bottom, x, widthPx)}
    </ChartFigure>
  );
});
