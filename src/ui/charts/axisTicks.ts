import { tickText } from '../../reports/format';

/** A continuous scale: ticks at round values. */
interface ContinuousScale {
  (value: number): number;
  range(): number[];
  ticks(count?: number): number[];
}

/** A band scale: one tick at the middle of each band (or of every n-th, when there are many). */
interface BandScale {
  (value: never): number | undefined;
  range(): number[];
  domain(): unknown[];
  bandwidth(): number;
  round(): boolean;
}

export type AxisScale = ContinuousScale | BandScale;

/** Tick labels in a unit, at its reading resolution (or the ticks' step where finer); the unit written beside each or not. */
export interface TickUnit {
  unit: string;
  showUnit?: boolean;
  scaleBy?: number;
}

export interface AxisTick {
  /** Along the axis, in the chart's pixels. */
  atPx: number;
  text: string;
}

/** The ticks an axis shows: about `count` of them, each labelled in `unit` (plain values without one). */
export function axisTicks(scale: AxisScale, count: number, unit?: TickUnit): AxisTick[] {
  if ('ticks' in scale) {
    const values = scale.ticks(count);
    return values.map((value) => ({ atPx: scale(value), text: unit ? unitText(value, values, unit) : String(value) }));
  }
  const offsetPx = scale.round() ? Math.round(scale.bandwidth() / 2) : scale.bandwidth() / 2;
  const domain = scale.domain();
  const every = domain.length <= count ? 1 : Math.round((domain.length - 1) / count);
  return domain
    .filter((_, i) => i % every === 0)
    .map((value) => ({ atPx: (scale(value as never) ?? 0) + offsetPx, text: String(value) }));
}

/** The ticks' step sets how fine a label must be to tell them apart. */
function unitText(value: number, all: number[], { unit, showUnit = true, scaleBy = 1 }: TickUnit): string {
  const step = all.length > 1 ? Math.abs((all[1] ?? 0) - (all[0] ?? 0)) * scaleBy : 0;
  return tickText(value * scaleBy, unit, step, showUnit);
}
