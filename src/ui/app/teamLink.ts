/**
 * The app's session kept on the team server instead of this browser: the actor that takes the
 * persistence actor's place when the page is served by a team server. Its code (the console's
 * verifying core, the protocol, the Merkle tree) is loaded when it starts, so a page with no team
 * server never loads it; what the app tells it meanwhile waits, in order.
 */
import { fromCallback } from 'xstate';
import type { SignerFor } from '../../record/ledger';
import type { AppEvent, TeamSetup } from './appTypes';
import type { TeamLinkEvent } from './teamLinkSession';

interface TeamLinkInput {
  team: TeamSetup | null;
  signerFor: SignerFor | undefined;
}

export const teamLink = fromCallback<TeamLinkEvent, TeamLinkInput, AppEvent>(({ input, receive, sendBack }) => {
  const { team } = input;
  if (!team) return;
  const waiting: TeamLinkEvent[] = [];
  let session: { receive: (event: TeamLinkEvent) => void; stop: () => void } | null = null;
  let stopped = false;
  receive((event) => (session ? session.receive(event) : waiting.push(event)));
  import('./teamLinkSession').then(
    ({ followTeam }) => {
      if (stopped) return;
      session = followTeam(team, input.signerFor, sendBack);
      for (const event of waiting.splice(0)) session.receive(event);
    },
    (error: unknown) => sendBack({ type: 'team.failed', words: `The team console could not be loaded: ${String(error)}` }),
  );
  return () => {
    stopped = true;
    session?.stop();
  };
});
