import './statechart.css';
import { memo, useMemo } from 'react';
import type { CrewReturnSnapshot } from '../../session/fold';
import { activeStateIds, availableTransitions, crewReturnGraph as graph } from '../../session/model';
import { crewReturnLayout } from './crewReturnLayout';
import { StatechartOutline } from './StatechartOutline';
import { StatechartSvg } from './StatechartSvg';
import { type StatechartHighlight, stateNameOf } from './statechartHighlight';

interface Props {
  snapshot: CrewReturnSnapshot;
  /** When given, each transition available now can be taken from the diagram (Explore). */
  onTake?: (eventType: string) => void;
}

export const StatechartDiagram = memo(function StatechartDiagram({ snapshot, onTake }: Props) {
  const activeIds = useMemo(() => activeStateIds(graph, snapshot.value), [snapshot.value]);
  const availableIds = useMemo(() => [...availableTransitions(snapshot, graph)], [snapshot]);
  return <StatechartView activeIds={activeIds} availableIds={availableIds} onTake={onTake} />;
});

interface ViewProps {
  activeIds: string[];
  availableIds: string[];
  onTake?: (eventType: string) => void;
}

const sameItems = (a: string[], b: string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

/** Drawn again only when what it shows changes: a threshold edit that moves no guard leaves it alone. */
const StatechartView = memo(
  function StatechartView({ activeIds, availableIds, onTake }: ViewProps) {
    const highlight: StatechartHighlight = useMemo(
      () => ({ activeIds: new Set(activeIds), availableIds: new Set(availableIds) }),
      [activeIds, availableIds],
    );
    const innermost = activeIds.filter((id) => graph.nodeById.get(id)?.childIds.length === 0);
    return (
      <section aria-labelledby="chart-title" className="statechart">
        <h3 id="chart-title">Decision statechart (drawn from the machine)</h3>
        <p className="chart-now">
          Now in <strong>{innermost.map((id) => stateNameOf(graph, id)).join(', ')}</strong>
          <span className="chart-legend">
            {' '}
            · ● active state · <span className="legend-available">▸ transition available now</span> · ↺ stays in its state
          </span>
        </p>
        <StatechartSvg graph={graph} layout={crewReturnLayout} {...highlight} onTake={onTake} />
        <details className="chart-outline">
          <summary>Statechart as text: states, transitions, what is active and available now</summary>
          <StatechartOutline graph={graph} {...highlight} />
        </details>
      </section>
    );
  },
  (a, b) => sameItems(a.activeIds, b.activeIds) && sameItems(a.availableIds, b.availableIds) && a.onTake === b.onTake,
);
