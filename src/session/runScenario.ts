import { type FlipPoint, flipPoints, type InputFlipPoint, inputFlipPoints } from '../../machines/policy/flipPoints';
import { type Recommendation, recommendationEvaluations, type Situation } from '../../machines/policy/policy';
import type { RuleEvaluation } from '../../machines/rules/evaluate';
import { currentRecommendation, currentSituation } from '../../machines/statechart/context';
import type { MissionSetup, OutcomeId } from '../../machines/types';
import type { Scenario } from '../../scenarios/schema';
import { type FoldStep, foldSession, type Session, scenarioSessionEvents, sessionOutcome, stateName } from './fold';
import type { ThresholdProfile } from './profile';

/** What a headless run of a scenario concludes, in the shape the CLI prints. */
export interface ScenarioRun {
  scenario: string;
  title: string;
  profile: { id: string; version: string; contentHash: string };
  outcome: OutcomeId;
  decision: { kind: string; outcome: string; by: { name: string; role: string }; atUtc: string; rationale: string } | null;
  finalState: string;
  steps: FoldStep[];
  recommendation: Recommendation | null;
  evaluations: RuleEvaluation[];
  flipPoints: FlipPoint[];
  /** The conservative end of each assessed value at which the recommendation would change, nearest first. */
  inputFlipPoints: InputFlipPoint[];
  seatByCrewId: Record<string, string>;
  /** The mission as the model sees it: crew and vehicles with their resolved facts. */
  setup: MissionSetup;
}

export function runScenario(scenario: Scenario, profile: ThresholdProfile, wallClockUtc: string): ScenarioRun {
  const session: Session = { scenario, profile, events: scenarioSessionEvents(scenario, wallClockUtc) };
  const { snapshot, steps } = foldSession(session);
  const { context } = snapshot;
  const decision = context.decision;
  // Explain the decision as it was taken; before any decision, the standing recommendation.
  const recommendation = decision?.recommendation ?? currentRecommendation(context);
  const situation: Situation = decision ? { setup: context.setup, ...decision.basis } : currentSituation(context);
  return {
    scenario: scenario.id,
    title: scenario.title,
    profile: { id: profile.id, version: profile.version, contentHash: profile.contentHash },
    outcome: sessionOutcome(snapshot),
    decision: decision
      ? { kind: decision.kind, outcome: decision.outcome, by: decision.by, atUtc: decision.atUtc, rationale: decision.rationale }
      : null,
    finalState: stateName(snapshot.value),
    steps,
    recommendation,
    evaluations: recommendation ? recommendationEvaluations(recommendation) : [],
    flipPoints: recommendation ? flipPoints(situation, recommendation) : [],
    inputFlipPoints: recommendation ? inputFlipPoints(situation, recommendation) : [],
    seatByCrewId: Object.fromEntries((recommendation?.seatPlan ?? []).map((s) => [s.crewId, s.vehicleId] as const)),
    setup: context.setup,
  };
}
