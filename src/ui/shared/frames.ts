import { useCallback, useEffect, useState } from 'react';

let pending: Set<() => void> | null = null;

/**
 * Runs `task` once the next frame is on screen; returns a cancel function. Tasks queued before the
 * same frame share one callback, so the frame pays for one, and their updates render together.
 */
export function afterNextFrame(task: () => void): () => void {
  if (!pending) {
    const batch = new Set<() => void>();
    pending = batch;
    requestAnimationFrame(() => {
      pending = null;
      setTimeout(() => {
        for (const queued of batch) queued();
      }, 0);
    });
  }
  const batch = pending;
  batch.add(task);
  return () => batch.delete(task);
}

/**
 * A ref for an element, and whether it is in view (inside every scrolling ancestor); true where
 * that cannot be known.
 */
export function useOnScreen<T extends Element>(): [(element: T | null) => () => void, boolean] {
  const [onScreen, setOnScreen] = useState(true);
  const observe = useCallback((element: T | null) => {
    if (!element || typeof IntersectionObserver === 'undefined') return () => {};
    const observer = new IntersectionObserver((entries) => {
      const last = entries.at(-1);
      if (last) setOnScreen(last.isIntersecting);
    });
    observer.observe(element);
    return () => observer.disconnect();
  }, []);
  return [observe, onScreen];
}

/**
 * `value` itself when urgent; otherwise the value as of the previous frame, caught up right after
 * that frame. Work nobody is waiting for (out of view, or beside the point of the edit) then never
 * delays the frame that shows an edit's result. `urgent` may judge the value being shown.
 */
export function useCaughtUpAfterFrame<T>(value: T, { urgent }: { urgent: boolean | ((shown: T) => boolean) }): T {
  const [late, setLate] = useState(value);
  const now = typeof urgent === 'function' ? urgent(late) : urgent;
  useEffect(() => {
    if (late === value) return;
    if (now) return setLate(value);
    return afterNextFrame(() => setLate(value));
  }, [value, late, now]);
  return now ? value : late;
}
