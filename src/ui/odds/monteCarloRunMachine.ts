import { assertEvent, assign, fromCallback, type SnapshotFrom, setup } from 'xstate';
import type { MonteCarloResult, OutcomeId, Situation } from '../../session/model';
import { type RunProgress, runMonteCarlo, workerCount } from './runMonteCarlo';

type Odds = Pick<MonteCarloResult, 'outcomes' | 'standardErrors'> & { samples: number; seed: number };

/** The situation a run was computed for, and its words: results are shown as of it, and marked when it is no longer the one on screen. */
export interface ComputedFor {
  situation: Situation;
  label: string;
  /** The conservative-end recommendation for it: what the odds table marks as the recommendation. */
  recommended: OutcomeId;
}

export type RunState =
  | { status: 'idle' }
  | { status: 'running'; progress: RunProgress; odds: Odds | null; computedFor: ComputedFor }
  | { status: 'done'; result: MonteCarloResult; computedFor: ComputedFor }
  | { status: 'cancelled'; message: string }
  | { status: 'failed'; message: string };

interface RunInput {
  computedFor: ComputedFor;
  samples: number;
  seed: number;
  runnerCount: number;
}

type RunEvent =
  | ({ type: 'run.start' } & Omit<RunInput, 'runnerCount'>)
  | { type: 'run.cancel' }
  | { type: 'run.progress'; progress: RunProgress }
  | { type: 'run.odds'; odds: Pick<MonteCarloResult, 'outcomes' | 'standardErrors'> }
  | { type: 'run.done'; result: MonteCarloResult }
  | { type: 'run.failed'; message: string };

/** At most once a frame where the page paints; elsewhere (a test, a hidden tab) every progress is told. */
const nextFrame = (then: () => void): (() => void) => {
  if (typeof requestAnimationFrame !== 'function') {
    then();
    return () => {};
  }
  const frame = requestAnimationFrame(then);
  return () => cancelAnimationFrame(frame);
};

/** The workers of one run; stopping the actor (cancel, a new run, the view left) stops them at once. */
const monteCarloWorkers = fromCallback<RunEvent, RunInput, RunEvent>(({ input, sendBack }) => {
  let pending: RunProgress | null = null;
  let cancelFrame: (() => void) | null = null;
  const stop = runMonteCarlo(input.computedFor.situation, input.samples, input.seed, input.runnerCount, {
    onProgress(progress) {
      pending = progress;
      if (cancelFrame) return;
      cancelFrame = nextFrame(() => {
        cancelFrame = null;
        if (pending) sendBack({ type: 'run.progress', progress: pending });
      });
    },
    onOdds: (odds) => sendBack({ type: 'run.odds', odds }),
    onDone: (result) => sendBack({ type: 'run.done', result }),
    onFailed: (message) => sendBack({ type: 'run.failed', message }),
  });
  return () => {
    cancelFrame?.();
    stop();
  };
});

interface RunContext {
  run: Omit<RunInput, 'runnerCount'> | null;
  progress: RunProgress;
  odds: Odds | null;
  result: MonteCarloResult | null;
  message: string;
}

const startProgress: RunProgress = { phase: 'odds', fraction: 0, oddsSamplesDone: 0 };

/** One Monte Carlo run on demand: started, its progress, cancelled, done or failed; a new start replaces it. */
export const monteCarloRunMachine = setup({
  types: { context: {} as RunContext, events: {} as RunEvent },
  actors: { monteCarloWorkers },
  actions: {
    begin: assign(({ event }) => {
      assertEvent(event, 'run.start');
      const { computedFor, samples, seed } = event;
      return { run: { computedFor, samples, seed }, progress: startProgress, odds: null, result: null, message: '' };
    }),
    showProgress: assign({
      progress: ({ event }) => {
        assertEvent(event, 'run.progress');
        return event.progress;
      },
    }),
    showOdds: assign({
      odds: ({ context, event }) => {
        assertEvent(event, 'run.odds');
        return { ...event.odds, samples: context.run?.samples ?? 0, seed: context.run?.seed ?? 0 };
      },
    }),
    keepResult: assign({
      result: ({ event }) => {
        assertEvent(event, 'run.done');
        return event.result;
      },
    }),
    sayCancelled: assign({
      message: ({ context }) => `Cancelled at ${Math.floor(context.progress.fraction * 100)} %: nothing of that run is shown.`,
    }),
    sayFailed: assign({
      message: ({ event }) => {
        assertEvent(event, 'run.failed');
        return event.message;
      },
    }),
  },
}).createMachine({
  id: 'monteCarloRun',
  initial: 'idle',
  context: { run: null, progress: startProgress, odds: null, result: null, message: '' },
  on: { 'run.start': { target: '.running', reenter: true, actions: 'begin' } },
  states: {
    idle: {},
    running: {
      invoke: {
        src: 'monteCarloWorkers',
        input: ({ event }) => {
          assertEvent(event, 'run.start');
          return { computedFor: event.computedFor, samples: event.samples, seed: event.seed, runnerCount: workerCount() };
        },
      },
      on: {
        'run.progress': { actions: 'showProgress' },
        'run.odds': { actions: 'showOdds' },
        'run.done': { target: 'done', actions: 'keepResult' },
        'run.failed': { target: 'failed', actions: 'sayFailed' },
        'run.cancel': { target: 'cancelled', actions: 'sayCancelled' },
      },
    },
    done: {},
    cancelled: {},
    failed: {},
  },
});

/** What the odds panel shows of the run. */
export function runStateOf(snapshot: SnapshotFrom<typeof monteCarloRunMachine>): RunState {
  const { run, progress, odds, result, message } = snapshot.context;
  if (snapshot.matches('running') && run) return { status: 'running', progress, odds, computedFor: run.computedFor };
  if (snapshot.matches('done') && run && result) return { status: 'done', result, computedFor: run.computedFor };
  if (snapshot.matches('cancelled')) return { status: 'cancelled', message };
  if (snapshot.matches('failed')) return { status: 'failed', message };
  return { status: 'idle' };
}
