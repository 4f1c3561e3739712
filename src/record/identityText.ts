/**
 * A name or role on a trusted key must read as what it is: NFC-normalized, no invisible or control
 * character (refused), and letters from one script (mixed scripts flagged, as UTS #39's "highly
 * restrictive" level: Latin may mix only with Han and the Japanese or Korean scripts). The scripts
 * come from the JavaScript engine's Unicode Script property, kept current with Unicode by the engine,
 * not from a table kept here.
 */

/** C0/C1 controls, format characters (zero-width, bidi controls, soft hyphen), line/paragraph separators, unassigned and private-use code points, and what Unicode says may print as nothing (variation selectors, Hangul fillers, …). */
const invisible = /[\p{Cc}\p{Cf}\p{Zl}\p{Zp}\p{Co}\p{Cn}\p{Default_Ignorable_Code_Point}\u2800]/u;

export const normalizeIdentity = (text: string) => text.normalize('NFC').trim();

/** Why `text` cannot name a key holder or a role (undefined: it can). */
export function identityTextProblem(text: string): string | undefined {
  const found = invisible.exec(text) ?? /\s{2,}|[^\S ]/u.exec(text);
  if (!found) return undefined;
  const code = found[0].codePointAt(0) ?? 0;
  return `text without invisible or control characters (found U+${code.toString(16).toUpperCase().padStart(4, '0')} at character ${found.index + 1})`;
}

const scripts = [
  'Latin',
  'Greek',
  'Cyrillic',
  'Armenian',
  'Georgian',
  'Cherokee',
  'Hebrew',
  'Arabic',
  'Syriac',
  'Thaana',
  'Devanagari',
  'Bengali',
  'Tamil',
  'Thai',
  'Lao',
  'Tibetan',
  'Ethiopic',
  'Mongolian',
  'Coptic',
  'Runic',
  'Ogham',
  'Han',
  'Hiragana',
  'Katakana',
  'Bopomofo',
  'Hangul',
  'Canadian_Aboriginal',
  'Tifinagh',
  'Lisu',
  'Vai',
  'Old_Italic',
  'Gothic',
  'Deseret',
] as const;
const scriptPatterns = scripts.map((name) => [name, new RegExp(`^\\p{Script=${name}}$`, 'u')] as const);
const shared = /^[\p{Script=Common}\p{Script=Inherited}]$/u;
const allowedWithLatin = [new Set(['Han', 'Hiragana', 'Katakana']), new Set(['Han', 'Bopomofo']), new Set(['Han', 'Hangul'])];

function scriptOf(char: string): string | null {
  if (shared.test(char)) return null;
  for (const [name, pattern] of scriptPatterns) if (pattern.test(char)) return name;
  return 'another script';
}

/** The scripts of the letters in `text`, each with its first letter: [["Latin", "n"], ["Cyrillic", "А"]]. */
function scriptsIn(text: string): [script: string, example: string][] {
  const found = new Map<string, string>();
  for (const char of text) {
    const script = scriptOf(char);
    if (script && !found.has(script)) found.set(script, char);
  }
  return [...found];
}

/** "mixes Latin and Cyrillic (А U+0410)": letters of several scripts, the way a look-alike is made; undefined if not. */
export function mixedScriptWarning(text: string): string | undefined {
  const found = scriptsIn(text);
  if (found.length < 2) return undefined;
  const names = new Set(found.map(([script]) => script));
  const others = new Set([...names].filter((s) => s !== 'Latin'));
  if (allowedWithLatin.some((allowed) => [...others].every((s) => allowed.has(s)))) return undefined;
  const letters = found.map(
    ([script, char]) => `${script} ${char} U+${(char.codePointAt(0) ?? 0).toString(16).toUpperCase().padStart(4, '0')}`,
  );
  return `mixes letters of ${found.length} scripts (${letters.join(', ')}): it may imitate another name`;
}
