import { printEditorTypingTable } from './editorTyping';
import type { InitialJsFigures, JsWeight } from './initialJs';
import { percentile, printTable } from './measure';
import type { WalkthroughUiFigures } from './ui';

const msRow = (name: string, values: number[], worst = false) => ({
  name,
  medianNsPerOp: percentile(values, 0.5) * 1e6,
  p95NsPerOp: (worst ? Math.max(...values) : percentile(values, 0.95)) * 1e6,
  opsPerSecond: 1000 / percentile(values, 0.5),
});

export function printWalkthroughTables(ui: WalkthroughUiFigures): void {
  for (const { viewport, flipping, marginsOnly, chartsInView, frameFloorMs } of ui.viewports) {
    const floor = { name: 'frame floor', medianNsPerOp: percentile(frameFloorMs, 0.5) * 1e6, p95NsPerOp: 0, opsPerSecond: 0 };
    const edits = (name: string, values: number[], target = '') => ({
      measurement: msRow(`${name} (${values.length} edits)`, values),
      baseline: floor,
      target,
    });
    const target = 'median < 16 ms, p95 < 33 ms';
    const settled = 'median ≤ 33 ms (the frame after)';
    printTable(
      `Walkthrough UI in Chromium at ${viewport.width}×${viewport.height}, MS-22 decision step: threshold edit → recommendation`,
      [
        { measurement: msRow('frame floor (rAF + first task after it, no work)', frameFloorMs) },
        edits('outcome flips: edit → DOM updated', flipping.toDomMs),
        edits('outcome flips: edit → next frame', flipping.toScreenMs, target),
        edits('outcome flips: edit → every panel settled', flipping.settledMs, settled),
        edits('margins only: edit → DOM updated', marginsOnly.toDomMs),
        edits('margins only: edit → next frame', marginsOnly.toScreenMs, target),
        edits('margins only: edit → every panel settled', marginsOnly.settledMs, settled),
        edits('charts in view, outcome flips: edit → next frame', chartsInView.toScreenMs, target),
        edits('charts in view, outcome flips: edit → every panel settled', chartsInView.settledMs),
      ],
    );
  }
  const opens = ui.walkthroughOpenLongestTaskMs;
  printTable('Opening the MS-22 walkthrough in Chromium: the statechart is laid out off the page (p95 column: worst run)', [
    {
      measurement: msRow(`longest page task, "Walk through" → diagram drawn (${opens.length} opens)`, opens, true),
      target: 'every open < 150 ms',
    },
  ]);
  printEditorTypingTable(ui.editorTyping);
  printInitialJs(ui.initialJs);
}

function printInitialJs({ inIndexHtml, firstScreenLoads, wholeBuild }: InitialJsFigures): void {
  const kB = (w: JsWeight) =>
    `${(w.gzipBytes / 1024).toFixed(1)} kB (${w.gzipBytes.toLocaleString('en')} bytes) in ${w.files.length} file(s)`;
  const budgetBytes = 200 * 1024;
  console.log(
    '\nInitial JavaScript (gzip -9; kB of 1024 bytes; budget 200 kB for what index.html names and the first screen loads)',
  );
  console.table([
    { javascript: 'the whole build, workers included (baseline)', gzip: kB(wholeBuild), 'vs budget': '' },
    {
      javascript: 'named in index.html (scripts, module preloads)',
      gzip: kB(inIndexHtml),
      'vs budget': `${(inIndexHtml.gzipBytes / budgetBytes).toFixed(2)}×`,
    },
    {
      javascript: 'loaded by the first screen (library, network idle)',
      gzip: kB(firstScreenLoads),
      'vs budget': `${(firstScreenLoads.gzipBytes / budgetBytes).toFixed(2)}× · ${((100 * firstScreenLoads.gzipBytes) / wholeBuild.gzipBytes).toFixed(0)} % of the build`,
    },
  ]);
}
