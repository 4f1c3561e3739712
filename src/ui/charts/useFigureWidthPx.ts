import { type RefObject, useLayoutEffect, useRef, useState } from 'react';

/** The width a chart is laid out at until its figure is measured, or where nothing is laid out (a unit test's DOM). */
const unmeasuredWidthPx = 640;

/**
 * The figure's width in CSS pixels, measured before the first paint and again only when it changes size:
 * a chart is laid out at the size it is drawn, its text at its own pixel size, instead of being scaled.
 */
export function useFigureWidthPx(): [RefObject<HTMLElement | null>, number] {
  const figureRef = useRef<HTMLElement>(null);
  const [widthPx, setWidthPx] = useState(unmeasuredWidthPx);
  useLayoutEffect(() => {
    const figure = figureRef.current;
    if (!figure) return;
    // Whole pixels: a sub-pixel change of the column does not lay the chart out again.
    const measured = (px: number) => {
      const whole = Math.floor(px);
      if (whole > 0) setWidthPx(whole);
    };
    measured(figure.getBoundingClientRect().width);
    if (typeof ResizeObserver === 'undefined') return;
    const observer = new ResizeObserver(([entry]) => entry && measured(entry.contentRect.width));
    observer.observe(figure);
    return () => observer.disconnect();
  }, []);
  return [figureRef, widthPx];
}
