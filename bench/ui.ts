import { existsSync } from 'node:fs';
import { type Browser, chromium, type Page } from '@playwright/test';
import { build, preview } from 'vite';
import { type EditorTypingFigures, measureEditorTyping } from './editorTyping';
import { frameFloor, installFrameProbe } from './framesInPage';
import { type InitialJsFigures, measureInitialJs } from './initialJs';
import { type MonteCarloUiRun, monteCarloRunInPage } from './monteCarloUi';
import { watchLongTasks } from './pageTasks';
import { traced } from './trace';

const edits = 80;

/**
 * Types `values` in turn into the emergency temperature field from inside the page (no driver
 * polling); the first value must differ from the field's current one. The marks are the
 * benchmark's own: the first DOM change after the key press, the frame after it, and the first
 * frame after the last change.
 */
async function editSeries(page: Page, values: [string, string]): Promise<EditLatencies> {
  return page.evaluate(
    async ({ count, values }) => {
      const field = document.getElementById('threshold-maxDescentCabinTempC.emergency');
      if (!(field instanceof HTMLInputElement)) throw new Error('no emergency temperature input');
      const setValue = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, 'value')?.set;
      let firstChange: number | null = null;
      let lastChange = 0;
      let firstFrame: Promise<number> | undefined;
      const observer = new MutationObserver(() => {
        lastChange = performance.now();
        if (firstChange !== null) return;
        firstChange = lastChange;
        // The frame showing the change, asked for when the change is seen (an observer runs in the
        // changing task): the frame is the page's, not a frame the polling below may have missed.
        firstFrame = window.benchNextFrame();
      });
      observer.observe(document.querySelector('main') ?? document.body, {
        subtree: true,
        childList: true,
        characterData: true,
        attributes: true,
      });
      const result = { toDomMs: [] as number[], toScreenMs: [] as number[], settledMs: [] as number[] };
      for (let i = 0; i < count; i++) {
        field.focus();
        setValue?.call(field, values[i % 2]);
        field.dispatchEvent(new Event('input', { bubbles: true }));
        await new Promise((r) => setTimeout(r, 0));
        firstChange = null;
        firstFrame = undefined;
        const start = performance.now();
        field.dispatchEvent(new KeyboardEvent('keydown', { key: 'Enter', bubbles: true }));
        const deadline = start + 2000;
        while (firstChange === null) {
          if (performance.now() > deadline) throw new Error(`edit ${i} to ${values[i % 2]} changed nothing on the page`);
          await new Promise((r) => setTimeout(r, 0));
        }
        result.toDomMs.push(firstChange - start);
        // Frames: rAF then the first task after it, the moment the frame is on screen. The first is the edit's;
        // settled is the first frame shown after the page's last change (every panel caught up,
        // the record stored), once three frames in a row bring no change.
        const shown: number[] = [(await firstFrame) ?? Number.NaN];
        while (shown.length < 3 || (shown.at(-3) ?? 0) <= lastChange) {
          shown.push(await window.benchNextFrame());
        }
        result.toScreenMs.push((shown[0] as number) - start);
        result.settledMs.push((shown.find((t) => t > lastChange) ?? Number.NaN) - start);
        // Each edit starts from an idle page, as a person's would.
        await window.benchRestBefore(i);
      }
      observer.disconnect();
      return result;
    },
    { count: edits, values },
  );
}

interface EditLatencies {
  toDomMs: number[];
  /** To the frame showing the new recommendation (what is in view of it). */
  toScreenMs: number[];
  /** To the frame showing the last of the edit's changes: out-of-view tables, statechart, log, record. */
  settledMs: number[];
}

interface ViewportFigures {
  viewport: { width: number; height: number };
  /** Edits across the 39 °C flip point: the recommendation and its tables change shape each time. */
  flipping: EditLatencies;
  /** Edits that keep the outcome: values, margins and flip points change. */
  marginsOnly: EditLatencies;
  /** Edits across the flip point with the margin and cabin charts scrolled into view (drawn again after each edit). */
  chartsInView: EditLatencies;
  frameFloorMs: number[];
}

/** A packet import from the file picker to the record on screen, as the page's main thread lived it. */
interface ImportRun {
  /** The longest task of the page's main thread (PerformanceObserver 'longtask'; 0 when none reached 50 ms). */
  longestTaskMs: number;
  totalMs: number;
}

interface ImportFigures {
  megabytes: number;
  entries: number;
  /** As the app does it: verified in a worker, taken in and folded on the page in slices. */
  withWorker: ImportRun[];
  /** The same import where the browser offers no Worker: verified on the page's own thread. */
  withoutWorker: ImportRun[];
}

/** What the walkthrough costs in Chromium: `BENCH_ONLY=ui npm run bench` measures these alone. */
export interface WalkthroughUiFigures {
  /** 1280×800 (the flip points and rule tables below the fold) and 1920×1080 (them in view). */
  viewports: ViewportFigures[];
  initialJs: InitialJsFigures;
  /** The longest page task from "Walk through" to the statechart diagram drawn (its layout runs off the page), per run. */
  walkthroughOpenLongestTaskMs: number[];
  /** Typing in a 60-event case in the scenario editor (issue 25). */
  editorTyping: EditorTypingFigures;
}

export interface UiFigures extends WalkthroughUiFigures {
  packetImport: ImportFigures;
  /** 100,000 samples of the MS-22 decision step in the app's workers, three runs. */
  monteCarlo: MonteCarloUiRun[];
}

/** The app built and served by Vite's preview, and Debian's Chromium (or Playwright's) to open it. */
async function withAppInChromium<T>(run: (browser: Browser, url: string) => Promise<T>): Promise<T> {
  // A traced run (BENCH_TRACE) keeps the app's function names, so that the trace says what ran.
  await build({ logLevel: 'silent', ...(process.env.BENCH_TRACE ? { build: { minify: false } } : {}) });
  const port = Number(process.env.BENCH_PORT ?? 4183);
  const server = await preview({ logLevel: 'silent', preview: { host: '127.0.0.1', port, strictPort: true } });
  const url = server.resolvedUrls?.local[0] ?? `http://127.0.0.1:${port}/`;
  const executablePath = process.env.CHROMIUM_PATH ?? (existsSync('/usr/bin/chromium') ? '/usr/bin/chromium' : undefined);
  const browser = await chromium.launch({ ...(executablePath ? { executablePath } : {}) });
  try {
    return await run(browser, url);
  } finally {
    await browser.close();
    await new Promise<void>((resolve) => server.httpServer.close(() => resolve()));
  }
}

async function walkthroughFigures(browser: Browser, url: string): Promise<WalkthroughUiFigures> {
  const initialJs = await measureInitialJs(browser, url, 'dist');
  const viewports: ViewportFigures[] = [];
  for (const viewport of [
    { width: 1280, height: 800 },
    { width: 1920, height: 1080 },
  ]) {
    viewports.push(await measureAt(await browser.newPage({ viewport }), url, viewport));
  }
  const walkthroughOpenLongestTaskMs: number[] = [];
  for (let i = 0; i < 5; i++) {
    const page = await browser.newPage();
    walkthroughOpenLongestTaskMs.push(await openWalkthroughOnce(page, url));
    await page.close();
  }
  const editorTyping = await measureEditorTyping(await browser.newPage({ viewport: { width: 1280, height: 800 } }), url);
  return { viewports, initialJs, walkthroughOpenLongestTaskMs, editorTyping };
}

export const measureWalkthroughUi = () => withAppInChromium(walkthroughFigures);

/** The editor's typing figures alone (`BENCH_ONLY=editor npm run bench`). */
export const measureEditorTypingUi = () =>
  withAppInChromium(async (browser, url) =>
    measureEditorTyping(await browser.newPage({ viewport: { width: 1280, height: 800 } }), url),
  );

export async function measureUi(
  bigPacketPath: string,
  packet: { megabytes: number; entries: number; keyPath: string },
): Promise<UiFigures> {
  return withAppInChromium(async (browser, url) => {
    const walkthrough = await walkthroughFigures(browser, url);
    const packetImport: ImportFigures = {
      megabytes: packet.megabytes,
      entries: packet.entries,
      withWorker: [],
      withoutWorker: [],
    };
    for (let i = 0; i < 3; i++) {
      packetImport.withWorker.push(await importOnce(await browser.newPage(), url, bigPacketPath, packet, true));
      packetImport.withoutWorker.push(await importOnce(await browser.newPage(), url, bigPacketPath, packet, false));
    }
    const monteCarlo: MonteCarloUiRun[] = [];
    for (let i = 0; i < 3; i++) {
      const page = await browser.newPage();
      monteCarlo.push(await monteCarloRunInPage(page, url, 100_000, 20_221_215));
      await page.close();
    }
    return { ...walkthrough, packetImport, monteCarlo };
  });
}

async function openWalkthroughOnce(page: Page, url: string): Promise<number> {
  await page.goto(url);
  const longTasks = await watchLongTasks(page);
  await page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' }).click();
  await page.locator('.statechart svg.chart-svg').waitFor();
  await page.locator('[data-state-id="crewReturn.docked"][data-active="true"]').waitFor();
  return Math.max(0, ...(await longTasks()));
}

async function measureAt(page: Page, url: string, viewport: ViewportFigures['viewport']): Promise<ViewportFigures> {
  await installFrameProbe(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Walk through Soyuz MS-22 coolant leak' }).click();
  // The walkthrough's code loads when first opened: its keys step the timeline once it is on screen.
  await page.getByTestId('state-now').waitFor();
  for (let i = 0; i < 17; i++) await page.keyboard.press('ArrowRight');
  const input = page.getByRole('textbox', { name: /Peak descent cabin temperature \(emergency\)/ });
  // Each edit below crosses the 39 °C flip point, so every one changes the recommendation on screen.
  const outcome = page.getByTestId('outcome');
  const commit = async (value: string) => {
    await input.fill(value);
    await input.press('Enter');
  };
  const shows = (expected: string) => outcome.and(page.locator(`[data-outcome="${expected}"]`)).waitFor();
  await commit('38');
  await page.getByLabel('Name', { exact: true }).fill('Bench');
  await page.getByLabel('Role').fill('benchmark');
  await page.getByLabel('Passphrase').fill('the bench’s own passphrase');
  await page.getByRole('button', { name: 'Record as me' }).click();
  await shows('undecided');
  // The pointer rests where a person editing the threshold clicked: on its field.
  await input.hover();
  const flipping = await traced(page, `walkthrough-flips-${viewport.width}x${viewport.height}`, () =>
    editSeries(page, ['40', '38']),
  );
  await shows((edits - 1) % 2 ? 'undecided' : 'launch-replacement');
  const marginsOnly = await editSeries(page, ['41', '42']);
  await shows('launch-replacement');
  const charts = page.locator('figure.plot');
  await charts.nth(1).waitFor();
  await charts.first().scrollIntoViewIfNeeded();
  const chartsInView = await editSeries(page, ['38', '40']);
  await shows((edits - 1) % 2 ? 'launch-replacement' : 'undecided');
  const frameFloorMs = await frameFloor(page, edits);
  await page.close();
  return { viewport, flipping, marginsOnly, chartsInView, frameFloorMs };
}

async function importOnce(
  page: Page,
  url: string,
  path: string,
  { entries, keyPath }: { entries: number; keyPath: string },
  worker: boolean,
): Promise<ImportRun> {
  if (!worker) await page.addInitScript(() => Reflect.deleteProperty(window, 'Worker'));
  await page.goto(url);
  await page.getByRole('button', { name: 'Walk through Nominal mission, no anomaly' }).click();
  await page.getByRole('button', { name: 'Audit trail' }).click();
  // A packet opens only when its sealer's key is trusted.
  await page.getByLabel('Import a public key…').setInputFiles(keyPath);
  // Only the tasks that start once the file is chosen.
  const longTasks = await watchLongTasks(page);
  const start = performance.now();
  await page.getByLabel('Import packet…').setInputFiles(path);
  await page
    .getByRole('status')
    .filter({ hasText: `Verified ${entries} entries` })
    .waitFor({ timeout: 120_000 });
  const totalMs = performance.now() - start;
  // What the page does once the record is shown belongs to the import too.
  await page.waitForTimeout(500);
  const tasks = await longTasks();
  await page.close();
  return { longestTaskMs: Math.max(0, ...tasks), totalMs };
}
