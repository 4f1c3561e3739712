/**
 * The decision model as the app and the CLI see it: they import the model through here, never from
 * machines/ directly (a lint rule checks), so the session layer is the one door to it. Each name is
 * listed, no `export *`: this file is the model's public surface, and what it does not list stays
 * inside machines/.
 */
export type { NearestFlip } from '../../machines/policy/answer';
export { type FlipPoint, flipRelation, type InputFlipPoint } from '../../machines/policy/flipPoints';
export {
  type PolicyRowResult,
  policyTable,
  type Recommendation,
  recommendationEvaluations,
  type Situation,
  type UncrewedDeparture,
} from '../../machines/policy/policy';
export {
  defaultThresholdValues,
  type PartialThresholdValues,
  type ThresholdDefinition,
  type ThresholdKey,
  type ThresholdUnit,
  type ThresholdValues,
  thresholdDefinitionByKey,
  thresholdDefinitions,
  thresholdValue,
  unknownThresholdKey,
  validateThresholdValues,
  valueProblems,
} from '../../machines/policy/thresholds';
export {
  type AssessedValues,
  conservativeEnd,
  evaluateRule,
  evaluationKey,
  type RuleEvaluation,
  type RuleStatus,
  unitOf,
} from '../../machines/rules/evaluate';
export { allRules, ruleOfId } from '../../machines/rules/flightRules';
export { derivedQuantityLabel, perThrusterGroup, quantityOfKey } from '../../machines/rules/quantities';
export { daysSince } from '../../machines/rules/readings';
export { parseStatusKey, statusOfSeverity, systemStatuses } from '../../machines/rules/systemStatus';
export {
  actorSchema,
  type CrewReturnEvent,
  crewReturnEventSchema,
  type OperatorRequest,
  pollPositionsSchema,
} from '../../machines/statechart/events';
export {
  activeStateIds,
  type StatechartGraph,
  type StateGraphNode,
  type TransitionEdge,
} from '../../machines/statechart/graph';
export { decisionLogicVersion } from '../../machines/statechart/logicVersion';
export {
  type DissentLevel,
  defaultPollPositions,
  dispositionKinds,
  dissentLevels,
  dissentProblem,
  dissentsWaiting,
  openPoll,
  type PollVote,
  pollVotes,
} from '../../machines/statechart/poll';
export { availableTransitions, crewReturnGraph } from '../../machines/statechart/reachability';
export { stateName } from '../../machines/statechart/stateName';
export { hasVisibleText } from '../../machines/statechart/text';
export { descentCabinByCrewCount } from '../../machines/thermal/byCrewCount';
export { descentCabinModels } from '../../machines/thermal/descentCabinInputs';
export { descentCabinModelOf, type EstimateInputUsed, estimatedSource } from '../../machines/thermal/estimate';
export {
  type Actor,
  type AssessedValue,
  type DecidableOutcome,
  decidableOutcomes,
  type MissionSetup,
  type OutcomeId,
} from '../../machines/types';
export {
  addToTally,
  emptyTally,
  type MonteCarloResult,
  monteCarlo,
  monteCarloResult,
  outcomeOdds,
  passCount,
  planMonteCarlo,
  type TornadoBar,
  type WorkPiece,
} from '../../machines/uncertainty/monteCarlo';
export { defaultSamples, defaultSeed, parseSamples, parseSeed } from '../../machines/uncertainty/runOptions';
export { vehicleCatalogue } from '../../machines/vehicles/catalogue';
export {
  descentFactKey,
  descentFactLabels,
  factDefinition,
  minThrustersKey,
  thrusterCountKey,
  type VehicleFact,
  vehicleFactLabels,
} from '../../machines/vehicles/vehicleClass';
export type { Vehicle } from '../../machines/vehicles/vehicles';
/** Zod configured for the Content-Security-Policy: the one every schema is built with. */
export { z } from '../../machines/zod';
