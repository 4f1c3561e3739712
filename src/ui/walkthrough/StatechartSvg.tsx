import { useEffect, useId, useRef } from 'react';
import type { StatechartGraph } from './statechartGraph';
import { describeTransition, nextStateIds, type StatechartHighlight } from './statechartHighlight';
import { lineHeightPx, markWidthChars, type StatechartLayout, stateLabelOf, textWidthPx } from './statechartLayout';
import { TransitionLabel } from './TransitionLabel';

interface Props extends StatechartHighlight {
  graph: StatechartGraph;
  layout: StatechartLayout;
  onTake?: (eventType: string) => void;
}

const pad = 6;

/** The chart as ELK laid it out, at full size in a pane that scrolls to where the decision stands. */
export function StatechartSvg({ graph, layout, activeIds, availableIds, onTake }: Props) {
  const pane = useRef<HTMLElement>(null);
  const arrowhead = useId();
  const next = nextStateIds(graph, { activeIds, availableIds });
  const innermostActive = layout.states.findLast((s) => activeIds.has(s.id));

  useEffect(() => {
    const el = pane.current;
    if (!el || !innermostActive) return;
    el.scrollTo({
      left: innermostActive.x + innermostActive.width / 2 - el.clientWidth / 2,
      top: innermostActive.y + innermostActive.height / 2 - el.clientHeight / 2,
    });
  }, [innermostActive]);

  return (
    // biome-ignore lint/a11y/noNoninteractiveTabindex: the pane scrolls, so keyboard users must be able to reach it
    <figure className="chart-pane" ref={pane} tabIndex={0} aria-label="Statechart diagram (scrolls)">
      <svg
        className="chart-svg"
        width={layout.width}
        height={layout.height}
        viewBox={`0 0 ${layout.width} ${layout.height}`}
        aria-hidden={onTake ? undefined : true}
        role={onTake ? 'group' : undefined}
        aria-label={onTake ? 'Transitions you can take now' : undefined}
      >
        <defs>
          <marker
            id={arrowhead}
            viewBox="0 0 10 10"
            refX="9"
            refY="5"
            markerUnits="userSpaceOnUse"
            markerWidth="8"
            markerHeight="8"
            orient="auto"
          >
            <path d="M0,0 L10,5 L0,10 z" className="chart-arrowhead" />
          </marker>
        </defs>
        {/* biome-ignore lint/a11y/noAriaHiddenOnFocusable: shapes and arrows only; the outline says the same in words */}
        <g aria-hidden="true">
          {layout.states.map((state) => {
            const node = graph.nodeById.get(state.id);
            if (!node) return null;
            const active = activeIds.has(state.id);
            const classes = ['chart-node', node.kind, active && 'active', next.has(state.id) && 'next'].filter(Boolean);
            return (
              <g key={state.id} className={classes.join(' ')} data-state-id={state.id} data-active={active ? 'true' : undefined}>
                <rect x={state.x} y={state.y} width={state.width} height={state.height} rx={node.kind === 'atomic' ? 4 : 6} />
                {active && (
                  <text className="chart-mark" x={state.x + pad} y={state.y + 12}>
                    ●
                  </text>
                )}
                <text className="chart-node-name" x={state.x + pad + textWidthPx(' '.repeat(markWidthChars))} y={state.y + 12}>
                  {stateLabelOf(node)}
                </text>
              </g>
            );
          })}
          {layout.arrows.map((arrow) => {
            const available = arrow.labels.some((l) => availableIds.has(l.edgeId));
            const d = arrow.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' ');
            return (
              <path
                key={arrow.id}
                className={`chart-arrow${available ? ' available' : ''}`}
                d={d}
                markerEnd={`url(#${arrowhead})`}
              />
            );
          })}
        </g>
        {[...layout.arrows.flatMap((a) => a.labels), ...layout.internals].map((label) => {
          const edge = graph.edgeById.get(label.edgeId);
          if (!edge) return null;
          const available = availableIds.has(edge.id);
          return (
            <TransitionLabel
              key={edge.id}
              edge={edge}
              box={{ ...label, height: lineHeightPx }}
              description={describeTransition(graph, edge)}
              available={available}
              onTake={available ? onTake : undefined}
            />
          );
        })}
      </svg>
    </figure>
  );
}
