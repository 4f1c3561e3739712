/**
 * A GO/NO-GO poll before a decision: the decision authority asks each position for its call on one
 * proposed outcome. A position that disagrees says how far: it disagrees but supports (its call
 * stays GO), or it files a formal dissent with a rationale, which goes up the chain (escalation).
 */
import type { Actor, DecidableOutcome } from '../types';

/** Whom a poll asks unless a profile says otherwise (the list; each program sets its own in its profile). */
export const defaultPollPositions: readonly string[] = [
  'flight director',
  'thermal',
  'propulsion',
  'crew surgeon',
  'program manager',
  'partner agency',
];

export const pollVotes = ['go', 'no-go', 'abstain'] as const;
export type PollVote = (typeof pollVotes)[number];

export const dissentLevels = ['none', 'disagree-but-support', 'formal'] as const;
export type DissentLevel = (typeof dissentLevels)[number];

export interface PollAnswer {
  position: string;
  vote: PollVote;
  dissent: DissentLevel;
  rationale: string;
  by: Actor;
  atUtc: string;
}

/** How a poll ended: the decision taken with it, another poll opened instead, or new data or an emergency ended it. */
export type PollClosing = { kind: 'decided' | 'superseded' | 'withdrawn'; atUtc: string };

/**
 * What the decision authority did with the formal dissents of a poll whose positions have all answered:
 * escalated them (to whom), or accepted the risk, each with a rationale. A decision waits for it.
 */
export interface PollDisposition {
  kind: 'escalated' | 'risk-accepted';
  /** Whom the dissent went to, when escalated. */
  to: string | null;
  rationale: string;
  by: Actor;
  atUtc: string;
}

export const dispositionKinds = ['escalated', 'risk-accepted'] as const;

export interface Poll {
  /** 1 for a session's first poll, and so on. */
  number: number;
  /** What the positions are asked to go for. */
  outcome: DecidableOutcome;
  positions: readonly string[];
  openedBy: Actor;
  openedUtc: string;
  answers: readonly PollAnswer[];
  /** What was done with its formal dissents; null while none is recorded. */
  disposition: PollDisposition | null;
  closed: PollClosing | null;
}

/** Where a position disagrees, how far: disagreeing but supporting is a GO, a formal dissent is a NO-GO with its why. */
export function dissentProblem(vote: PollVote, dissent: DissentLevel, rationale: string | undefined): string | null {
  if (dissent === 'disagree-but-support' && vote !== 'go') return 'disagree but support goes with a GO';
  if (dissent === 'formal' && vote !== 'no-go') return 'a formal dissent goes with a NO-GO';
  if (dissent === 'formal' && !rationale) return 'a formal dissent needs a rationale (it is escalated)';
  return null;
}

/** The poll still open: the last one, unless it was closed (a recorded poll is one too). */
export function openPoll<P extends Poll>(polls: readonly P[]): P | null {
  const last = polls.at(-1);
  return last && last.closed === null ? last : null;
}

const unanswered = (poll: Poll): string[] =>
  poll.positions.filter((position) => !poll.answers.some((a) => a.position === position));

/** Formal dissents of a poll whose positions have all answered, until a disposition is recorded. */
export function dissentsWaiting(poll: Poll): PollAnswer[] {
  if (poll.disposition || unanswered(poll).length) return [];
  return poll.answers.filter((a) => a.dissent === 'formal');
}

/**
 * Why no decision can be taken yet: the open poll still waits for positions, or for the decision
 * authority's disposition of a formal dissent.
 */
export function pollPending(polls: readonly Poll[]): string | null {
  const poll = openPoll(polls);
  if (!poll) return null;
  const waiting = unanswered(poll);
  if (waiting.length)
    return `poll ${poll.number} is open and ${waiting.join(', ')} ${waiting.length === 1 ? 'has' : 'have'} not answered (or open a new poll)`;
  const dissents = dissentsWaiting(poll);
  return dissents.length
    ? `poll ${poll.number} has a formal dissent (${dissents.map((d) => d.position).join(', ')}): ${poll.openedBy.name} (${poll.openedBy.role}) records its disposition first, escalated to whom or risk accepted, with a rationale (or open a new poll)`
    : null;
}

/** Why the machine does not take this disposition; null when it does. Only who opened the poll disposes of its dissents. */
export function dispositionRefusal(
  polls: readonly Poll[],
  disposition: { by: Actor; kind: string; to?: string | undefined },
): string | null {
  const poll = openPoll(polls);
  if (!poll) return 'no poll is open';
  if (unanswered(poll).length) return `poll ${poll.number} still waits for ${unanswered(poll).join(', ')}`;
  if (poll.disposition) return `poll ${poll.number} already has a disposition`;
  if (!poll.answers.some((a) => a.dissent === 'formal')) return `poll ${poll.number} has no formal dissent to dispose of`;
  if (disposition.by.name !== poll.openedBy.name || disposition.by.role !== poll.openedBy.role)
    return `the disposition is ${poll.openedBy.name}'s (${poll.openedBy.role}), who opened poll ${poll.number}`;
  if (disposition.kind === 'escalated' && !disposition.to) return 'an escalation names whom it goes to';
  return null;
}

/** Why the machine does not take this vote; null when it does. A vote is cast by the position's own operator. */
export function voteRefusal(polls: readonly Poll[], vote: { position: string; by: Actor }): string | null {
  const poll = openPoll(polls);
  if (!poll) return 'no poll is open';
  if (!poll.positions.includes(vote.position)) return `${vote.position} is not polled in poll ${poll.number}`;
  if (vote.by.role !== vote.position)
    return `a vote for ${vote.position} is cast by its operator (role ${vote.position}), not by a ${vote.by.role}`;
  if (poll.answers.some((a) => a.position === vote.position)) return `${vote.position} has already answered poll ${poll.number}`;
  return null;
}

export interface PollTally {
  go: number;
  noGo: number;
  abstain: number;
  disagreeButSupport: number;
  /** Marked for escalation in the record. */
  formalDissents: PollAnswer[];
  unanswered: string[];
}

export function pollTally(poll: Poll): PollTally {
  const count = (vote: PollVote) => poll.answers.filter((a) => a.vote === vote).length;
  return {
    go: count('go'),
    noGo: count('no-go'),
    abstain: count('abstain'),
    disagreeButSupport: poll.answers.filter((a) => a.dissent === 'disagree-but-support').length,
    formalDissents: poll.answers.filter((a) => a.dissent === 'formal'),
    unanswered: unanswered(poll),
  };
}
