import {
  addToTally,
  emptyTally,
  type MonteCarloResult,
  monteCarloResult,
  outcomeOdds,
  passCount,
  planMonteCarlo,
  type Situation,
  type WorkPiece,
} from '../../session/model';
import { type PieceReply, type PieceRunner, pageRunner, workerRunner } from './pieceRunner';

/** How far a run is: the odds' pass first, then the tornado's passes. */
export interface RunProgress {
  phase: 'odds' | 'tornado';
  /** 0…1 of all the work (every pass). */
  fraction: number;
  /** Samples of the odds' pass counted so far. */
  oddsSamplesDone: number;
}

export interface RunCallbacks {
  onProgress(progress: RunProgress): void;
  /** The odds are complete (the tornado follows). */
  onOdds(odds: Pick<MonteCarloResult, 'outcomes' | 'standardErrors'>): void;
  onDone(result: MonteCarloResult): void;
  onFailed(message: string): void;
}

/**
 * Small enough that a worker answers every few tens of milliseconds (progress well inside 100 ms),
 * large enough that messages cost nothing next to the work.
 */
const samplesPerPiece = 1000;

/** Pieces in flight per worker: the next is queued before the last is answered, so no worker waits. */
const inFlightPerRunner = 2;

/**
 * Runs a Monte Carlo in `runnerCount` workers (or on the page, one piece per task, without Worker).
 * The result is the same whatever the count: counts are whole numbers, added in any order.
 * Returns the cancel function: it stops every worker at once.
 */
export function runMonteCarlo(
  situation: Situation,
  samples: number,
  seed: number,
  runnerCount: number,
  callbacks: RunCallbacks,
): () => void {
  const plan = planMonteCarlo(situation, samples, seed);
  // Pieces are made as they are handed out: a long run has tens of thousands.
  const piecesPerPass = Math.ceil(samples / samplesPerPiece);
  const pieceCount = piecesPerPass * passCount(plan);
  const pieceAt = (index: number): WorkPiece => {
    const from = (index % piecesPerPass) * samplesPerPiece;
    return { pass: Math.floor(index / piecesPerPass), from, to: Math.min(samples, from + samplesPerPiece) };
  };
  const totalWork = samples * passCount(plan);
  const oddsPieces = piecesPerPass;
  const tally = emptyTally(plan);
  let next = 0;
  let workDone = 0;
  let oddsDone = 0;
  let oddsSamplesDone = 0;
  let finished = false;
  const runners: PieceRunner[] = [];
  const stop = () => {
    finished = true;
    for (const runner of runners) runner.stop();
  };
  const feed = (runner: PieceRunner) => {
    if (next >= pieceCount) return;
    runner.send(pieceAt(next++));
  };
  const onReply = (runner: () => PieceRunner) => (reply: PieceReply) => {
    if (finished) return;
    if (reply.kind === 'failed') {
      stop();
      callbacks.onFailed(reply.message);
      return;
    }
    const { piece, counts } = reply;
    addToTally(tally, piece.pass, counts);
    workDone += piece.to - piece.from;
    if (piece.pass === 0) {
      oddsDone++;
      oddsSamplesDone += piece.to - piece.from;
      if (oddsDone === oddsPieces) callbacks.onOdds(outcomeOdds(samples, tally[0] ?? {}));
    }
    if (workDone === totalWork) {
      stop();
      callbacks.onDone(monteCarloResult(plan, tally));
      return;
    }
    callbacks.onProgress({ phase: oddsDone < oddsPieces ? 'odds' : 'tornado', fraction: workDone / totalWork, oddsSamplesDone });
    feed(runner());
  };
  const make = typeof Worker === 'undefined' ? pageRunner : workerRunner;
  for (let i = 0; i < Math.max(1, runnerCount); i++) {
    const runner: PieceRunner = make(
      situation,
      samples,
      seed,
      onReply(() => runner),
    );
    runners.push(runner);
  }
  for (let round = 0; round < inFlightPerRunner; round++) for (const runner of runners) feed(runner);
  return stop;
}

/** Both cores here; whatever the browser says it has elsewhere. */
export const workerCount = () =>
  Math.max(1, Math.min(8, typeof navigator === 'undefined' ? 1 : (navigator.hardwareConcurrency ?? 1)));
