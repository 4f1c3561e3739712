import { countOutcomes, type MonteCarloPlan, planMonteCarlo } from '../../session/uncertainty';
import type { PieceReply, PieceRequest } from './pieceRunner';

/** Counts pieces of a Monte Carlo run off the page's thread: the same plan and `recommend` as everywhere else. */
const scope = self as unknown as {
  onmessage: ((event: MessageEvent<PieceRequest>) => void) | null;
  postMessage: (message: PieceReply) => void;
};

let plan: MonteCarloPlan | null = null;

scope.onmessage = ({ data }) => {
  try {
    if (data.kind === 'plan') plan = planMonteCarlo(data.situation, data.samples, data.seed);
    else if (!plan) scope.postMessage({ kind: 'failed', message: 'a piece arrived before its plan' });
    else scope.postMessage({ kind: 'counts', piece: data.piece, counts: countOutcomes(plan, data.piece) });
  } catch (error) {
    scope.postMessage({ kind: 'failed', message: error instanceof Error ? error.message : String(error) });
  }
};
