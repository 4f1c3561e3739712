/** Every chart's text is drawn at this size in CSS pixels (charts.css says the same), whatever the chart's width. */
export const chartFontPx = 12;
export const lineHeightPx = 15;

type Weight = 'normal' | 'bold';
let measuring: { context: CanvasRenderingContext2D | null; family: string } | undefined;
const widths = new Map<string, number>();

function measuringContext() {
  if (measuring) return measuring;
  let context: CanvasRenderingContext2D | null = null;
  try {
    context = document.createElement('canvas').getContext('2d');
  } catch {
    // No canvas (a unit test's DOM): widths are estimated.
  }
  measuring = { context, family: context ? getComputedStyle(document.documentElement).fontFamily : '' };
  return measuring;
}

/** How wide a label is drawn: measured in the page's font where a canvas can measure it, generously estimated otherwise. */
export function textWidthPx(text: string, weight: Weight = 'normal'): number {
  const key = `${weight}:${text}`;
  const known = widths.get(key);
  if (known !== undefined) return known;
  const { context, family } = typeof document === 'undefined' ? { context: null, family: '' } : measuringContext();
  let width = text.length * chartFontPx * 0.62;
  if (context) {
    context.font = `${weight === 'bold' ? 600 : 400} ${chartFontPx}px ${family}`;
    width = context.measureText(text).width;
  }
  if (widths.size > 4000) widths.clear();
  widths.set(key, width);
  return width;
}

/** A label broken between words into lines no wider than `maxWidthPx` (a single longer word keeps its own line). */
export function wrapLines(text: string, maxWidthPx: number, weight: Weight = 'normal'): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(' ')) {
    const longer = line === '' ? word : `${line} ${word}`;
    if (line !== '' && textWidthPx(longer, weight) > maxWidthPx) {
      // The space stays at the line's end: the label's text reads as one sentence.
      lines.push(`${line} `);
      line = word;
    } else line = longer;
  }
  lines.push(line);
  return lines;
}

export interface Placed {
  x: number;
  textAnchor: 'start' | 'end';
}

/**
 * Where a label beside a point goes so that it stays inside [low, high]: on the preferred side of `atX`
 * (`gapPx` away) if it fits there, else on the other side, else as far in as it can be.
 */
export function placeBeside(
  atX: number,
  widthPx: number,
  [low, high]: readonly [number, number],
  prefer: 'after' | 'before' = 'after',
  gapPx = 4,
): Placed {
  const fitsAfter = atX + gapPx + widthPx <= high;
  const fitsBefore = atX - gapPx - widthPx >= low;
  if (prefer === 'after' ? fitsAfter : !fitsBefore && fitsAfter) return { x: atX + gapPx, textAnchor: 'start' };
  if (fitsBefore) return { x: atX - gapPx, textAnchor: 'end' };
  return { x: Math.max(low, high - widthPx), textAnchor: 'start' };
}
