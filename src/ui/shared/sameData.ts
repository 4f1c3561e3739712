/**
 * Props compared by what they hold, not by identity: every edit derives new chart data (and column lists), most of it
 * equal to what is drawn (a temperature edit leaves the vehicle's life as it was), and equal data is
 * not drawn again. A prop that is the same object (the setup, the unit) is not read through; the
 * others are a few dozen numbers and words, so the comparison costs far less than a redraw.
 */
export function sameData<Props extends object>(a: Props, b: Props): boolean {
  return equalData(a, b);
}

/**
 * Plain data (numbers, words, arrays and objects of them) compared by value, walked in place: writing
 * both sides out as JSON to compare the text cost a third of a chart's redraw. Anything else (a function,
 * a Map) is equal only to itself.
 */
function equalData(x: unknown, y: unknown): boolean {
  if (x === y || (Number.isNaN(x) && Number.isNaN(y))) return true;
  if (typeof x !== 'object' || typeof y !== 'object' || x === null || y === null) return false;
  if (Array.isArray(x)) {
    if (!Array.isArray(y) || x.length !== y.length) return false;
    // Indexed, not `every`: a hole is read as undefined, not skipped.
    for (let i = 0; i < x.length; i++) if (!equalData(x[i], y[i])) return false;
    return true;
  }
  if (!isPlain(x) || !isPlain(y)) return false;
  const xs = x as Record<string, unknown>;
  const ys = y as Record<string, unknown>;
  const keys = Object.keys(xs);
  return keys.length === Object.keys(ys).length && keys.every((key) => Object.hasOwn(ys, key) && equalData(xs[key], ys[key]));
}

function isPlain(value: object): boolean {
  const prototype = Object.getPrototypeOf(value);
  return prototype === Object.prototype || prototype === null;
}
