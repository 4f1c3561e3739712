import { describe, expect, it } from 'vitest';
import { placeBeside, textWidthPx, wrapLines } from '../../src/ui/charts/textFit';

describe('chart labels at a given width', () => {
  it('wraps between words, each line within the width, the words unchanged when read as one text', () => {
    const text = 'Threshold: Peak descent cabin temperature (emergency): now 40 °C';
    const widthPx = textWidthPx('Peak descent cabin temperature');
    const lines = wrapLines(text, widthPx);
    expect(lines.length).toBeGreaterThan(1);
    for (const line of lines) expect(textWidthPx(line.trim())).toBeLessThanOrEqual(widthPx);
    expect(lines.join('')).toBe(text);
  });

  it('puts a label on the preferred side of its point when it fits, on the other side when not, never past an edge', () => {
    expect(placeBeside(100, 50, [0, 400], 'after')).toEqual({ x: 104, textAnchor: 'start' });
    expect(placeBeside(380, 50, [0, 400], 'after')).toEqual({ x: 376, textAnchor: 'end' });
    expect(placeBeside(20, 50, [0, 400], 'before')).toEqual({ x: 24, textAnchor: 'start' });
    expect(placeBeside(100, 390, [0, 400], 'after')).toEqual({ x: 10, textAnchor: 'start' });
  });
});
