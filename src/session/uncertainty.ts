/**
 * The Monte Carlo over the policy, alone: what a worker needs, without the statechart, schemas and
 * records `model.ts` brings (a smaller worker starts sooner).
 */
export {
  countOutcomes,
  type MonteCarloPlan,
  type OutcomeCounts,
  planMonteCarlo,
  type WorkPiece,
} from '../../machines/uncertainty/monteCarlo';
