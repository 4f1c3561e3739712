/**
 * Whether a text has a character a reader can see: whitespace, format characters (zero-width space,
 * joiners, byte-order mark), controls and blank "letters" (Hangul fillers, Braille blank) do not count.
 */
export function hasVisibleText(text: string): boolean {
  return /[^\s\p{Cf}\p{Cc}\p{Z}\u115F\u1160\u3164\uFFA0\u2800]/u.test(text);
}
