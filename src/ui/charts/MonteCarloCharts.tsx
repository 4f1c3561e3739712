import { Group } from '@visx/group';
import { scaleLinear } from '@visx/scale';
import { memo, useId } from 'react';
import { outcomeLabels } from '../../reports/describe';
import { swingText } from '../../reports/monteCarloWords';
import { percentText, standardErrorText, withUnit } from '../../reports/numbers';
import type { MonteCarloResult, OutcomeId, TornadoBar } from '../../session/model';
import { ColumnHeads } from '../shared/ColumnHeads';
import { BottomAxis } from './axes';
import { ChartFigure } from './ChartFigure';
import { LimitLine } from './marks';

const width = 640;
const plot = { left: 220, right: 600, top: 8 };
const rowHeight = 24;
const tornadoPlot = { left: 90, right: 550 };
/** A bar's row and the line of its input's name above it. */
const tornadoRowHeight = rowHeight + 18;
// The odds as the odds table and the CLI read them.
const pct = percentText;
const probabilityAxis = (at: number, x: ReturnType<typeof scaleLinear<number>>) => (
  <BottomAxis scale={x} at={at} label="Probability (%)" ticks={{ unit: '%', scaleBy: 100 }} />
);

/** The odds of each outcome as bars with ± one standard error; the conservative-end recommendation marked in words. */
interface Props {
  result: MonteCarloResult;
  /** The numbers are in a table shown beside the chart (the odds panel's): the chart does not repeat it. */
  tableBeside?: boolean;
}

export const OutcomeOddsChart = memo(function OutcomeOddsChart({ result, tableBeside = false }: Props) {
  const id = `odds-${useId().replace(/:/g, '')}`;
  const rows = (Object.entries(result.outcomes) as [OutcomeId, number][]).sort((a, b) => b[1] - a[1]);
  const x = scaleLinear({ domain: [0, 1], range: [plot.left, plot.right] });
  const bottom = plot.top + rows.length * rowHeight;
  const se = (outcome: OutcomeId) => result.standardErrors[outcome] ?? 0;
  return (
    <ChartFigure
      id={id}
      title={`Odds of each outcome over ${result.samples.toLocaleString('en')} samples (seed ${result.seed})`}
      description={rows.map(([o, p]) => `${outcomeLabels[o]} ${pct(p)} ${standardErrorText(se(o))}`).join('; ')}
      viewBox={{ width, height: bottom + 42 }}
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
        <Group key={o} top={plot.top + i * rowHeight} className={`odds-row${o === result.recommended ? ' recommended' : ''}`}>
          <text x={plot.left - 6} y={rowHeight / 2} dy="0.32em" textAnchor="end" className="plot-row-label">
            {o === result.recommended ? '◆ ' : ''}
            {outcomeLabels[o]}
          </text>
          <rect x={x(0)} y={5} width={Math.max(1, x(p) - x(0))} height={rowHeight - 10} className="bar odds-bar" />
          <line
            x1={x(Math.max(0, p - se(o)))}
            x2={x(Math.min(1, p + se(o)))}
            y1={rowHeight / 2}
            y2={rowHeight / 2}
            className="error-bar"
          />
          {[p - se(o), p + se(o)].map((end) => (
            <line
              key={end}
              x1={x(Math.min(1, Math.max(0, end)))}
              x2={x(Math.min(1, Math.max(0, end)))}
              y1={rowHeight / 2 - 5}
              y2={rowHeight / 2 + 5}
              className="error-bar"
            />
          ))}
          <text x={x(Math.min(1, p + se(o))) + 5} y={rowHeight / 2} dy="0.32em" className="plot-value-label">
            {pct(p)} {standardErrorText(se(o))}
          </text>
        </Group>
      ))}
      {probabilityAxis(bottom, x)}
    </ChartFigure>
  );
});

/** How much the probability of the recommended outcome swings as each input goes from its low to its high end, widest first. */
export const TornadoChart = memo(function TornadoChart({ result, tableBeside = false }: Props) {
  const id = `tornado-${useId().replace(/:/g, '')}`;
  const bars = [...result.tornado].sort((a, b) => b.swing - a.swing);
  // Each input's name is written above its bar, the full width free for it (names are long), and the
  // axis spans nearly the whole width, with room either side for the end values.
  const x = scaleLinear({ domain: [0, 1], range: [tornadoPlot.left, tornadoPlot.right] });
  const bottom = plot.top + 14 + bars.length * tornadoRowHeight;
  const overall = result.outcomes[result.recommended] ?? 0;
  const recommended = outcomeLabels[result.recommended];
  const end = (b: TornadoBar, which: 'low' | 'high') => withUnit(b[which], b.unit);
  return (
    <ChartFigure
      id={id}
      title={`Tornado: what moves the odds of “${recommended}”`}
      description={bars
        .map(
          (b) => `${b.label}: ${pct(b.probabilityAtLow)} at ${end(b, 'low')}, ${pct(b.probabilityAtHigh)} at ${end(b, 'high')}`,
        )
        .join('; ')}
      viewBox={{ width, height: bottom + 42 }}
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
        const [from, to] = [b.probabilityAtLow, b.probabilityAtHigh].sort((p, q) => p - q) as [number, number];
        const lowIsLeft = b.probabilityAtLow <= b.probabilityAtHigh;
        const y = tornadoRowHeight - rowHeight / 2;
        return (
          <Group key={b.key} top={plot.top + 14 + i * tornadoRowHeight} className="tornado-row">
            <text x={tornadoPlot.left} y={tornadoRowHeight - rowHeight} dy="-0.2em" className="plot-row-label">
              {b.label}
            </text>
            <rect
              x={x(from)}
              y={y - rowHeight / 2 + 5}
              width={Math.max(1, x(to) - x(from))}
              height={rowHeight - 10}
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
          </Group>
        );
      })}
      <LimitLine at={{ x: x(overall), y0: plot.top, y1: bottom }} label={`all sampled: ${pct(overall)}`} tier="base" />
      {probabilityAxis(bottom, x)}
    </ChartFigure>
  );
});
