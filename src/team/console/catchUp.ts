/** Fetching what the follower is missing: the entries after the last it holds, page by page, each verified in order. */
import type { FollowerAlarm, SessionFollower } from './sessionFollower';
import type { TeamApi, TeamFailure } from './teamApi';

export type CaughtUp =
  | { kind: 'caught-up'; size: number }
  | { kind: 'failed'; failure: TeamFailure }
  | { kind: 'alarm'; alarm: FollowerAlarm };

/** Takes in every entry after the follower's head, up to `throughSeq` if given (else until the server has no more). */
export async function catchUp(api: TeamApi, follower: SessionFollower, throughSeq = Number.POSITIVE_INFINITY): Promise<CaughtUp> {
  while (follower.size < throughSeq) {
    const page = await api.entriesAfter(follower.sessionId, follower.size);
    if (!page.ok) return { kind: 'failed', failure: page.failure };
    if (page.value.length === 0) break;
    for (const stored of page.value) {
      const received = await follower.receive(stored);
      if (received.kind === 'alarm') return received;
      if (received.kind === 'gap')
        return {
          kind: 'alarm',
          alarm: {
            check: 'previous-hash',
            seq: received.seq,
            words: `Entry ${received.seq}: the server sent it as the next after entry ${received.heldThrough}, leaving entries out. This console does not show it.`,
          },
        };
    }
  }
  return { kind: 'caught-up', size: follower.size };
}
