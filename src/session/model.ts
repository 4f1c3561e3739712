/**
 * The decision model as the app and the CLI see it: they import the model through here, never from
 * machines/ directly (a lint rule checks), so the session layer is the one door to it.
 */
export * from '../../machines/policy/answer';
export * from '../../machines/policy/flipPoints';
export * from '../../machines/policy/policy';
export * from '../../machines/policy/thresholds';
export * from '../../machines/rules/evaluate';
export { allRules, type FlightRule, ruleOfId } from '../../machines/rules/flightRules';
export { derivedQuantityLabel, derivedQuantityLabels, quantityOfKey } from '../../machines/rules/quantities';
export { daysSince } from '../../machines/rules/readings';
export * from '../../machines/rules/systemStatus';
export type { Decision } from '../../machines/statechart/context';
export { crewReturnMachine } from '../../machines/statechart/crewReturnMachine';
export * from '../../machines/statechart/events';
export {
  activeStateIds,
  type StatechartGraph,
  type StateGraphNode,
  type TransitionEdge,
} from '../../machines/statechart/graph';
export { decisionLogicVersion } from '../../machines/statechart/logicVersion';
export * from '../../machines/statechart/poll';
export { availableTransitions, crewReturnGraph } from '../../machines/statechart/reachability';
export { stateName } from '../../machines/statechart/stateName';
export { hasVisibleText } from '../../machines/statechart/text';
export * from '../../machines/thermal/byCrewCount';
export * from '../../machines/thermal/descentCabinInputs';
export * from '../../machines/thermal/estimate';
export * from '../../machines/types';
export * from '../../machines/uncertainty/monteCarlo';
export * from '../../machines/uncertainty/runOptions';
export { factDefinition, minThrustersKey, thrusterCountKey } from '../../machines/vehicles/vehicleClass';
export * from '../../machines/vehicles/vehicles';
/** Zod configured for the Content-Security-Policy: the one every schema is built with. */
export { z } from '../../machines/zod';
