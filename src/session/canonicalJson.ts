/**
 * Canonical JSON (RFC 8785 style): object keys sorted by UTF-16 code units, no white space,
 * numbers in ECMAScript shortest form; so equal data always hash alike.
 */
export function canonicalJson(value: unknown): string {
  // Data already in canonical key order (as the ledger writes it) serializes natively, many times faster.
  return inCanonicalOrder(value) ? JSON.stringify(value) : canonicalSlow(value);
}

/** True when JSON.stringify would already give the canonical form. */
function inCanonicalOrder(value: unknown): boolean {
  if (typeof value === 'number') return Number.isFinite(value) && !Object.is(value, -0);
  if (typeof value !== 'object' || value === null)
    return typeof value === 'string' || typeof value === 'boolean' || value === null;
  if (Array.isArray(value)) {
    for (const item of value) if (item === undefined || !inCanonicalOrder(item)) return false;
    return true;
  }
  let previous: string | undefined;
  for (const key in value) {
    if (!Object.hasOwn(value, key) || (previous !== undefined && previous >= key)) return false;
    const item = (value as Record<string, unknown>)[key];
    if (item === undefined || !inCanonicalOrder(item)) return false;
    previous = key;
  }
  return true;
}

/**
 * Whether two values have the same canonical JSON, without writing either: what a replay asks of
 * each recorded field. Keys holding undefined count as absent, as in canonical JSON.
 */
export function sameCanonicalJson(a: unknown, b: unknown): boolean {
  if (a === b) return typeof a !== 'number' || Number.isFinite(a);
  if (typeof a === 'number' && typeof b === 'number') return a === b && Number.isFinite(a);
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  if (Array.isArray(a) !== Array.isArray(b)) return false;
  if (Array.isArray(a) && Array.isArray(b)) {
    if (a.length !== b.length) return false;
    for (let i = 0; i < a.length; i++) if (!sameCanonicalJson(a[i] ?? null, b[i] ?? null)) return false;
    return true;
  }
  const left = a as Record<string, unknown>;
  const right = b as Record<string, unknown>;
  let leftKeys = 0;
  for (const key in left) {
    if (!Object.hasOwn(left, key) || left[key] === undefined) continue;
    leftKeys++;
    if (!Object.hasOwn(right, key) || !sameCanonicalJson(left[key], right[key])) return false;
  }
  let rightKeys = 0;
  for (const key in right) if (Object.hasOwn(right, key) && right[key] !== undefined) rightKeys++;
  return leftKeys === rightKeys;
}

function canonicalSlow(value: unknown): string {
  switch (typeof value) {
    case 'string':
    case 'boolean':
      return JSON.stringify(value);
    case 'number':
      if (!Number.isFinite(value)) throw new TypeError(`canonical JSON has no form for ${value}`);
      return JSON.stringify(value);
    case 'object': {
      if (value === null) return 'null';
      if (Array.isArray(value)) {
        let out = '[';
        for (let i = 0; i < value.length; i++)
          out += (i ? ',' : '') + (value[i] === undefined ? 'null' : canonicalSlow(value[i]));
        return `${out}]`;
      }
      const record = value as Record<string, unknown>;
      // Default sort compares UTF-16 code units, the order RFC 8785 asks for.
      const keys = Object.keys(record).sort();
      let out = '{';
      for (const key of keys) {
        const item = record[key];
        if (item === undefined) continue;
        out += `${out.length > 1 ? ',' : ''}${JSON.stringify(key)}:${canonicalSlow(item)}`;
      }
      return `${out}}`;
    }
    default:
      throw new TypeError(`canonical JSON has no form for a ${typeof value}`);
  }
}

/** SHA-256 as lower-case hex, through Web Crypto so the browser and Node run the same code. */
export async function sha256Hex(text: string): Promise<string> {
  const digest = await globalThis.crypto.subtle.digest('SHA-256', utf8(text));
  let hex = '';
  for (const byte of new Uint8Array(digest)) hex += hexByte[byte];
  return hex;
}

const hexByte = Array.from({ length: 256 }, (_, b) => b.toString(16).padStart(2, '0'));

const encoder = new TextEncoder();
let scratch: Uint8Array<ArrayBuffer> = new Uint8Array(1 << 16);

/**
 * `text` as UTF-8 in a reused buffer when it is small: Web Crypto copies its input before returning
 * (Node and the WebCrypto spec alike), so the buffer is free again at once; 10,000 entries then
 * allocate nothing.
 */
function utf8(text: string): Uint8Array<ArrayBuffer> {
  const maxBytes = text.length * 3;
  if (maxBytes > 1 << 20) return encoder.encode(text);
  if (scratch.length < maxBytes) scratch = new Uint8Array(maxBytes);
  return scratch.subarray(0, encoder.encodeInto(text, scratch).written);
}
