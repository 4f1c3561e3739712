import type { Situation } from '../../session/model';
import { countOutcomes, type OutcomeCounts, planMonteCarlo, type WorkPiece } from '../../session/uncertainty';

export type PieceRequest =
  | { kind: 'plan'; situation: Situation; samples: number; seed: number }
  | { kind: 'piece'; piece: WorkPiece };

export type PieceReply = { kind: 'counts'; piece: WorkPiece; counts: OutcomeCounts } | { kind: 'failed'; message: string };

/** Counts pieces of one run, one at a time in the order given; `stop` ends it at once. */
export interface PieceRunner {
  send(piece: WorkPiece): void;
  stop(): void;
}

export type ReplyHandler = (reply: PieceReply) => void;

/** A module worker holding the run's plan. */
export function workerRunner(situation: Situation, samples: number, seed: number, onReply: ReplyHandler): PieceRunner {
  const worker = new Worker(new URL('./monteCarlo.worker.ts', import.meta.url), { type: 'module' });
  worker.onmessage = ({ data }: MessageEvent<PieceReply>) => onReply(data);
  worker.onerror = (event) => {
    event.preventDefault();
    onReply({ kind: 'failed', message: event.message || 'a Monte Carlo worker failed' });
  };
  worker.postMessage({ kind: 'plan', situation, samples, seed } satisfies PieceRequest);
  return {
    send: (piece) => worker.postMessage({ kind: 'piece', piece } satisfies PieceRequest),
    stop: () => worker.terminate(),
  };
}

/** Where the browser offers no Worker: one piece per task of the page, so it stays responsive between them. */
export function pageRunner(situation: Situation, samples: number, seed: number, onReply: ReplyHandler): PieceRunner {
  const plan = planMonteCarlo(situation, samples, seed);
  const timers = new Set<ReturnType<typeof setTimeout>>();
  return {
    send(piece) {
      const timer = setTimeout(() => {
        timers.delete(timer);
        onReply({ kind: 'counts', piece, counts: countOutcomes(plan, piece) });
      });
      timers.add(timer);
    },
    stop() {
      for (const timer of timers) clearTimeout(timer);
      timers.clear();
    },
  };
}
