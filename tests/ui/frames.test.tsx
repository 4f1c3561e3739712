// @vitest-environment happy-dom
import { act, cleanup, render, screen } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { afterNextFrame, useCaughtUpAfterFrame } from '../../src/ui/shared/frames';

afterEach(cleanup);

function Shown({ value, urgent }: { value: string; urgent: boolean | ((shown: string) => boolean) }) {
  return <p>{useCaughtUpAfterFrame(value, { urgent })}</p>;
}

const nextFrameAndTask = () => act(() => new Promise<void>((resolve) => requestAnimationFrame(() => setTimeout(resolve, 5))));

describe('useCaughtUpAfterFrame', () => {
  it('shows an urgent value at once', () => {
    const { rerender } = render(<Shown value="38 °C" urgent />);
    rerender(<Shown value="40 °C" urgent />);
    expect(screen.getByText('40 °C')).toBeTruthy();
  });

  it('shows a value nobody waits for one frame late, then catches up', async () => {
    const { rerender } = render(<Shown value="38 °C" urgent={false} />);
    rerender(<Shown value="40 °C" urgent={false} />);
    expect(screen.getByText('38 °C')).toBeTruthy();
    await nextFrameAndTask();
    expect(screen.getByText('40 °C')).toBeTruthy();
  });

  it('keeps only the latest of several quick changes, and shows it at once when it becomes urgent', async () => {
    const { rerender } = render(<Shown value="a" urgent={false} />);
    rerender(<Shown value="b" urgent={false} />);
    rerender(<Shown value="c" urgent={false} />);
    await nextFrameAndTask();
    expect(screen.getByText('c')).toBeTruthy();
    rerender(<Shown value="d" urgent={false} />);
    rerender(<Shown value="d" urgent />);
    expect(screen.getByText('d')).toBeTruthy();
  });

  it('can judge the value shown: urgent only when what matters changed', async () => {
    const firstWord = (text: string) => text.split(' ')[0];
    const urgent = (shown: string) => firstWord(shown) !== firstWord(current);
    let current = 'decision available';
    const { rerender } = render(<Shown value={current} urgent={urgent} />);
    current = 'decision unavailable';
    rerender(<Shown value={current} urgent={urgent} />);
    expect(screen.getByText('decision available')).toBeTruthy();
    current = 'launchHeld available';
    rerender(<Shown value={current} urgent={urgent} />);
    expect(screen.getByText('launchHeld available')).toBeTruthy();
  });
});

describe('afterNextFrame', () => {
  it('runs the tasks queued before a frame together after it, except those cancelled', async () => {
    await nextFrameAndTask(); // a batch left by an earlier test runs first
    const frames = vi.spyOn(globalThis, 'requestAnimationFrame');
    const ran: string[] = [];
    afterNextFrame(() => ran.push('statechart'));
    const cancel = afterNextFrame(() => ran.push('cancelled'));
    afterNextFrame(() => ran.push('log'));
    cancel();
    expect(frames).toHaveBeenCalledTimes(1);
    expect(ran).toEqual([]);
    await nextFrameAndTask();
    expect(ran).toEqual(['statechart', 'log']);
    frames.mockRestore();
  });
});
