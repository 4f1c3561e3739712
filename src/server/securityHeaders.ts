/**
 * The app's Content-Security-Policy and hardening headers: the team server sends them and `vite preview`
 * sends the same (vite.config.ts reads them from here).
 */

/**
 * Only its own scripts, styles, data and workers; no inline script, no eval, no plugins, no <base>, no
 * framing. React's `style` props are set through the CSSOM, which `style-src 'self'` allows; the
 * favicon is a `data:` URL.
 */
export const appPolicy = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
];
/** Framing can only be refused by a header: a <meta> policy may not carry frame-ancestors. */
const headerOnly = ["frame-ancestors 'none'"];

/** No guessing a download's type from its bytes; no page address sent with any request. */
const hardening = { 'X-Content-Type-Options': 'nosniff', 'Referrer-Policy': 'no-referrer' };

export const securityHeaders = (policy: readonly string[]): Record<string, string> => ({
  'Content-Security-Policy': [...policy, ...headerOnly].join('; '),
  ...hardening,
});
