import { memo, useEffect, useId, useMemo, useRef, useState } from 'react';
import type { StatechartGraph, StateGraphNode } from '../../session/model';
import {
  lineHeightPx,
  markWidthChars,
  type PlacedState,
  pad,
  type StatechartLayout,
  stateLabelOf,
  textWidthPx,
} from './statechartGeometry';
import { describeTransition, nextStateIds, type StatechartHighlight } from './statechartHighlight';
import { TransitionLabel } from './TransitionLabel';

interface Props extends StatechartHighlight {
  graph: StatechartGraph;
  layout: StatechartLayout;
  onTake?: (eventType: string) => void;
}

const zoomSteps = [0.25, 0.35, 0.5, 0.7, 1, 1.4];

/**
 * The chart as ELK laid it out (checked in), in a pane that pans (scrolls) to where the decision stands; zoomed in
 * steps, or to fit the whole diagram in the pane.
 */
export function StatechartSvg({ graph, layout, activeIds, availableIds, onTake }: Props) {
  const pane = useRef<HTMLElement>(null);
  const [zoom, setZoom] = useState(1);
  const fit = () => {
    const el = pane.current;
    if (el) setZoom(Math.min(1, (el.clientWidth - 4) / layout.width, (el.clientHeight - 4) / layout.height));
  };
  const step = (by: 1 | -1) =>
    setZoom((z) => (by > 0 ? (zoomSteps.find((s) => s > z + 1e-9) ?? z) : (zoomSteps.findLast((s) => s < z - 1e-9) ?? z)));
  const arrowhead = useId();
  const next = nextStateIds(graph, { activeIds, availableIds });
  const innermostActive = layout.states.findLast((s) => activeIds.has(s.id));
  const drawn = useMemo(() => drawing(graph, layout), [graph, layout]);

  useEffect(() => {
    const el = pane.current;
    if (!el || !innermostActive) return;
    el.scrollTo({
      left: (innermostActive.x + innermostActive.width / 2) * zoom - el.clientWidth / 2,
      top: (innermostActive.y + innermostActive.height / 2) * zoom - el.clientHeight / 2,
    });
  }, [innermostActive, zoom]);

  return (
    <>
      <div className="chart-zoom" role="toolbar" aria-label="Zoom the statechart">
        <button type="button" onClick={() => step(-1)} disabled={zoom <= (zoomSteps[0] ?? 0)}>
          Zoom out
        </button>
        <button type="button" onClick={() => step(1)} disabled={zoom >= (zoomSteps.at(-1) ?? 1)}>
          Zoom in
        </button>
        <button type="button" onClick={fit}>
          Fit the whole diagram
        </button>
        <span className="muted" data-testid="chart-zoom">
          {Math.round(zoom * 100)} %
        </span>
      </div>
      {/* biome-ignore lint/a11y/noNoninteractiveTabindex: the pane scrolls, so keyboard users must be able to reach it */}
      <figure className="chart-pane" ref={pane} tabIndex={0} aria-label="Statechart diagram (scrolls)">
        <svg
          className="chart-svg"
          width={layout.width * zoom}
          height={layout.height * zoom}
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
              return (
                node && (
                  <ChartState
                    key={state.id}
                    state={state}
                    node={node}
                    active={activeIds.has(state.id)}
                    next={next.has(state.id)}
                  />
                )
              );
            })}
            {drawn.arrows.map(({ arrow, d }) => (
              <ChartArrow
                key={arrow.id}
                d={d}
                available={arrow.labels.some((l) => availableIds.has(l.edgeId))}
                markerId={arrowhead}
              />
            ))}
          </g>
          {drawn.labels.map(({ edge, box, description }) => {
            const available = availableIds.has(edge.id);
            return (
              <TransitionLabel
                key={edge.id}
                edge={edge}
                box={box}
                description={description}
                available={available}
                onTake={available ? onTake : undefined}
              />
            );
          })}
        </svg>
      </figure>
    </>
  );
}

/**
 * What the layout fixes once: each arrow's path and each label's box and words. An edit that moves a guard
 * then draws again only the shapes whose marks change (each below is memoized on what it shows).
 */
function drawing(graph: StatechartGraph, layout: StatechartLayout) {
  const arrows = layout.arrows.map((arrow) => ({
    arrow,
    d: arrow.points.map((p, i) => `${i ? 'L' : 'M'}${p.x},${p.y}`).join(' '),
  }));
  const labels = [...layout.arrows.flatMap((a) => a.labels), ...layout.internals].flatMap((label) => {
    const edge = graph.edgeById.get(label.edgeId);
    return edge ? [{ edge, box: { ...label, height: lineHeightPx }, description: describeTransition(graph, edge) }] : [];
  });
  return { arrows, labels };
}

const ChartState = memo(function ChartState({
  state,
  node,
  active,
  next,
}: {
  state: PlacedState;
  node: StateGraphNode;
  active: boolean;
  next: boolean;
}) {
  const classes = ['chart-node', node.kind, active && 'active', next && 'next'].filter(Boolean);
  return (
    <g className={classes.join(' ')} data-state-id={state.id} data-active={active ? 'true' : undefined}>
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
});

const ChartArrow = memo(function ChartArrow({ d, available, markerId }: { d: string; available: boolean; markerId: string }) {
  return <path className={`chart-arrow${available ? ' available' : ''}`} d={d} markerEnd={`url(#${markerId})`} />;
});
