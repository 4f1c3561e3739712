/**
 * The Monte Carlo over the policy, alone: what a worker needs, without the statechart, schemas and
 * records `model.ts` brings (a smaller worker starts sooner).
 */
export * from '../../machines/uncertainty/monteCarlo';
