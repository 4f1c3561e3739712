/** The margin axis, in caution bands: wide enough for the thin line (1 band) and every bar, never past ±10 bands. */
const marginAxisLimitBands = 10;

export function marginDomain(bands: readonly number[]): [number, number] {
  const low = Math.min(-1, ...bands);
  const high = Math.max(3, ...bands);
  return [Math.max(-marginAxisLimitBands, low), Math.min(marginAxisLimitBands, high)];
}

/** Where a bar ends on the axis, and whether the margin runs past its end (drawn with an arrow, its value in words). */
export function clampToDomain(value: number, [low, high]: readonly [number, number]): { shown: number; beyond: boolean } {
  const shown = Math.min(high, Math.max(low, value));
  return { shown, beyond: shown !== value };
}
