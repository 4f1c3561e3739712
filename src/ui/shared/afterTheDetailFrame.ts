import { whenIdle } from './whenIdle';

/**
 * Runs `task` once two frames are drawn (an edit's answer, then its detail: see useAfterPaint) and the
 * page is idle, or `timeoutMs` after the call at the latest (a hidden tab draws no frames). For what the
 * page does not draw (the tab's title, storage): run between those frames, it took the CPU the detail's
 * frame waited for on a two-core machine (`npm run bench`). Returns its cancel.
 */
export function afterTheDetailFrame(task: () => void, timeoutMs: number): () => void {
  if (typeof requestAnimationFrame !== 'function') return whenIdle(task, timeoutMs);
  let cancelIdle = () => {};
  let frame = requestAnimationFrame(() => {
    frame = requestAnimationFrame(() => {
      cancelIdle = whenIdle(run, timeoutMs);
    });
  });
  const timer = setTimeout(run, timeoutMs);
  function cancel() {
    cancelAnimationFrame(frame);
    clearTimeout(timer);
    cancelIdle();
  }
  function run() {
    cancel();
    task();
  }
  return cancel;
}
