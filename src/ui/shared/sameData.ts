/**
 * Props compared by what they hold, not by identity: every edit derives new chart data (and column lists), most of it
 * equal to what is drawn (a temperature edit leaves the vehicle's life as it was), and equal data is
 * not drawn again. A prop that is the same object (the setup, the unit) is not read through; the
 * others are a few dozen numbers and words, so the comparison costs far less than a redraw.
 */
export function sameData<Props extends object>(a: Props, b: Props): boolean {
  const x = a as Record<string, unknown>;
  const y = b as Record<string, unknown>;
  const keys = Object.keys(x);
  return (
    keys.length === Object.keys(y).length &&
    keys.every((key) => Object.is(x[key], y[key]) || JSON.stringify(x[key]) === JSON.stringify(y[key]))
  );
}
