import { useEffect, useLayoutEffect, useMemo, useRef, useState } from 'react';
import { msUntilFrameShowing } from './frameClock';

/**
 * What a kind of work lately took, in ms (the last five): the next is expected to take their median. A
 * slow one (a garbage collection in it) does not keep the detail out of the answer's frame for the next
 * several edits; a render that then runs over starts that one frame late by the difference.
 */
export class RecentCost {
  private readonly ms: number[] = [];
  note(ms: number): void {
    this.ms.push(ms);
    if (this.ms.length > 5) this.ms.shift();
  }
  expected(): number {
    if (this.ms.length === 0) return Number.POSITIVE_INFINITY;
    return [...this.ms].sort((a, b) => a - b)[Math.floor(this.ms.length / 2)] as number;
  }
}
const prepareCost = new RecentCost();
const detailCost = new RecentCost();
/** Time kept free before the display's next frame: what the answer's frame may need beyond the estimate. */
const frameMarginMs = 2;

/**
 * Styles and lays out the page now, at the end of this task (after the mutation observers it woke), instead of
 * in the next frame: the time until the display asks for that frame is otherwise idle, so the frame then only
 * paints. Never later than the frame would have done it: a frame due already starts as soon as the task ends.
 */
function layOutBeforeTheFrame(): void {
  queueMicrotask(() => document.documentElement.getBoundingClientRect());
}

/**
 * `value` as of the frame before: what is beside the point of a change (detail tables, the
 * diagram, the log) is rendered once the frame showing the change's answer has been painted, so
 * that frame carries the answer alone. (`useDeferredValue` renders it before that paint whenever
 * it can, which makes the answer's frame wait for the detail.) The detail is then rendered in one
 * task, not as an interruptible transition: a transition yields every 5 ms, and a frame painted
 * between its slices showed nothing new and put the detail a frame later (`npm run bench`).
 *
 * The time the answer's frame waits for the display is used when the frame clock shows enough of it:
 * - for the whole detail, when its render lately took less than that time: the answer and the detail
 *   are then shown in the same frame, one frame sooner;
 * - else for `prepare(value)`, the detail's own work that draws nothing (a search whose result the
 *   detail shows, kept by `value`), so the detail's render after the frame is that much shorter.
 */
export function useAfterPaint<T>(value: T, prepare?: (value: T) => void): T {
  const [painted, setPainted] = useState(value);
  // When this value's render began: the frame showing it was asked for no earlier.
  // biome-ignore lint/correctness/useExhaustiveDependencies: a time per value
  const renderedAtMs = useMemo(() => performance.now(), [value]);
  const preparedFor = useRef<{ value: T } | null>(null);
  const detailAskedAtMs = useRef<number | null>(null);
  // `prepare` once per value, timed.
  const prepareOnce = () => {
    if (!prepare || preparedFor.current?.value === value) return;
    const startMs = performance.now();
    prepare(value);
    prepareCost.note(performance.now() - startMs);
    preparedFor.current = { value };
  };
  const prepareMs = () => (prepare && preparedFor.current?.value !== value ? prepareCost.expected() : 0);
  const showDetail = () => {
    prepareOnce();
    detailAskedAtMs.current = performance.now();
    setPainted(value);
  };
  // biome-ignore lint/correctness/useExhaustiveDependencies: measured when the detail is committed
  useLayoutEffect(() => {
    if (detailAskedAtMs.current === null) return;
    detailCost.note(performance.now() - detailAskedAtMs.current);
    detailAskedAtMs.current = null;
    layOutBeforeTheFrame();
  }, [painted]);
  // The helpers read this render's value: the effects run again whenever it or the painted one changes.
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useLayoutEffect(() => {
    if (Object.is(painted, value)) return;
    if (msUntilFrameShowing(renderedAtMs) > prepareMs() + detailCost.expected() + frameMarginMs) showDetail();
  }, [value, painted]);
  // biome-ignore lint/correctness/useExhaustiveDependencies: see above
  useEffect(() => {
    if (Object.is(painted, value)) return;
    if (msUntilFrameShowing(renderedAtMs) > prepareMs() + frameMarginMs) prepareOnce();
    layOutBeforeTheFrame();
    let task: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(showDetail);
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [value, painted]);
  return painted;
}
