/** What each recorded event says and what signing it means (21 CFR 11.50), as every presenter shows it. */
import type { AuditEntry } from '../record/ledger';
import type { CrewReturnEvent, OutcomeId } from '../session/model';
import { countText, percentText, utcMinute } from './format';
import { outcomeLabels } from './outcomeWords';
import { voteLabels, voteSentence } from './pollWords';

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
      return `attached the odds of ${countText(event.samples)} samples to the record`;
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

/** "How often the answer held over 20,000 samples (seed 77) of 4 ranges: Launch replacement 75.0 %, …". */
function attachedOddsSentence(odds: Extract<CrewReturnEvent, { type: 'odds.attach' }>): string {
  const shares = (Object.entries(odds.outcomes) as [OutcomeId, number][])
    .sort(([, a], [, b]) => b - a)
    .map(([outcome, share]) => `${outcomeLabels[outcome]} ${percentText(share)}`);
  return `How often the answer held over ${countText(odds.samples)} samples (seed ${odds.seed}) of ${odds.inputs.length} range${odds.inputs.length === 1 ? '' : 's'}: ${shares.join(', ')}`;
}
