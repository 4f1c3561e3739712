import { type RefObject, useEffect, useLayoutEffect, useState } from 'react';

/** Longer tables render only the rows near the view: thousands of rows are seconds of layout in one task. */
export const windowedFrom = 300;

/**
 * Which rows of a table in a scrolling pane (its parent) to render: those in view and a screenful
 * either side, with the row height measured from a rendered row; `reveal` scrolls a row into range.
 */
export function useRowWindow(count: number, tableRef: RefObject<HTMLTableElement | null>) {
  const windowed = count >= windowedFrom;
  const [view, setView] = useState({ top: 0, height: 1000 });
  const [rowHeight, setRowHeight] = useState(20);
  useEffect(() => {
    const pane = tableRef.current?.parentElement;
    if (!windowed || !pane) return;
    let frame = 0;
    const update = () => {
      frame = 0;
      setView({ top: pane.scrollTop, height: pane.clientHeight });
    };
    const onScroll = () => {
      frame ||= requestAnimationFrame(update);
    };
    update();
    pane.addEventListener('scroll', onScroll, { passive: true });
    return () => {
      pane.removeEventListener('scroll', onScroll);
      cancelAnimationFrame(frame);
    };
  }, [windowed, tableRef]);
  useLayoutEffect(() => {
    const height = tableRef.current?.querySelector<HTMLElement>('tbody tr[data-seq]')?.offsetHeight;
    if (windowed && height && height !== rowHeight) setRowHeight(height);
  });
  const reveal = (index: number) => {
    const pane = tableRef.current?.parentElement;
    if (pane) pane.scrollTop = index * rowHeight - pane.clientHeight / 2;
  };
  if (!windowed) return { start: 0, end: count, rowHeight, reveal };
  const first = Math.floor(view.top / rowHeight);
  const screen = Math.ceil(view.height / rowHeight);
  return { start: Math.max(0, first - screen), end: Math.min(count, first + 2 * screen), rowHeight, reveal };
}
