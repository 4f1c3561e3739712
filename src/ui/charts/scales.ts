import { type ScaleBand, type ScaleLinear, scaleBand, scaleLinear } from 'd3-scale';

export type LinearScale = ScaleLinear<number, number>;

/** Data to pixels along a line; with `nice`, the domain is widened to round ticks at both ends. */
export function linearScale({
  domain,
  range,
  nice = false,
}: {
  domain: [number, number];
  range: [number, number];
  nice?: boolean;
}): LinearScale {
  const scale = scaleLinear().domain(domain).range(range);
  return nice ? scale.nice() : scale;
}

/** One band per value, `padding` of each step left empty between bands (and at the ends). */
export function bandScale<Value extends { toString(): string }>({
  domain,
  range,
  padding,
}: {
  domain: Value[];
  range: [number, number];
  padding: number;
}): ScaleBand<Value> {
  return scaleBand<Value>().domain(domain).range(range).padding(padding);
}
