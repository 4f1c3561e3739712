import { type ScriptedDecision, scriptedDecisionSentence } from '../../reports/answerWords';
import { outcomeLabels } from '../../reports/outcomeWords';
import type { ScriptedDecisionNear } from '../../session/history';
import type { OutcomeId } from '../../session/model';

interface Props {
  scenarioKind: ScriptedDecision['scenarioKind'];
  near: ScriptedDecisionNear;
  /** What the script's confirmation takes: the recommendation at that step (null when none). */
  recommended: OutcomeId | null;
  /** Whether the machine applied the replayed step (false: a decision was already recorded). */
  applied: boolean | undefined;
  /** Why the machine would not take a confirmation now (the script's included); null when it would. */
  confirmRefusal: string | null;
  /** Whether an operator's own decision is already in force (the script's then does not apply). */
  ownDecisionInForce: boolean;
  /** The outcome the file says its final decision took, when this is that decision: one that takes another is flagged. */
  statedOutcome: OutcomeId | null;
}

/** Stepping next to a scripted decision says what is replayed, and that it is not the operator's. */
export function HistoryNotice({
  scenarioKind,
  near,
  recommended,
  applied,
  confirmRefusal,
  ownDecisionInForce,
  statedOutcome,
}: Props) {
  const { event, step, replayed } = near;
  const decision: ScriptedDecision = {
    scenarioKind,
    by: event.by,
    atUtc: event.at,
    kind: event.type === 'decision.override' ? 'overridden' : 'confirmed',
    // A confirmation takes the recommendation, unless the machine would refuse it now (or did, when replayed).
    outcome:
      event.type === 'decision.override'
        ? event.outcome
        : (replayed ? applied === false : confirmRefusal !== null)
          ? null
          : recommended,
  };
  const differs =
    statedOutcome && decision.outcome && decision.outcome !== statedOutcome
      ? ` (not what the file says was decided: “${outcomeLabels[statedOutcome]}”)`
      : '';
  const sentence = (tense: 'replays' | 'replayed') => `${lowerFirst(scriptedDecisionSentence(decision, tense))}${differs}`;
  // Short, so the notice keeps its two lines (and the console below does not move) when the answer flips.
  const text = replayed
    ? applied === false
      ? `Step ${step} replayed ${sentence('replayed')}, which did not apply${ownDecisionInForce ? ': your decision was already in force' : ' in this state'}.`
      : `Step ${step} replayed ${sentence('replayed')}: theirs, not your decision.`
    : ownDecisionInForce
      ? `Your decision is in force: step ${step}, where ${sentence('replays')}, will not apply.`
      : event.type === 'decision.confirm' && confirmRefusal
        ? `Next, step ${step} replays ${sentence('replays')}, which cannot apply now.`
        : `Next, step ${step} replays ${sentence('replays')}. Decide now and the decision is yours: that step will then not apply.`;
  return (
    <p className="history-notice" role="status" data-testid="history-notice">
      {text}
    </p>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
