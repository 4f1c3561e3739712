/**
 * Props compared by what they hold, not by identity: every edit derives new chart data, most of it
 * equal to what is drawn (a temperature edit leaves the vehicle's life as it was), and equal data is
 * not drawn again. The data are a few dozen numbers and words, so the comparison costs far less than a redraw.
 */
export function sameData<Props extends object>(a: Props, b: Props): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}
