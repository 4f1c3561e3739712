import { type FlipPoint, flipPoints, type InputFlipPoint, inputFlipPoints } from '../../machines/policy/flipPoints';
import { recommendationEvaluations, type Situation } from '../../machines/policy/policy';
import { currentSituation } from '../../machines/statechart/context';
import type { MissionSetup } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import { type DecisionRecord, decisionRecord, type RecordRule, recordRule } from './decisionRecord';
import { foldSession, type SessionFold, scriptedEvents, standingRecommendation } from './fold';
import type { ThresholdProfile } from './profile';

/** What a headless run of a scenario concludes: the decision record, and the detail behind it. */
export interface ScenarioRun {
  record: DecisionRecord;
  profile: { id: string; version: string; contentHash: string };
  steps: {
    seq: number;
    scenarioTimeUtc: string;
    type: string;
    stateBefore: string;
    stateAfter: string;
    applied: boolean;
    refusal: string | null;
  }[];
  /** Every rule the policy rows up to the deciding one evaluated. */
  evaluations: RecordRule[];
  flipPoints: FlipPoint[];
  /** The conservative end of each assessed value at which the recommendation would change, nearest first. */
  inputFlipPoints: InputFlipPoint[];
  /** The mission as the model sees it: crew and vehicles with their resolved facts. */
  setup: MissionSetup;
}

export function runScenario(scenario: Scenario, profile: ThresholdProfile, wallClockUtc: string): ScenarioRun {
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, wallClockUtc) });
  return describeRun(scenario, profile, fold);
}

export function describeRun(scenario: Scenario, profile: ThresholdProfile, fold: SessionFold): ScenarioRun {
  const { context } = fold.snapshot;
  const decision = context.decision;
  // Explain the decision as it was taken; before any decision, the standing recommendation.
  const recommendation = decision?.recommendation ?? standingRecommendation(context).recommendation;
  const situation: Situation = decision ? { setup: context.setup, ...decision.basis } : currentSituation(context);
  return {
    record: decisionRecord(scenario, profile, fold),
    profile: { id: profile.id, version: profile.version, contentHash: profile.contentHash },
    steps: fold.steps.map(({ seq, event, record }) => ({
      seq,
      scenarioTimeUtc: event.at,
      type: event.type,
      stateBefore: record.stateBefore,
      stateAfter: record.stateAfter,
      applied: record.applied,
      refusal: record.refusal,
    })),
    evaluations: recommendation ? recommendationEvaluations(recommendation).map((e) => recordRule(e, context.setup)) : [],
    flipPoints: recommendation ? flipPoints(situation, recommendation) : [],
    inputFlipPoints: recommendation ? inputFlipPoints(situation, recommendation) : [],
    setup: context.setup,
  };
}
