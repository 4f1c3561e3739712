import { type ScriptedDecision, scriptedDecisionSentence } from '../../reports/answerWords';
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
}

/** Stepping next to a scripted decision says what is replayed, and that it is not the operator's. */
export function HistoryNotice({ scenarioKind, near, recommended, applied, confirmRefusal }: Props) {
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
  // Short, so the notice keeps its two lines (and the console below does not move) when the answer flips.
  const wontApply = !replayed && event.type === 'decision.confirm' && confirmRefusal ? ', which cannot apply now' : '';
  return (
    <p className="history-notice" role="status" data-testid="history-notice">
      {replayed
        ? `Step ${step} replayed ${lowerFirst(scriptedDecisionSentence(decision, 'replayed'))}${applied === false ? ', which did not apply in this state' : ''}: theirs, not your decision.`
        : `Next, step ${step} replays ${lowerFirst(scriptedDecisionSentence(decision, 'replays'))}${wontApply}: theirs, not your decision (“Decide yourself” to decide).`}
    </p>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
