import type { RecordPoll } from '../../session/decisionRecord';
import type { Actor, DecidableOutcome, OperatorRequest } from '../../session/model';

type PollOpenRequest = Extract<OperatorRequest, { type: 'poll.open' }>;
type PollVoteRequest = Extract<OperatorRequest, { type: 'poll.vote' }>;
type PollDispositionRequest = Extract<OperatorRequest, { type: 'poll.disposition' }>;

export interface PollPanelProps {
  polls: readonly RecordPoll[];
  /** Whom the profile asks by default. */
  defaultPositions: readonly string[];
  /** What the positions are asked to go for unless the authority picks another outcome. */
  proposed: DecidableOutcome;
  /** Why nothing can be recorded here, or why the machine would not open a poll (the decision panel says it); null when it would. */
  disabledBecause: string | null;
  onOpen: (request: PollOpenRequest) => void;
  onVote: (request: PollVoteRequest, voter: Actor) => void;
  /** Unlocks (or makes) the voter's own key with their passphrase: null once unlocked, else why not. */
  unlock: (voter: Actor, passphrase: string) => Promise<string | null>;
  /** Records the decision authority's disposition of the poll's formal dissents (as the console's operator). */
  onDispose: (request: PollDispositionRequest) => void;
}
