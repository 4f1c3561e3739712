/**
 * What a draft scenario answers, worked out as the walkthrough works out any scenario: every scripted
 * step reached through the same fold, and the view at the last one (the recommendation, its deciding
 * row and numbers, what is in force). Only a draft the schema and checks accept has an answer.
 */
import type { Scenario } from '../../../scenarios/schema';
import type { ThresholdProfile } from '../profile';
import { moveTo, openWalkthrough } from '../walkthrough';
import { viewWalkthrough, type WalkthroughView } from '../walkthroughView';

export function draftAnswer(scenario: Scenario, profile: ThresholdProfile, openedUtc: string): WalkthroughView {
  const walkthrough = moveTo(openWalkthrough(scenario, profile, openedUtc), scenario.events.length, openedUtc);
  return viewWalkthrough(walkthrough);
}
