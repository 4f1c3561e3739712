import { describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import { monteCarloRunMachine, runStateOf } from '../src/ui/odds/monteCarloRunMachine';
import { runMonteCarlo } from '../src/ui/odds/runMonteCarlo';
import { situation } from './support';

const straddling = situation({ thresholds: { ...defaultThresholdValues, 'maxDescentCabinTempC.emergency': 38 } });
const computedFor = { situation: straddling, label: 'straddling 38 °C', recommended: 'launch-replacement' as const };

describe('the Monte Carlo run as an actor (createActor, on the page runner: no Worker here)', () => {
  it('starts, tells its progress, and is done with the same result as the run itself', async () => {
    const actor = createActor(monteCarloRunMachine).start();
    expect(runStateOf(actor.getSnapshot())).toEqual({ status: 'idle' });
    const fractions: number[] = [];
    actor.subscribe((s) => {
      const state = runStateOf(s);
      if (state.status === 'running') fractions.push(state.progress.fraction);
    });
    actor.send({ type: 'run.start', computedFor, samples: 4000, seed: 7 });
    expect(runStateOf(actor.getSnapshot())).toMatchObject({ status: 'running', computedFor, odds: null });
    const done = runStateOf(await waitFor(actor, (s) => s.matches('done')));
    const direct = await new Promise((resolve, reject) =>
      runMonteCarlo(straddling, 4000, 7, 1, { onProgress() {}, onOdds() {}, onDone: resolve, onFailed: reject }),
    );
    expect(done).toEqual({ status: 'done', result: direct, computedFor });
    expect(fractions.some((f) => f > 0 && f < 1)).toBe(true);
  });

  it('cancelled, it says how far it got and shows nothing of the run; a new start replaces a running one', async () => {
    const actor = createActor(monteCarloRunMachine).start();
    actor.send({ type: 'run.start', computedFor, samples: 40000, seed: 7 });
    await waitFor(actor, (s) => s.context.progress.fraction > 0);
    actor.send({ type: 'run.cancel' });
    const cancelled = runStateOf(actor.getSnapshot());
    expect(cancelled).toMatchObject({ status: 'cancelled' });
    expect(cancelled.status === 'cancelled' && cancelled.message).toMatch(/^Cancelled at \d+ %: nothing of that run is shown\.$/);
    expect(actor.getSnapshot().children).toEqual({});

    const other = { ...computedFor, label: 'again' };
    actor.send({ type: 'run.start', computedFor, samples: 40000, seed: 1 });
    actor.send({ type: 'run.start', computedFor: other, samples: 2000, seed: 2 });
    const done = runStateOf(await waitFor(actor, (s) => s.matches('done')));
    expect(done).toMatchObject({ status: 'done', computedFor: other, result: { samples: 2000, seed: 2 } });
  });
});
