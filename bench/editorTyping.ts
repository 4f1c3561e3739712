import type { Locator, Page } from '@playwright/test';
import { frameFloor, installFrameProbe } from './framesInPage';
import { percentile, printTable } from './measure';
import { paddedCase } from './paddedCase';
import { traced } from './trace';

const eventCount = 60;
/** What is typed, one real key press per character (ASCII: each a key event, not inserted text). */
const typed = ' and re-read by the thermal team from the loop pressure trace at day six';

/** Key press → the next frame presented, in ms, for each character typed into one field. */
interface TypingSeries {
  field: string;
  keyToFrameMs: number[];
}

export interface EditorTypingFigures {
  eventCount: number;
  paddedFrom: string;
  series: TypingSeries[];
  /** The same page's empty frame (rAF + first task after it, no input), measured as the key presses are. */
  frameFloorMs: number[];
}

/** The page's marks of the keys typed into one field: each keydown, and the frame after its input event. */
interface KeysTyped {
  presses: { keyMs: number; frame: Promise<number> | null }[];
  stop: AbortController;
}

/**
 * Types `typed` into `field` key by key through the browser's input pipeline (the driver's keyboard,
 * as a person's keys arrive), each press from an idle page. The page marks the key's keydown and,
 * when its input event comes, asks for the next frame: the figure is keydown → that frame presented.
 */
async function typeInto(page: Page, field: Locator): Promise<number[]> {
  await field.click();
  await page.keyboard.press('End');
  await page.evaluate(() => {
    const typing: KeysTyped = { presses: [], stop: new AbortController() };
    (window as unknown as { benchTyping: KeysTyped }).benchTyping = typing;
    const options = { capture: true, signal: typing.stop.signal };
    window.addEventListener('keydown', () => typing.presses.push({ keyMs: performance.now(), frame: null }), options);
    window.addEventListener(
      'input',
      () => {
        const press = typing.presses.at(-1);
        if (press && !press.frame) press.frame = window.benchNextFrame();
      },
      options,
    );
  });
  const keyToFrameMs: number[] = [];
  for (let i = 0; i < typed.length; i++) {
    await page.keyboard.type(typed.charAt(i));
    keyToFrameMs.push(
      await page.evaluate(async (i) => {
        const { presses } = (window as unknown as { benchTyping: KeysTyped }).benchTyping;
        const deadline = performance.now() + 2000;
        for (;;) {
          const press = presses[i];
          if (press?.frame) {
            const ms = (await press.frame) - press.keyMs;
            await window.benchRestBefore(i);
            return ms;
          }
          if (performance.now() > deadline) throw new Error(`key press ${i} changed no field`);
          await new Promise((r) => setTimeout(r, 0));
        }
      }, i),
    );
  }
  await page.evaluate(() => (window as unknown as { benchTyping: KeysTyped }).benchTyping.stop.abort());
  return keyToFrameMs;
}

/**
 * The longest built-in case padded to 60 events, opened as a user would (the file chosen in the
 * library, then "Copy to a new case"), and typed into: an event's description in the middle of the
 * timeline, then the case's title.
 */
export async function measureEditorTyping(page: Page, url: string): Promise<EditorTypingFigures> {
  const { scenario, fileText, paddedFrom } = await paddedCase(eventCount);
  await installFrameProbe(page);
  await page.goto(url);
  await page.getByRole('button', { name: 'Scenario library' }).click();
  await page
    .getByLabel('Choose scenario file…')
    .setInputFiles({ name: `${scenario.id}.json`, mimeType: 'application/json', buffer: Buffer.from(fileText) });
  // An opened file goes to the walkthrough; its copy is written from the library.
  await page.getByTestId('state-now').waitFor();
  await page.getByRole('button', { name: 'Scenario library' }).click();
  const write = page.getByRole('region', { name: 'Write a case' });
  await write.getByLabel('or copy').selectOption({ label: scenario.title });
  await write.getByRole('button', { name: 'Copy to a new case' }).click();
  const editor = page.getByRole('main', { name: /^Scenario editor/ });
  await editor.getByText(`Timeline (${eventCount} events)`).waitFor();
  await page.locator(`[data-testid="draft-answer"]:not([data-outcome=""])`).waitFor();
  await page.locator('[data-testid="draft-kept"][data-kept="kept"]').waitFor();
  const middle = Math.floor(eventCount / 2);
  const description = editor
    .getByRole('listitem', { name: new RegExp(`^event ${middle} \\(`) })
    .getByLabel('Description', { exact: true });
  const title = editor.getByLabel('Title', { exact: true });
  const descriptionMs = await traced(page, 'editor-typing', () => typeInto(page, description));
  const series: TypingSeries[] = [
    { field: `event ${middle}'s description`, keyToFrameMs: descriptionMs },
    { field: 'the case title', keyToFrameMs: await typeInto(page, title) },
  ];
  for (const field of [description, title])
    if (!(await field.inputValue()).endsWith(typed)) throw new Error('a field does not hold what was typed into it');
  const frameFloorMs = await frameFloor(page, typed.length);
  await page.close();
  return { eventCount, paddedFrom, series, frameFloorMs };
}

export function printEditorTypingTable({ eventCount, paddedFrom, series, frameFloorMs }: EditorTypingFigures): void {
  const row = (name: string, values: number[]) => ({
    name,
    medianNsPerOp: percentile(values, 0.5) * 1e6,
    p95NsPerOp: percentile(values, 0.95) * 1e6,
    opsPerSecond: 1000 / percentile(values, 0.5),
  });
  const floor = row(`empty frame (rAF + first task after it, no input; ${frameFloorMs.length} frames)`, frameFloorMs);
  printTable(
    `Scenario editor in Chromium at 1280×800: typing in a ${eventCount}-event case (${paddedFrom} padded, copied from the library)`,
    [
      { measurement: floor },
      ...series.map((s) => ({
        measurement: row(`${s.field}: key press → next frame (${s.keyToFrameMs.length} keys)`, s.keyToFrameMs),
        baseline: floor,
        target: 'median ≤ 16.7 ms',
      })),
    ],
  );
}
