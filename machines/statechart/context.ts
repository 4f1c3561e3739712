/** The statechart's context and events, and what a context says now: the recommendation, free seats. */

import { type Recommendation, recommend, type Situation } from '../policy/policy';
import type { ThresholdValues } from '../policy/thresholds';
import type { AssessedValues } from '../rules/evaluate';
import type { Actor, DecidableOutcome, MissionSetup } from '../types';
import type { CrewReturnEvent } from './events';
import type { Poll } from './poll';

export type { CrewReturnEvent };

interface Decision {
  outcome: DecidableOutcome;
  kind: 'confirmed' | 'overridden' | 'automatic';
  recommendation: Recommendation;
  by: Actor;
  atUtc: string;
  rationale: string;
  /** What the recommendation was computed from, so it can be explained and probed later. */
  basis: Omit<Situation, 'setup'>;
  /** The number of the poll taken before it (its answers are in the context's polls); null without one. */
  poll: number | null;
}

export interface CrewReturnContext {
  setup: MissionSetup;
  thresholds: ThresholdValues;
  values: AssessedValues;
  nowUtc: string;
  anomalyDetected: boolean;
  stationUnsafe: boolean;
  /** Where each crew member would ride home or escape now: crew id → vehicle id. */
  seatByCrewId: Readonly<Record<string, string>>;
  decision: Decision | null;
  /** The GO/NO-GO polls of the session, in order; only the last can be open. */
  polls: readonly Poll[];
  /** When the damaged vehicle left uncrewed ahead of the replacement (nobody waited on it), else null. */
  damagedVehicleDepartedUtc: string | null;
}

export interface CrewReturnInput {
  setup: MissionSetup;
  thresholds: ThresholdValues;
  startUtc: string;
  /** Findings already known when the session starts. */
  values?: AssessedValues;
}

export const replacementVehicleId = 'replacement';

/** The recommendation for the situation in `context` now, or null before any anomaly. */
export function currentRecommendation(context: CrewReturnContext): Recommendation | null {
  if (!context.anomalyDetected) return null;
  // Contexts are immutable, so one evaluation serves every guard and reader of the same context.
  let recommendation = recommendationByContext.get(context);
  if (!recommendation) {
    recommendation = recommend(currentSituation(context));
    recommendationByContext.set(context, recommendation);
  }
  return recommendation;
}

const recommendationByContext = new WeakMap<CrewReturnContext, Recommendation>();

/**
 * The recommendation at an event's own time: guards run before the event stamps the context, and
 * life used grows with time, so a decision is checked against what will be recorded with it.
 */
export function recommendationAt(context: CrewReturnContext, atUtc: string): Recommendation | null {
  if (atUtc === context.nowUtc || !context.anomalyDetected) return currentRecommendation(context);
  const cached = recommendationAtByContext.get(context);
  if (cached?.atUtc === atUtc) return cached.recommendation;
  const recommendation = recommend({ ...currentSituation(context), nowUtc: atUtc });
  recommendationAtByContext.set(context, { atUtc, recommendation });
  return recommendation;
}

const recommendationAtByContext = new WeakMap<CrewReturnContext, { atUtc: string; recommendation: Recommendation }>();

export function currentSituation(context: CrewReturnContext): Situation {
  const { setup, values, thresholds, nowUtc, stationUnsafe } = context;
  return { setup, values, thresholds, nowUtc, stationUnsafe };
}

/** How many crew would ride the damaged vehicle as seats stand now. */
export function crewAboardDamagedVehicle(context: CrewReturnContext): number {
  return Object.values(context.seatByCrewId).filter((v) => v === context.setup.damagedVehicle.id).length;
}
