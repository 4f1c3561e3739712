/** The names nearest a misspelt one, best first: what a message suggests instead of listing every name. */
export function closestNames(found: string, names: readonly string[], most = 3): string[] {
  // Names are short; a long input is no misspelling of one (and would cost its length times theirs).
  if (found.length > 64) return [];
  const typed = found.toLowerCase();
  const farthest = Math.max(2, Math.floor(typed.length / 3));
  const near = names
    .map((name) => ({ name, distance: editDistance(typed, name.toLowerCase()) }))
    .filter(({ distance }) => distance <= farthest)
    .sort((a, b) => a.distance - b.distance);
  // A name cut short (`maxDescentCabinTempC` for its `.nominal`) is as near as a slip.
  if (!near.length && typed.length >= 4) return names.filter((name) => name.toLowerCase().startsWith(typed)).slice(0, most);
  // One slip from the best match is a suggestion; a name much farther than the best is noise.
  const best = near[0]?.distance ?? 0;
  return near
    .filter(({ distance }) => distance <= best + 1)
    .slice(0, most)
    .map(({ name }) => name);
}

/** Levenshtein distance: insertions, deletions and substitutions, one each. */
function editDistance(a: string, b: string): number {
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const row = [i];
    for (let j = 1; j <= b.length; j++) {
      const substitution = (previous[j - 1] as number) + (a[i - 1] === b[j - 1] ? 0 : 1);
      row.push(Math.min((previous[j] as number) + 1, (row[j - 1] as number) + 1, substitution));
    }
    previous = row;
  }
  return previous[b.length] as number;
}
