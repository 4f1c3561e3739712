import { useEffect, useState } from 'react';

/**
 * `value` as of the frame before: what is beside the point of a change (detail tables, the
 * diagram, the log) is rendered once the frame showing the change's answer has been painted, so
 * that frame carries the answer alone. (`useDeferredValue` renders it before that paint whenever
 * it can, which makes the answer's frame wait for the detail.) The detail is then rendered in one
 * task, not as an interruptible transition: a transition yields every 5 ms, and a frame painted
 * between its slices showed nothing new and put the detail a frame later (`npm run bench`).
 */
export function useAfterPaint<T>(value: T): T {
  const [painted, setPainted] = useState(value);
  useEffect(() => {
    if (Object.is(painted, value)) return;
    let task: ReturnType<typeof setTimeout> | undefined;
    // A frame callback runs just before the paint; a task queued from it runs after.
    const frame = requestAnimationFrame(() => {
      task = setTimeout(() => setPainted(value));
    });
    return () => {
      cancelAnimationFrame(frame);
      clearTimeout(task);
    };
  }, [value, painted]);
  return painted;
}
