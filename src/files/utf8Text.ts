import type { InputProblem, Parsed } from '../session/inputProblem';

const decoder = new TextDecoder('utf-8', { fatal: true });

/**
 * A file's bytes as text, only if they are UTF-8: a byte that is not is refused with its offset, never
 * read as U+FFFD (which would change what the file says without a word). A leading BOM is dropped.
 */
export function decodeUtf8(file: string, bytes: Uint8Array): { text: string } | { problem: InputProblem } {
  try {
    return { text: decoder.decode(bytes) };
  } catch {
    const at = firstNonUtf8Byte(bytes);
    const byte = bytes[at]?.toString(16).toUpperCase().padStart(2, '0') ?? 'end of file';
    return {
      problem: {
        file,
        path: '(file)',
        expected: `text in UTF-8; not UTF-8 at byte ${at.toLocaleString('en-US')} (0x${byte}, counting from 0)`,
      },
    };
  }
}

/** Where the first ill-formed sequence starts (Unicode table 3-7); the length when there is none. */
export function firstNonUtf8Byte(bytes: Uint8Array): number {
  let i = 0;
  while (i < bytes.length) {
    const lead = bytes[i] as number;
    if (lead < 0x80) {
      i++;
      continue;
    }
    let trailing: number;
    let low = 0x80;
    let high = 0xbf;
    if (lead >= 0xc2 && lead <= 0xdf) trailing = 1;
    else if (lead >= 0xe0 && lead <= 0xef) {
      trailing = 2;
      if (lead === 0xe0) low = 0xa0; // overlong
      if (lead === 0xed) high = 0x9f; // a surrogate
    } else if (lead >= 0xf0 && lead <= 0xf4) {
      trailing = 3;
      if (lead === 0xf0) low = 0x90; // overlong
      if (lead === 0xf4) high = 0x8f; // beyond U+10FFFF
    } else return i;
    for (let k = 1; k <= trailing; k++) {
      const next = bytes[i + k];
      if (next === undefined || next < low || next > high) return i;
      low = 0x80;
      high = 0xbf;
    }
    i += trailing + 1;
  }
  return bytes.length;
}

/** A file the browser was handed, read as `decodeUtf8` reads it. */
export async function readFileText(file: Blob, name: string): Promise<Parsed<string>> {
  const read = decodeUtf8(name, new Uint8Array(await file.arrayBuffer()));
  return 'text' in read ? { ok: true, value: read.text } : { ok: false, problems: [read.problem] };
}
