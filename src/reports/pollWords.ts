/** A GO/NO-GO poll in words: each call, the tally, its formal dissent and how the poll closed. */
import type { RecordPoll } from '../session/decisionRecord';
import type { DissentLevel, PollVote } from '../session/model';
import { utcMinute, utcSecond } from './format';

export const voteLabels: Record<PollVote, string> = { go: 'GO', 'no-go': 'NO-GO', abstain: 'abstain' };

export const dissentLabels: Record<DissentLevel, string> = {
  none: '',
  'disagree-but-support': 'disagrees but supports',
  formal: 'FORMAL DISSENT: escalate',
};

/** "thermal: NO-GO, FORMAL DISSENT: escalate: “humidity unknown”". */
export function voteSentence(vote: { position: string; vote: PollVote; dissent: DissentLevel; rationale?: string }): string {
  const dissent = dissentLabels[vote.dissent];
  return `${vote.position}: ${voteLabels[vote.vote]}${dissent ? `, ${dissent}` : ''}${vote.rationale ? `: “${vote.rationale}”` : ''}`;
}

const pollClosingWords = {
  decided: 'the decision was taken with it',
  superseded: 'superseded by a new poll',
  withdrawn: 'withdrawn (new data, or the station declared unsafe)',
};

/** "escalated to the program manager by Ana Flight (flight director), entry 27: “…”". */
export function dispositionWords(disposition: NonNullable<RecordPoll['disposition']>): string {
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
    time: answer.wallClockUtc ? `${utcSecond(answer.wallClockUtc)} UTC` : '—',
    entry: String(answer.seq),
  };
}

export const pollTableHeadings = ['position', 'operator', 'call', 'dissent', 'rationale', 'time', 'entry'] as const;
