import type { ReactNode, RefObject } from 'react';

interface Props {
  /** Unique on the page: ids of the title, description and table derive from it. */
  id: string;
  title: string;
  /** What the chart shows, in one or two sentences: the picture's accessible description. */
  description: string;
  /** The figure's measured width (useFigureWidthPx) and the height laid out for it, in CSS pixels: drawn unscaled on screen. */
  sizePx: { width: number; height: number };
  figureRef: RefObject<HTMLElement | null>;
  /** The legend in words: what a pattern, a marker or a dashed line means (never colour alone). */
  legend: ReactNode;
  /** The same numbers as a table: the chart's text equivalent; null where that table is shown beside the chart. */
  table: ReactNode | null;
  children: ReactNode;
}

/** A chart as a figure: a titled picture, its legend in words, and its numbers as a table one click away. */
export function ChartFigure({ id, title, description, sizePx, figureRef, legend, table, children }: Props) {
  return (
    <figure ref={figureRef} className="plot" aria-labelledby={`${id}-title`} data-chart={id}>
      <figcaption id={`${id}-title`} className="plot-title">
        {title}
      </figcaption>
      <svg
        className="plot-svg"
        viewBox={`0 0 ${sizePx.width} ${sizePx.height}`}
        role="img"
        aria-labelledby={`${id}-svg-title`}
        aria-describedby={`${id}-description`}
      >
        <title id={`${id}-svg-title`}>{title}</title>
        <desc id={`${id}-description`}>{description}</desc>
        {children}
      </svg>
      <p className="plot-legend">{legend}</p>
      {table === null ? (
        <p className="plot-table muted">Its numbers are in the table below.</p>
      ) : (
        <details className="plot-table">
          <summary>{title}: as a table</summary>
          {table}
        </details>
      )}
    </figure>
  );
}
