/**
 * Characters that make a terminal do rather than show: C0 and C1 controls (ESC starts the sequences
 * that clear a screen or recolour it), DEL, and the bidirectional overrides and isolates that reorder
 * what follows them. The one place that neutralises them: the CLI's output and the app's exports alike.
 */
const controls = '\\u0000-\\u001f\\u007f-\\u009f\\u061c\\u200e\\u200f\\u2028\\u2029\\u202a-\\u202e\\u2066-\\u2069';
const anyControl = new RegExp(`[${controls}]`, 'g');
const controlOutsideLineBreaks = new RegExp(`\\r\\n|\\n|[${controls}]`, 'g');

/** `\u001b` rather than `\x1b`: the same spelling is a valid escape inside a JSON string. */
const visible = (c: string) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`;

/** Text from an input, shown on one line with every control character spelled out. */
export function escapeControls(text: string): string {
  return text.replace(anyControl, visible);
}

/** Several lines of output (a report, a CSV): line breaks stay, every other control character is spelled out. */
export function escapeControlsKeepingLines(text: string): string {
  return text.replace(controlOutsideLineBreaks, (c) => (c === '\n' || c === '\r\n' ? c : visible(c)));
}
