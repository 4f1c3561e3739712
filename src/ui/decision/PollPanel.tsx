import { dissentsWaiting, openPoll } from '../../session/model';
import { PollDispositionForm } from './PollDispositionForm';
import { PollOpenForm } from './PollOpenForm';
import { PollTable } from './PollTable';
import { PollVoteForm } from './PollVoteForm';
import type { PollPanelProps } from './pollPanelProps';

/**
 * Before confirming or overriding, the authority polls the positions; on one console they answer in
 * turn, each under its operator's own name (and so its own signing key).
 */
export function PollPanel({
  polls,
  defaultPositions,
  proposed,
  disabledBecause,
  onOpen,
  onVote,
  unlock,
  onDispose,
}: PollPanelProps) {
  const open = openPoll(polls);
  const answered = open !== null && open.tally.unanswered.length === 0;
  const earlier = polls.filter((p) => p !== open);
  return (
    <section aria-labelledby="poll-title" className="poll-panel">
      <h4 id="poll-title">GO/NO-GO poll</h4>
      {open ? (
        <>
          {/* The forms come before the record: an answer arriving from another console changes the table's
              height, never the place of what this console's operator is about to click. */}
          {!answered && <PollVoteForm poll={open} disabledBecause={disabledBecause} onVote={onVote} unlock={unlock} />}
          {dissentsWaiting(open).length > 0 && (
            <PollDispositionForm poll={open} disabledBecause={disabledBecause} onDispose={onDispose} />
          )}
          <PollTable poll={open} />
        </>
      ) : (
        <PollOpenForm
          key={polls.length}
          defaultPositions={defaultPositions}
          proposed={proposed}
          disabledBecause={disabledBecause}
          onOpen={onOpen}
        />
      )}
      {earlier.length > 0 && (
        <details>
          <summary>Earlier polls ({earlier.length})</summary>
          {earlier.map((poll) => (
            <PollTable key={poll.number} poll={poll} />
          ))}
        </details>
      )}
    </section>
  );
}
