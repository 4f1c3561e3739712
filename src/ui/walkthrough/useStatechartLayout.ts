import type { ELK } from 'elkjs/lib/elk-api';
import { useEffect, useState } from 'react';
import type { StatechartGraph } from './statechartGraph';
import { elkGraphOf, layoutFromElk, type StatechartLayout } from './statechartLayout';

const pending = new WeakMap<StatechartGraph, Promise<StatechartLayout>>();
const settled = new WeakMap<StatechartGraph, StatechartLayout>();

let elk: Promise<ELK> | undefined;

/**
 * ELK, loaded on first use so it stays out of the app's initial JavaScript, and run in a worker:
 * laying out the chart takes a quarter of a second, which on the page would be one long task.
 * (Where there is no Worker, in tests' simulated DOM, it runs here.)
 */
function layoutEngine(): Promise<ELK> {
  elk ??= (
    typeof Worker === 'undefined'
      ? import('elkjs/lib/elk.bundled.js').then(({ default: Bundled }) => new Bundled())
      : Promise.all([import('elkjs/lib/elk-api.js'), import('elkjs/lib/elk-worker.min.js?worker')]).then(
          ([{ default: Api }, { default: LayoutWorker }]) => new Api({ workerFactory: () => new LayoutWorker() }),
        )
  ).catch((error: unknown) => {
    // A failed load (say, the network) is tried again by the next layout, as a failed layout is.
    elk = undefined;
    throw error;
  });
  return elk;
}

/**
 * Lays a chart out once per graph (the layout does not depend on where the decision stands, only the
 * highlighting does).
 */
function layoutStatechart(graph: StatechartGraph): Promise<StatechartLayout> {
  let layout = pending.get(graph);
  if (!layout) {
    layout = layoutEngine().then(async (engine) => layoutFromElk(graph, await engine.layout(elkGraphOf(graph))));
    layout.then(
      (ready) => settled.set(graph, ready),
      () => pending.delete(graph),
    );
    pending.set(graph, layout);
  }
  return layout;
}

export type LayoutStatus =
  | { kind: 'ready'; layout: StatechartLayout }
  | { kind: 'laying-out' }
  | { kind: 'failed'; reason: string };

/** The chart's layout, at once if it is known, else once ELK has worked it out. */
export function useStatechartLayout(graph: StatechartGraph): LayoutStatus {
  const known = settled.get(graph);
  const [status, setStatus] = useState<LayoutStatus>(known ? { kind: 'ready', layout: known } : { kind: 'laying-out' });
  useEffect(() => {
    if (status.kind !== 'laying-out') return;
    let current = true;
    layoutStatechart(graph).then(
      (layout) => current && setStatus({ kind: 'ready', layout }),
      (error: unknown) =>
        current && setStatus({ kind: 'failed', reason: error instanceof Error ? error.message : String(error) }),
    );
    return () => {
      current = false;
    };
  }, [graph, status.kind]);
  return status;
}
