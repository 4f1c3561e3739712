import { useLayoutEffect, useRef } from 'react';

/**
 * Keeps the room an element has needed so far, until `placeKey` changes: content that changes under the
 * operator (an edit here, an event from another console) may grow it but never shrinks it back, so what
 * is below does not jump up and down under a pointer about to click (DESIGN.md: nothing moves under a
 * click), nor is drawn again. The page's boxes are border-box: the kept height is the border box's.
 */
export function useKeptHeight<T extends HTMLElement>(placeKey: unknown) {
  const ref = useRef<T>(null);
  // biome-ignore lint/correctness/useExhaustiveDependencies: a new place starts from the content's own height
  useLayoutEffect(() => {
    const element = ref.current;
    if (!element || typeof ResizeObserver !== 'function') return;
    element.style.minHeight = '';
    let kept = 0;
    const observer = new ResizeObserver(([entry]) => {
      const height = entry?.borderBoxSize[0]?.blockSize ?? 0;
      if (height <= kept) return;
      kept = height;
      element.style.minHeight = `${kept}px`;
    });
    observer.observe(element, { box: 'border-box' });
    return () => observer.disconnect();
  }, [placeKey]);
  return ref;
}
