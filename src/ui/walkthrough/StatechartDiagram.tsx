import { memo, useMemo } from 'react';
import type { CrewReturnSnapshot } from '../../session/fold';
import { availableTransitions, type ChartState, chartFromMachine } from './statechartModel';

const chart = chartFromMachine();
const shortName = (id: string) => id.replace(/^crewReturn\./, '');

export const StatechartDiagram = memo(function StatechartDiagram({ snapshot }: { snapshot: CrewReturnSnapshot }) {
  const activeIds = useMemo(() => new Set(snapshot._nodes.map((n) => n.id)), [snapshot]);
  const available = useMemo(() => availableTransitions(snapshot), [snapshot]);
  const nextTargets = new Set([...available].flatMap((ref) => (ref.split('|')[2] ?? '').split(',').filter(Boolean)));
  const availableList = [...available].map((ref) => {
    const [source = '', event = '', targets = ''] = ref.split('|');
    return { source, event, targets: targets ? targets.split(',') : [] };
  });

  const box = (state: ChartState) => {
    const active = activeIds.has(state.id);
    const next = nextTargets.has(state.id) && !active;
    return (
      <div
        key={state.id}
        className={`chart-state${active ? ' active' : ''}${next ? ' next' : ''}${state.children.length ? ' compound' : ''}`}
        data-state-id={state.id}
      >
        <div className="chart-state-name">
          {state.initial && <span title="initial state">◦ </span>}
          {state.key}
          {state.final && <span className="muted"> (final)</span>}
          {active && <span className="marker"> ● active</span>}
          {next && <span className="marker"> → next</span>}
        </div>
        {state.children.length > 0 && <div className="chart-children">{state.children.map(box)}</div>}
      </div>
    );
  };

  return (
    <section aria-labelledby="chart-title" className="statechart">
      <h3 id="chart-title">Decision statechart (drawn from the machine)</h3>
      <p className="chart-now">
        Now in{' '}
        <strong>
          {snapshot._nodes
            .filter((n) => n.type === 'atomic' || n.type === 'final')
            .map((n) => shortName(n.id))
            .join(', ')}
        </strong>
      </p>
      <div className="chart-grid">{chart.children.map(box)}</div>
      <details className="chart-available">
        <summary>Transitions available now ({availableList.length})</summary>
        <ul>
          {availableList.map((t) => (
            <li key={`${t.source}|${t.event}|${t.targets.join(',')}`}>
              <code>{t.event}</code> from {shortName(t.source)} →{' '}
              {t.targets.length ? t.targets.map(shortName).join(', ') : 'stays'}
            </li>
          ))}
        </ul>
      </details>
    </section>
  );
});
