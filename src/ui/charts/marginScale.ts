/** The margin axis, in % of the limit: wide enough for the thin-margin line and every bar, never past ±100 %. */
export const marginAxisLimitPct = 100;

export function marginDomain(sharesPct: readonly number[], thinPct: number): [number, number] {
  const low = Math.min(-10, ...sharesPct);
  const high = Math.max(thinPct * 2, 10, ...sharesPct);
  return [Math.max(-marginAxisLimitPct, low), Math.min(marginAxisLimitPct, high)];
}

/** Where a bar ends on the axis, and whether the margin runs past its end (drawn with an arrow, its value in words). */
export function clampToDomain(valuePct: number, [low, high]: readonly [number, number]): { shownPct: number; beyond: boolean } {
  const shownPct = Math.min(high, Math.max(low, valuePct));
  return { shownPct, beyond: shownPct !== valuePct };
}
