/** Words for what the model computes and the record holds, shared by every presenter so none says it differently. */

import type { AuditEntry } from '../record/ledger';
import type { DecisionRecord, RecordPoll, RecordRule, TakenDecision, ThresholdsInForce } from '../session/decisionRecord';
import {
  type CrewReturnEvent,
  type DissentLevel,
  derivedQuantityLabel,
  estimatedSource,
  type FlipPoint,
  flipRelation,
  type InputFlipPoint,
  type OutcomeId,
  type PollVote,
  parseStatusKey,
  quantityOfKey,
  statusOfSeverity,
  thresholdDefinitionByKey,
  type UncrewedDeparture,
} from '../session/model';
import { flipBound, percentText, withUnit } from './numbers';
import { ruleReading } from './ruleReading';

export const outcomeLabels: Record<OutcomeId, string> = {
  'return-on-damaged-vehicle': 'Return on the damaged vehicle',
  'return-reduced-crew': 'Return with fewer crew',
  'launch-replacement': 'Launch replacement',
  'emergency-return': 'Emergency return',
  'continue-with-contingency': 'Continue, rescue prepared',
  'nominal-return': 'Nominal return',
  undecided: 'Undecided: escalate',
};

/**
 * Each outcome's own shape, shown beside its label wherever an outcome is named on screen, so that
 * outcomes differ without colour (each has its colour too, by its `outcome-<id>` class).
 */
export const outcomeSymbols: Record<OutcomeId, string> = {
  'return-on-damaged-vehicle': '●',
  'return-reduced-crew': '◐',
  'launch-replacement': '▲',
  'emergency-return': '◆',
  'continue-with-contingency': '■',
  'nominal-return': '✓',
  undecided: '?',
};

/** `Predicted peak descent cabin temperature (3 crew)` for `peakCabinTempC.crew3`. */
export function quantityLabel(key: string): string {
  const quantity = quantityOfKey(key);
  if (!quantity) return derivedQuantityLabel(key) ?? key;
  return quantity.crewCount === undefined
    ? quantity.definition.label
    : `${quantity.definition.label} (${quantity.crewCount} crew)`;
}

/** `Peak descent cabin temperature (emergency)` for `maxDescentCabinTempC.emergency`. */
export function thresholdName(key: string): string {
  const definition = thresholdDefinitionByKey.get(key);
  return definition ? `${definition.label}${definition.tier ? ` (${definition.tier})` : ''}` : key;
}

export function quantityUnit(key: string): string {
  return quantityOfKey(key)?.definition.unit ?? '';
}

/** "if the high estimate of X were ≤ 39 °C, the recommendation would become Y". */
export function inputFlipSentence(flip: InputFlipPoint, shown: (value: number, unit: string) => string, outcome: string): string {
  const value = shownFlipAt(flip, quantityUnit(flip.quantityKey), shown);
  const status = parseStatusKey(flip.quantityKey);
  if (status) {
    // "if the heat-shield finding were cleared (nominal) …": a status flips by a finding, not by an estimate.
    const to = statusOfSeverity(flip.flipAt);
    const finding = `the finding on ${quantityLabel(flip.quantityKey).replace(/^Status of /, '')}`;
    const change =
      to === 'nominal'
        ? 'cleared (nominal)'
        : `${flipRelation(flip) === '≥' || flipRelation(flip) === '>' ? 'worsened to' : 'eased to'} ${value}`;
    return `if ${finding} were ${change} (now ${shown(flip.current, 'status')}), the recommendation would become ${outcome}`;
  }
  return `if the ${flip.end} estimate of ${quantityLabel(flip.quantityKey)} were ${flipRelation(flip)} ${value} (now ${shown(flip.current, quantityUnit(flip.quantityKey))}), the recommendation would become ${outcome}`;
}

/** "Soyuz MS-22 leaves uncrewed at once: …": when the damaged vehicle leaves in a replacement plan. */
export function uncrewedDepartureSentence(vehicleName: string, departure: UncrewedDeparture): string {
  return departure === 'now'
    ? `${vehicleName} leaves uncrewed at once: nobody waits on it, so its life need not last the wait`
    : `${vehicleName} leaves uncrewed once the replacement has docked and the seat liners have moved`;
}

export const voteLabels: Record<PollVote, string> = { go: 'GO', 'no-go': 'NO-GO', abstain: 'abstain' };

export const dissentLabels: Record<DissentLevel, string> = {
  none: '',
  'disagree-but-support': 'disagrees but supports',
  formal: 'FORMAL DISSENT: escalate',
};

/** "thermal: NO-GO, FORMAL DISSENT: escalate: “humidity unknown”". */
function voteSentence(vote: { position: string; vote: PollVote; dissent: DissentLevel; rationale?: string }): string {
  const dissent = dissentLabels[vote.dissent];
  return `${vote.position}: ${voteLabels[vote.vote]}${dissent ? `, ${dissent}` : ''}${vote.rationale ? `: “${vote.rationale}”` : ''}`;
}

const pollClosingWords = {
  decided: 'the decision was taken with it',
  superseded: 'superseded by a new poll',
  withdrawn: 'withdrawn (new data, or the station declared unsafe)',
};

/** "escalated to the program manager by Ana Flight (flight director), entry 27: “…”". */
function dispositionWords(disposition: NonNullable<RecordPoll['disposition']>): string {
  const what = disposition.kind === 'escalated' ? `escalated to ${disposition.to ?? '—'}` : 'risk accepted';
  return `${what} by ${disposition.by.name} (${disposition.by.role}), entry ${disposition.seq}: “${disposition.rationale}”`;
}

/** "Poll 1 on launch-replacement, opened by … at … UTC (entry 19): 4 GO (1 disagrees but supports), 1 NO-GO, 1 abstain; 1 formal dissent (thermal), escalated to …; every position answered; the decision was taken with it". */
export function pollSentence(poll: RecordPoll): string {
  const { tally } = poll;
  const support = tally.disagreeButSupport
    ? ` (${tally.disagreeButSupport} ${tally.disagreeButSupport === 1 ? 'disagrees but supports' : 'disagree but support'})`
    : '';
  const dissentCount = tally.formalDissents.length;
  const dissents = dissentCount
    ? `; ${dissentCount} formal dissent${dissentCount === 1 ? '' : 's'} (${tally.formalDissents.map((d) => d.position).join(', ')}), ${poll.disposition ? dispositionWords(poll.disposition) : 'awaiting its disposition'}`
    : '';
  const waiting = tally.unanswered.length ? `; not answered: ${tally.unanswered.join(', ')}` : '; every position answered';
  const closed = poll.closed
    ? `; ${pollClosingWords[poll.closed.kind]}`
    : tally.unanswered.length
      ? '; open for answers'
      : '; closed to answers';
  return `Poll ${poll.number} on ${poll.outcome}, opened by ${poll.openedBy.name} (${poll.openedBy.role}) at ${utcMinute(poll.openedUtc)} UTC (entry ${poll.seq}): ${tally.go} GO${support}, ${tally.noGo} NO-GO, ${tally.abstain} abstain${dissents}${waiting}${closed}`;
}

/** One answer as the cells of a poll table: position, operator, call, dissent, rationale, time, entry. */
export function pollAnswerCells(answer: RecordPoll['answers'][number]) {
  return {
    position: answer.position,
    operator: `${answer.by.name} (${answer.by.role})`,
    vote: voteLabels[answer.vote],
    dissent: dissentLabels[answer.dissent] || '—',
    rationale: answer.rationale || '—',
    // Every call of a poll is made at the same scenario time: the entry's wall-clock time orders them.
    time: answer.wallClockUtc ? `${answer.wallClockUtc.slice(0, 19).replace('T', ' ')} UTC` : '—',
    entry: String(answer.seq),
  };
}

export const pollTableHeadings = ['position', 'operator', 'call', 'dissent', 'rationale', 'time', 'entry'] as const;

/** What an event says beyond its type: a threshold change, a decision, a note, or the scripted description. */
export function describeEvent(event: CrewReturnEvent): string {
  switch (event.type) {
    case 'thresholds.change':
      return `${event.key}: ${event.previousValue ?? '—'} → ${event.value}${event.reason ? ` (${event.reason})` : ''}`;
    case 'decision.confirm':
      return `confirmed the recommendation${event.rationale ? `: ${event.rationale}` : ''}`;
    case 'decision.override':
      return `OVERRIDE to ${event.outcome}: ${event.rationale}`;
    case 'session.note':
      return `note: ${event.text}`;
    case 'operator.handover':
      return `handover from ${event.from.name} (${event.from.role}) to ${event.by.name} (${event.by.role})`;
    case 'poll.open':
      return `GO/NO-GO poll on ${event.outcome}: ${event.positions.join(', ')}`;
    case 'poll.vote':
      return voteSentence(event);
    case 'poll.disposition':
      return `formal dissent ${event.kind === 'escalated' ? `escalated to ${event.to ?? '—'}` : 'risk accepted'}: ${event.rationale}`;
    case 'odds.attach':
      return attachedOddsSentence(event);
    default:
      return event.description ?? '';
  }
}

/** What signing an event means (21 CFR 11.50(a)(3)): approved, overrode, … */
export function signatureMeaning(event: CrewReturnEvent): string {
  switch (event.type) {
    case 'decision.confirm':
      return 'approved the recommendation';
    case 'decision.override':
      return `overrode the recommendation, to ${event.outcome}`;
    case 'thresholds.change':
      return `changed the threshold ${event.key}`;
    case 'session.note':
      return 'wrote this note';
    case 'operator.handover':
      return `took over the console from ${event.from.name}`;
    case 'poll.open':
      return `opened a GO/NO-GO poll on ${event.outcome}`;
    case 'poll.vote':
      return event.vote === 'abstain'
        ? `abstained for ${event.position}`
        : `voted ${voteLabels[event.vote]} for ${event.position}${event.dissent === 'none' ? '' : `, ${event.dissent === 'formal' ? 'dissented formally (escalate)' : 'disagreeing but supporting'}`}`;
    case 'odds.attach':
      return `attached the odds of ${event.samples.toLocaleString('en-US')} samples to the record`;
    case 'poll.disposition':
      return event.kind === 'escalated'
        ? `escalated the poll's formal dissent to ${event.to ?? '—'}`
        : "accepted the risk the poll's formal dissent names";
    default:
      return `recorded ${event.type}`;
  }
}

/** "Signed by Ana Flight, flight director (3f2a·9c41·07be·d5e0) on 2026-11-26 12:00 UTC: approved the recommendation". */
export function signatureManifestation(
  signer: { name: string; role: string },
  fingerprint: string,
  signedUtc: string,
  meaning: string,
): string {
  return `Signed by ${signer.name}, ${signer.role} (${fingerprint}) on ${utcMinute(signedUtc)} UTC: ${meaning}`;
}

/** An entry's signature manifestation, or null when it carries none (or there is no such entry). */
export function entrySignature(entry: Pick<AuditEntry, 'event' | 'signature' | 'wallClockUtc'> | undefined): string | null {
  return entry?.signature
    ? signatureManifestation(entry.event.by, entry.signature.fingerprint, entry.wallClockUtc, signatureMeaning(entry.event))
    : null;
}

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

/** A value the descent-thermal model estimated says so wherever it is shown: "estimated 48.7 °C". */
export function sourcedValue(shown: string, valueSource: string | null | undefined): string {
  return valueSource === estimatedSource ? `estimated ${shown}` : shown;
}

/** The cells of a rule line, units on every number. */
export function ruleCells(rule: RecordRule): {
  rule: string;
  subject: string;
  tier: string;
  value: string;
  limit: string;
  margin: string;
  result: string;
} {
  const reading = ruleReading(rule);
  const value =
    reading.value === null
      ? 'unknown'
      : `${sourcedValue(reading.value, rule.valueSource)}${reading.nominal === null ? '' : ` (nominal ${reading.nominal})`}`;
  return {
    rule: rule.rule,
    subject: rule.subject,
    tier: rule.tier,
    value,
    limit: `${comparatorSymbol(rule.comparator)} ${reading.limit}`,
    margin: reading.margin,
    result: rule.status.toUpperCase(),
  };
}

/** "thermal.peak-cabin-temp (3 crew, emergency): 43 °C vs ≤ 40 °C, margin −3 °C, FAIL". */
export function ruleSentence(rule: RecordRule): string {
  const c = ruleCells(rule);
  return `${c.rule} (${[c.subject, c.tier].filter(Boolean).join(', ')}): ${c.value} vs ${c.limit}, margin ${c.margin}, ${c.result}`;
}

/** "How often the answer held over 20,000 samples (seed 77) of 4 ranges: Launch replacement 75.0 %, …". */
function attachedOddsSentence(odds: Extract<CrewReturnEvent, { type: 'odds.attach' }>): string {
  const shares = (Object.entries(odds.outcomes) as [OutcomeId, number][])
    .sort(([, a], [, b]) => b - a)
    .map(([outcome, share]) => `${outcomeLabels[outcome]} ${percentText(share)}`);
  return `How often the answer held over ${odds.samples.toLocaleString('en-US')} samples (seed ${odds.seed}) of ${odds.inputs.length} range${odds.inputs.length === 1 ? '' : 's'}: ${shares.join(', ')}`;
}

/** "≤ 39 °C → Undecided: escalate": where a threshold flip point changes the recommendation, and to what. */
export function thresholdFlipWords(flip: FlipPoint, shown: (value: number, unit: string) => string): string {
  const unit = thresholdDefinitionByKey.get(flip.thresholdKey)?.unit ?? '';
  return `${flipRelation(flip)} ${shownFlipAt(flip, unit, shown)} → ${outcomeLabels[flip.newOutcome]}${flip.validAlone ? '' : ' (with the other tier)'}`;
}

/** Where a flip happens, as read: at the unit's resolution, rounded toward the side that flips (`flipBound`). */
export function shownFlipAt(
  flip: Pick<FlipPoint, 'flipAt' | 'direction'>,
  unit: string,
  shown: (value: number, unit: string) => string,
): string {
  return shown(flipBound(flip.flipAt, unit, flip.direction), unit);
}

/** `≤` or `≥`: how a rule compares, as it is printed. */
export const comparatorSymbol = (comparator: '<=' | '>='): '≤' | '≥' => (comparator === '<=' ? '≤' : '≥');

export const utcMinute = (iso: string) => iso.slice(0, 16).replace('T', ' ');

const monthNames = ['Jan', 'Feb', 'Mar', 'Apr', 'May', 'Jun', 'Jul', 'Aug', 'Sep', 'Oct', 'Nov', 'Dec'];
/** "11 Jan 2023" (UTC). */
export function utcDay(iso: string): string {
  const day = new Date(iso);
  return `${day.getUTCDate()} ${monthNames[day.getUTCMonth()]} ${day.getUTCFullYear()}`;
}
