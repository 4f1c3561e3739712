import { useCallback, useEffect, useRef, useState } from 'react';
import type { MonteCarloResult, OutcomeId, Situation } from '../../session/model';
import { type RunProgress, runMonteCarlo, workerCount } from './runMonteCarlo';

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: RunProgress; odds: Odds | null; computedFor: ComputedFor }
  | { status: 'done'; result: MonteCarloResult; computedFor: ComputedFor }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; message: string };

type Odds = Pick<MonteCarloResult, 'outcomes' | 'standardErrors'> & { samples: number; seed: number };

/** The situation a run was computed for, and its words: results are shown as of it, and marked when it is no longer the one on screen. */
export interface ComputedFor {
  situation: Situation;
  label: string;
  /** The conservative-end recommendation for it: what the odds table marks as the recommendation. */
  recommended: OutcomeId;
}

/** Progress reaches the page at most once a frame (and at least every 100 ms while a run goes on). */
export function useMonteCarloRun() {
  const [state, setState] = useState<RunState>({ status: 'idle' });
  const cancelRef = useRef<(() => void) | null>(null);
  const frameRef = useRef<number | null>(null);
  const pendingRef = useRef<RunProgress | null>(null);

  const stopFrames = useCallback(() => {
    if (frameRef.current !== null) cancelAnimationFrame(frameRef.current);
    frameRef.current = null;
    pendingRef.current = null;
  }, []);

  const start = useCallback(
    (computedFor: ComputedFor, samples: number, seed: number) => {
      cancelRef.current?.();
      stopFrames();
      let odds: Odds | null = null;
      setState({ status: 'running', progress: { phase: 'odds', fraction: 0, oddsSamplesDone: 0 }, odds, computedFor });
      cancelRef.current = runMonteCarlo(computedFor.situation, samples, seed, workerCount(), {
        onProgress(progress) {
          pendingRef.current = progress;
          if (frameRef.current !== null) return;
          frameRef.current = requestAnimationFrame(() => {
            frameRef.current = null;
            const latest = pendingRef.current;
            if (latest) setState((s) => (s.status === 'running' ? { ...s, progress: latest } : s));
          });
        },
        onOdds(computed) {
          odds = { ...computed, samples, seed };
          setState((s) => (s.status === 'running' ? { ...s, odds } : s));
        },
        onDone(result) {
          stopFrames();
          cancelRef.current = null;
          setState({ status: 'done', result, computedFor });
        },
        onFailed(message) {
          stopFrames();
          cancelRef.current = null;
          setState({ status: 'failed', message });
        },
      });
    },
    [stopFrames],
  );

  const cancel = useCallback(() => {
    cancelRef.current?.();
    cancelRef.current = null;
    stopFrames();
    setState((s) =>
      s.status === 'running'
        ? {
            status: 'cancelled',
            message: `Cancelled at ${Math.floor(s.progress.fraction * 100)} %: nothing of that run is shown.`,
          }
        : s,
    );
  }, [stopFrames]);

  // Leaving the view stops the workers.
  useEffect(() => () => cancelRef.current?.(), []);
  return { state, start, cancel };
}
