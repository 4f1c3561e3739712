import { memo } from 'react';
import {
  answerHeadline,
  changeSentence,
  decidingNumberSentence,
  decidingRowSentence,
  nearestFlipSentence,
  type ScriptedDecision,
  type Shown,
  scriptedDecisionSentence,
  waitingForSentence,
} from '../../reports/answerWords';
import { outcomeLabels, outcomeSymbols } from '../../reports/outcomeWords';
import { decisionSentence } from '../../reports/recordWords';
import type { Answer } from '../../session/answer';
import type { TakenDecision } from '../../session/decisionRecord';
import type { NearestFlip } from '../../session/model';
import { evaluationKey } from '../../session/model';
import { displayValue, type TemperatureUnit } from '../shared/units';
import { useKeptHeight } from '../shared/useKeptHeight';

interface Props {
  answer: Answer;
  decision: TakenDecision | null;
  scenarioKind: ScriptedDecision['scenarioKind'];
  nearestFlip: NearestFlip | null;
  /** The nearest flip is worked out after the answer is painted: until then it is the previous one. */
  nearestFlipPending: boolean;
  temperatureUnit: TemperatureUnit;
  /** Where the answer stands (the session's step): it keeps the room it has needed there (useKeptHeight). */
  place: string;
}

/** The answer first: what is recommended and why, in words, before any table. */
export const AnswerPanel = memo(function AnswerPanel({
  answer,
  decision,
  scenarioKind,
  nearestFlip,
  nearestFlipPending,
  temperatureUnit,
  place,
}: Props) {
  const room = useKeptHeight<HTMLElement>(place);
  const shown: Shown = (value, unit, isDifference) => displayValue(value, unit, temperatureUnit, isDifference);
  const { recommendation } = answer;
  const outcome = recommendation?.outcome;
  return (
    <section ref={room} aria-labelledby="answer-title" className="answer" aria-live="polite">
      <h3 id="answer-title" className="visually-hidden">
        Answer
      </h3>
      <p
        className={`outcome${outcome ? ` outcome-${outcome}` : ''}${answer.assessmentIncomplete ? ' provisional' : ''}`}
        data-testid="outcome"
        data-outcome={outcome ?? 'none'}
      >
        {outcome && <span aria-hidden="true">{outcomeSymbols[outcome]} </span>}
        {answerHeadline(answer)}
        {outcome && <code> {outcome}</code>}
      </p>
      {answer.assessmentIncomplete && recommendation && (
        <>
          {answer.waitingFor.length > 0 && <p data-testid="waiting-for">{waitingForSentence(answer)}.</p>}
          <p className="muted">Provisional, on what is known so far: {outcomeLabels[recommendation.outcome]}.</p>
        </>
      )}
      {answer.changed && (
        <p className="changed" data-testid="changed">
          <span aria-hidden="true">⟳ </span>
          {changeSentence(answer.changed.from, answer.changed.cause, shown)}.
        </p>
      )}
      {decision?.scripted && (
        <p className="decision decision-history" data-testid="decision" data-outcome={decision.outcome} data-scripted="true">
          {scriptedDecisionSentence(
            {
              scenarioKind,
              by: decision.by,
              atUtc: decision.atUtc,
              kind: decision.kind === 'overridden' ? 'overridden' : 'confirmed',
              outcome: decision.outcome,
            },
            'replayed',
          )}{' '}
          (entry {decision.seq}): replayed from the scenario, not your decision.
          {decision.statedOutcomeDiffers && ` Flagged: not what the file says was decided: ${decision.statedOutcomeDiffers}.`}
        </p>
      )}
      {decision && !decision.scripted && (
        <p className={`decision decision-${decision.kind}`} data-testid="decision" data-outcome={decision.outcome}>
          Decided: <strong>{outcomeLabels[decision.outcome]}</strong>: {decisionSentence(decision)}
        </p>
      )}
      {answer.decidingRow && <p data-testid="deciding-row">{decidingRowSentence(answer.decidingRow)}.</p>}
      {answer.numbers.length > 0 && (
        <ul className="deciding-numbers" aria-label="The numbers that decided">
          {answer.numbers.map(({ evaluation, thin }) => (
            <li key={evaluationKey(evaluation)} className={`status-${evaluation.status}${thin ? ' thin' : ''}`} data-thin={thin}>
              {decidingNumberSentence(evaluation, thin, temperatureUnit)}
            </li>
          ))}
        </ul>
      )}
      {recommendation && (
        <p className="nearest-flip" data-testid="nearest-flip" aria-busy={nearestFlipPending}>
          <strong>What would change it: </strong>
          {nearestFlipSentence(nearestFlip, shown)}.
        </p>
      )}
    </section>
  );
});
