/**
 * A scenario's scripted decisions: what its authors say was decided (history, in a historical
 * scenario). Replaying one records it as theirs, never as the operator's; to decide oneself is to
 * open a session in which the script decides nothing.
 */
import type { CrewReturnEvent } from '../../machines/statechart/events';
import type { OutcomeId } from '../../machines/types';
import type { Scenario, ScenarioEvent } from '../../scenarios/schema';

type DecisionEvent = Extract<CrewReturnEvent, { type: 'decision.confirm' | 'decision.override' }>;

export const isDecisionEvent = (event: CrewReturnEvent): event is DecisionEvent =>
  event.type === 'decision.confirm' || event.type === 'decision.override';

/**
 * The outcome the file says was decided, when `scriptedStep` (an index into its events) is its last
 * scripted decision (the one its `expected.outcome` is about); null for any other step: an earlier
 * decision (a contingency before the final call) may rightly take another outcome.
 */
export function statedOutcomeOf(scenario: Scenario, scriptedStep: number): OutcomeId | null {
  return scriptedStep === scenario.events.findLastIndex(isDecisionEvent) ? scenario.expected.outcome : null;
}

/** A scripted decision next to the cursor: the step Next replays, or the step just replayed. */
export interface ScriptedDecisionNear {
  /** 1-based, as the timeline numbers steps. */
  step: number;
  event: ScenarioEvent & DecisionEvent;
  replayed: boolean;
}

export function scriptedDecisionNear(scenario: Scenario, cursor: number): ScriptedDecisionNear | null {
  const at = (index: number, replayed: boolean): ScriptedDecisionNear | null => {
    const event = scenario.events[index];
    return event && isDecisionEvent(event) ? { step: index + 1, event, replayed } : null;
  };
  return at(cursor - 1, true) ?? at(cursor, false);
}

/**
 * The scenario with its scripted decisions kept as history notes, in place (so steps keep their
 * numbers and sources) but applied by nobody: the decision is the operator's.
 */
export function ownDecisionScenario(scenario: Scenario): Scenario {
  if (!scenario.events.some(isDecisionEvent)) return scenario;
  return {
    ...scenario,
    id: `${scenario.id}-own-decision`,
    title: `${scenario.title} (your decision)`,
    // No longer the record of what happened: its decision is the operator's.
    kind: 'hypothetical',
    events: scenario.events.map((event): ScenarioEvent => {
      if (!isDecisionEvent(event)) return event;
      const text = `Not applied in this session, where the decision is yours. ${scenario.kind === 'historical' ? 'History' : 'The script'}: ${event.by.name} (${event.by.role}) ${event.type === 'decision.override' ? `overrode to ${event.outcome}` : 'confirmed the recommendation'}: ${event.description}`;
      return { type: 'session.note', at: event.at, by: event.by, text, description: text, sources: event.sources };
    }),
  };
}
