/**
 * JSON.parse, stricter where an input can mislead or crash us: a key repeated in one object (JSON.parse
 * keeps the last, so a verified packet could show another name first) and nesting deep enough to
 * overflow the recursive checks after it. A hand-written scan rather than a dependency: these ~150
 * lines give what no single maintained parser gives together (repeated keys with their JSON path, a
 * depth limit, line and column), and the value is still JSON.parse's own, exact to the last digit and
 * key order.
 */

export const maxJsonDepth = 64;

export type StrictJson =
  | { ok: true; value: unknown }
  | { ok: false; path: string; line: number; column: number; expected: string };

class JsonProblem extends Error {
  constructor(
    readonly at: number,
    readonly expected: string,
  ) {
    super(expected);
  }
}

const keyPattern = /^[A-Za-z_$][\w$]*$/;
const numberPattern = /-?(?:0|[1-9]\d*)(?:\.\d+)?(?:[eE][+-]?\d+)?/y;
const simpleEscapes = '"\\/bfnrt';
const hex4 = /^[0-9a-fA-F]{4}$/;

export function parseStrictJson(text: string): StrictJson {
  const scanner = new Scanner(text);
  try {
    scanner.document();
  } catch (error) {
    if (!(error instanceof JsonProblem)) throw error;
    const before = text.slice(0, error.at);
    const line = before.split('\n').length;
    const column = error.at - before.lastIndexOf('\n');
    return { ok: false, path: scanner.pathText(), line, column, expected: error.expected };
  }
  // The scan has checked the grammar; the native parser builds the value several times faster than script could.
  return { ok: true, value: JSON.parse(text.charCodeAt(0) === 0xfeff ? text.slice(1) : text) };
}

/** Walks the text as JSON without building values: keys are kept only to find repeats. */
class Scanner {
  private i = 0;
  private depth = 0;
  private readonly path: (string | number)[] = [];

  constructor(private readonly text: string) {}

  document(): void {
    if (this.text.charCodeAt(0) === 0xfeff) this.i = 1;
    this.value();
    this.space();
    if (this.i < this.text.length) throw this.problem('nothing after the JSON value');
  }

  /** `events[3].value`, with keys that are not identifiers quoted. */
  pathText(): string {
    return this.path.reduce<string>((text, key) => {
      if (typeof key === 'number') return `${text}[${key}]`;
      if (!keyPattern.test(key)) return `${text}[${JSON.stringify(key)}]`;
      return text ? `${text}.${key}` : key;
    }, '');
  }

  private value(): void {
    this.space();
    const c = this.text[this.i];
    if (c === '{') this.object();
    else if (c === '[') this.array();
    else if (c === '"') this.string(false);
    else if (c === 't') this.literal('true');
    else if (c === 'f') this.literal('false');
    else if (c === 'n') this.literal('null');
    else {
      numberPattern.lastIndex = this.i;
      if (!numberPattern.test(this.text)) throw this.problem('a value (object, array, string, number, true, false or null)');
      this.i = numberPattern.lastIndex;
    }
  }

  private object(): void {
    this.enter();
    const keys = new Set<string>();
    this.space();
    if (this.text[this.i] === '}') {
      this.leave();
      return;
    }
    for (;;) {
      this.space();
      if (this.text[this.i] !== '"') throw this.problem('a key in double quotes');
      const keyAt = this.i;
      const key = this.string(true);
      if (keys.has(key)) {
        this.path.push(key);
        throw new JsonProblem(keyAt, `a key used once in its object (${JSON.stringify(key)} is repeated)`);
      }
      keys.add(key);
      this.path.push(key);
      this.space();
      if (this.text[this.i] !== ':') throw this.problem("':' after the key");
      this.i++;
      this.value();
      this.path.pop();
      if (this.separator('}')) break;
    }
    this.leave();
  }

  private array(): void {
    this.enter();
    this.space();
    if (this.text[this.i] === ']') {
      this.leave();
      return;
    }
    for (let index = 0; ; index++) {
      this.path.push(index);
      this.value();
      this.path.pop();
      if (this.separator(']')) break;
    }
    this.leave();
  }

  /** After a member: true at the closing bracket, false after a comma. */
  private separator(close: '}' | ']'): boolean {
    this.space();
    const c = this.text[this.i];
    if (c === close) return true;
    if (c !== ',') throw this.problem(`',' or '${close}'`);
    this.i++;
    return false;
  }

  private enter(): void {
    if (this.depth >= maxJsonDepth) throw new JsonProblem(this.i, `nesting at most ${maxJsonDepth} levels deep`);
    this.depth++;
    this.i++;
  }

  private leave(): void {
    this.depth--;
    this.i++;
  }

  /** Checks a string; gives its value only when `keep` (keys), since values are JSON.parse's to build. */
  private string(keep: boolean): string {
    const { text } = this;
    const start = ++this.i;
    let i = start;
    let hasEscape = false;
    for (;;) {
      const code = text.charCodeAt(i);
      if (Number.isNaN(code)) throw new JsonProblem(start - 1, "well-formed JSON: a closing '\"' for this string");
      if (code === 0x22) break;
      if (code < 0x20)
        throw new JsonProblem(i, 'well-formed JSON: no raw control character inside a string (write it as an escape, e.g. \\n)');
      if (code === 0x5c) {
        hasEscape = true;
        const escaped = text[i + 1] ?? '';
        if (escaped === 'u') {
          if (!hex4.test(text.slice(i + 2, i + 6))) throw new JsonProblem(i, 'well-formed JSON: four hex digits after \\u');
          i += 6;
        } else if (simpleEscapes.includes(escaped) && escaped !== '') {
          i += 2;
        } else throw new JsonProblem(i, 'well-formed JSON: a known escape (\\" \\\\ \\/ \\b \\f \\n \\r \\t \\uXXXX)');
        continue;
      }
      i++;
    }
    this.i = i + 1;
    if (!keep) return '';
    return hasEscape ? (JSON.parse(text.slice(start - 1, i + 1)) as string) : text.slice(start, i);
  }

  private literal(word: string): void {
    if (!this.text.startsWith(word, this.i)) throw this.problem('a value (object, array, string, number, true, false or null)');
    this.i += word.length;
  }

  private space(): void {
    const { text } = this;
    let i = this.i;
    for (;;) {
      const code = text.charCodeAt(i);
      if (code !== 0x20 && code !== 0x0a && code !== 0x0d && code !== 0x09) break;
      i++;
    }
    this.i = i;
  }

  private problem(expected: string): JsonProblem {
    const found =
      this.i < this.text.length
        ? `, got ${JSON.stringify(String.fromCodePoint(this.text.codePointAt(this.i) ?? 0))}`
        : ', got the end of the text';
    return new JsonProblem(this.i, `well-formed JSON: ${expected}${found}`);
  }
}
