import type { Session } from './fold';
import type { Walkthrough, WalkthroughEvent } from './walkthrough';

/** Why nothing can be recorded while a packet is replayed. */
export const replayRefusal = (fileName: string) => `this is a read-only replay of ${fileName}: nothing is recorded here`;

/**
 * A recorded session (e.g. an imported decision packet's scenario, profile and events) as a
 * walkthrough at its start, to be stepped through as it was recorded. Its events are the record's,
 * in order and unchanged, each scripted one marked as the step its record says it is, so the cursor
 * moves over the recorded steps without recording anything new. A step out of order (a record that
 * failed verification) is shown as an event, not a step: the cursor counts steps in order.
 * `openedUtc`: when the replay was opened (not when the record was made).
 */
export function replayWalkthrough(session: Session, openedUtc: string): Walkthrough {
  let reached = 0;
  const events = session.events.map(({ scriptedStep, ...recorded }): WalkthroughEvent => {
    if (scriptedStep !== undefined && scriptedStep === reached) return { ...recorded, scriptedStep: reached++ };
    return recorded;
  });
  return { scenario: session.scenario, profile: session.profile, openedUtc, cursor: 0, events };
}
