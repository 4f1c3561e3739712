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
}

/** Stepping next to a scripted decision says what is replayed, and that it is not the operator's. */
export function HistoryNotice({ scenarioKind, near, recommended, applied }: Props) {
  const { event, step, replayed } = near;
  const decision: ScriptedDecision = {
    scenarioKind,
    by: event.by,
    atUtc: event.at,
    kind: event.type === 'decision.override' ? 'overridden' : 'confirmed',
    outcome: event.type === 'decision.override' ? event.outcome : recommended,
  };
  return (
    <p className="history-notice" role="status" data-testid="history-notice">
      {replayed
        ? `Step ${step} replayed ${lowerFirst(scriptedDecisionSentence(decision, 'replayed'))}${applied === false ? ', not applied: a decision was already recorded' : ''}. It is recorded as theirs, not as your decision.`
        : `Next, step ${step} replays ${lowerFirst(scriptedDecisionSentence(decision, 'replays'))}. It is recorded as theirs, not as your decision: to decide yourself, use “Decide yourself”.`}
    </p>
  );
}

const lowerFirst = (s: string) => s.charAt(0).toLowerCase() + s.slice(1);
