/** Base64url without padding (RFC 4648 §5), as keys and signatures are written. */
export function toBase64Url(bytes: Uint8Array): string {
  let binary = '';
  for (const b of bytes) binary += String.fromCharCode(b);
  return btoa(binary).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

const base64UrlValue = new Int8Array(128).fill(-1);
for (const [value, c] of [...'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789-_'].entries()) {
  base64UrlValue[c.charCodeAt(0)] = value;
}

/** Decodes unpadded base64url; a table instead of `atob` because a packet has one signature per entry. */
export function fromBase64Url(text: string): Uint8Array {
  if (text.length % 4 === 1) throw new TypeError('not base64url: one character too many');
  const bytes = new Uint8Array((text.length * 3) >> 2);
  let bits = 0;
  let bitCount = 0;
  let out = 0;
  for (let i = 0; i < text.length; i++) {
    const value = base64UrlValue[text.charCodeAt(i)] ?? -1;
    if (value < 0) throw new TypeError(`not base64url: ${JSON.stringify(text[i])} at ${i}`);
    bits = ((bits << 6) | value) & 0xffffff;
    bitCount += 6;
    if (bitCount >= 8) {
      bitCount -= 8;
      bytes[out++] = (bits >> bitCount) & 0xff;
    }
  }
  return bytes;
}
