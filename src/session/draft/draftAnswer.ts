/**
 * What a draft scenario answers, worked out as the walkthrough works out any scenario: every scripted
 * step reached through the same fold, and the view at the last one (the recommendation, its deciding
 * row and numbers, what is in force). Only a draft the schema and checks accept has an answer.
 */
import type { Scenario } from '../../../scenarios/schema';
import type { ThresholdProfile } from '../profile';
import { moveTo, openWalkthrough } from '../walkthrough';
import { viewWalkthrough, type WalkthroughView } from '../walkthroughView';
import type { DraftFile } from './scenarioDraft';

export function draftAnswer(scenario: Scenario, profile: ThresholdProfile, openedUtc: string): WalkthroughView {
  const walkthrough = moveTo(openWalkthrough(scenario, profile, openedUtc), scenario.events.length, openedUtc);
  return viewWalkthrough(walkthrough);
}

/**
 * Whether two drafts fold alike: the same setup and the same events but for their descriptions. Immer
 * shares what an edit did not touch, so typing a title, a summary or a description compares a few
 * references and leaves the answer as it was, instead of folding every event again.
 */
export function foldsAlike(a: DraftFile, b: DraftFile): boolean {
  if (a.setup !== b.setup || a.format !== b.format) return false;
  const before = a.events;
  const after = b.events;
  if (before === after) return true;
  if (!Array.isArray(before) || !Array.isArray(after) || before.length !== after.length) return false;
  return before.every((event, i) => event === after[i] || sameButDescription(event, after[i]));
}

function sameButDescription(a: unknown, b: unknown): boolean {
  if (typeof a !== 'object' || typeof b !== 'object' || a === null || b === null) return false;
  const keys = new Set([...Object.keys(a), ...Object.keys(b)]);
  keys.delete('description');
  return [...keys].every((key) => (a as Record<string, unknown>)[key] === (b as Record<string, unknown>)[key]);
}

/** What a draft comes to against what its file expects, and the events that did not apply where they arrived. */
export function draftVerdict(view: WalkthroughView, expected: { outcome?: unknown; finalState?: unknown }) {
  const { record } = view;
  return {
    // As the scenario tests judge a case: the same outcome and the same final state.
    asExpected: record.outcome === expected.outcome && record.finalState === expected.finalState,
    notApplied: view.fold.steps.flatMap((step, i) => (step.record.applied ? [] : [{ eventNumber: i + 1, step }])),
  };
}
