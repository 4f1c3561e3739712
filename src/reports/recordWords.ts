/** The decision record's headline sentences: the decision taken, the outcome, the recommendation and the thresholds in force. */
import type { DecisionRecord, TakenDecision, ThresholdsInForce } from '../session/decisionRecord';
import { utcMinute, withUnit } from './format';
import { dispositionWords } from './pollWords';

const decisionKindWords: Record<TakenDecision['kind'], string> = {
  confirmed: 'confirmed',
  overridden: 'OVERRIDDEN',
  automatic: 'automatic (station declared unsafe)',
};

/** "launch-replacement, confirmed by Sergei Krikalev (flight director) at 2022-12-22 10:00 UTC (entry 18): …". */
export function decisionSentence(decision: TakenDecision | null): string {
  if (!decision) return 'no decision recorded';
  const rationale = decision.rationale ? `: “${decision.rationale}”` : '';
  const against = decision.recommended === decision.outcome ? '' : ` (recommended: ${decision.recommended})`;
  const stated = decision.statedOutcomeDiffers ? `, not what the file says was decided: ${decision.statedOutcomeDiffers}` : '';
  const scripted = decision.scripted ? ` (scripted in the scenario, not an operator’s decision${stated})` : '';
  const disposition = decision.pollDisposition ? ` (its formal dissent ${dispositionWords(decision.pollDisposition)})` : '';
  const poll = decision.poll === null ? '' : `, after poll ${decision.poll}${disposition}`;
  const odds = decision.takenOnOdds === null ? '' : `, taken on the odds attached in entry ${decision.takenOnOdds}`;
  return `${decision.outcome}, ${decisionKindWords[decision.kind]} by ${decision.by.name} (${decision.by.role}) at ${utcMinute(decision.atUtc)} UTC scenario time, entry ${decision.seq}${poll}${odds}${scripted}${against}${rationale}`;
}

/** "Outcome: launch-replacement (decision)". */
export function outcomeSentence(record: DecisionRecord): string {
  return `${record.outcome} (${record.outcomeBasis})`;
}

export function recommendationHeading(record: DecisionRecord): string {
  const r = record.recommendation;
  if (!r) return 'no recommendation: no anomaly';
  const label = r.basis === 'at-decision' ? 'recommendation at the decision' : 'standing recommendation (no decision recorded)';
  return `${label}: ${r.outcome}, policy row ${r.decidingRow.index} ${r.decidingRow.id}: ${r.decidingRow.statement} (${r.decidingRow.reason})`;
}

/** "default v2026-11-25.1; changed: maxDescentCabinTempC.emergency 38 °C (profile 40 °C)". */
export function thresholdsSentence(t: ThresholdsInForce): string {
  const when = t.at === 'decision' ? 'at the decision' : 'in force';
  const changed = t.changed.length
    ? t.changed
        .map(
          (c) =>
            `${c.key} ${withUnit(c.value, c.unit)} (profile ${c.profileValue === null ? '—' : withUnit(c.profileValue, c.unit)})`,
        )
        .join(', ')
    : 'none';
  return `thresholds ${when}: profile ${t.profile.id} v${t.profile.version}; changed from the profile: ${changed}`;
}
