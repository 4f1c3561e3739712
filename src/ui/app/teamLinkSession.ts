/**
 * The app's session kept on the team server instead of this browser: it takes the persistence actor's
 * place when the page is served by a team server. It hears each change of the open session as the
 * browser-only persistence does, turns each new recorded event into an action for the team console
 * (which makes, signs and sends the entry on the log as the server holds it), and tells the app the
 * log as verified after each change. A session opened here is opened on the server under the first
 * operator to identify, who is its decision authority; a session joined is followed at once.
 */
import { sessionIdOf } from '../../files/sessionStore';
import { openTeamOutboxStore } from '../../files/teamOutboxStore';
import { parseCheckpoint } from '../../record/checkpoint';
import type { Checkpoint } from '../../record/checkpointSchema';
import type { SignerFor } from '../../record/ledger';
import { type PublicKeyRecord, publicHalf, type Signer } from '../../record/signing';
import type { Actor } from '../../session/model';
import type { Walkthrough, WalkthroughEvent } from '../../session/walkthrough';
import { actionOf, basisOf, type TeamAction, walkthroughOfLog } from '../../team/console/logWalkthrough';
import { admissionRequest, openSessionRequest, registerKeyRequest } from '../../team/console/signedRequests';
import { teamApi } from '../../team/console/teamApi';
import { type CheckpointMemory, TeamConsole, type TeamView } from '../../team/console/teamConsole';
import type { AppEvent, TeamCommand, TeamSetup } from './appTypes';

interface SessionChanged {
  type: 'session.changed';
  walkthrough: Walkthrough | null;
  operator: Actor | null;
}

/** What the app tells the team console: each change of the open session, and the screen's commands. */
export type TeamLinkEvent = SessionChanged | TeamCommand;

/** Where this page remembers the team session it follows, so that a reload follows it again. */
const followedKey = 'crew-return.team-session';

interface Link {
  localId: string;
  console: TeamConsole | null;
  /** Actions recorded before the session was on the server (nobody had identified to open it). */
  waiting: TeamAction[];
}

/**
 * The last checkpoint this browser checked of a session on a server, kept in its local storage:
 * what the server shows next must extend it, even after a reload. Storage refused: kept for the page.
 */
function checkpointMemory(serverFingerprint: string, sessionId: string): CheckpointMemory {
  const key = `crew-return.checkpoint.${serverFingerprint}.${sessionId}`;
  let last: Checkpoint | null = null;
  try {
    const kept = parseCheckpoint(JSON.parse(localStorage.getItem(key) ?? 'null'));
    last = kept.ok ? kept.value : null;
  } catch {
    last = null;
  }
  return {
    last,
    keep: (checkpoint) => {
      try {
        localStorage.setItem(key, JSON.stringify(checkpoint));
      } catch {
        // The page's own watch still holds it.
      }
    },
  };
}

/**
 * The team console of this page: what `teamLink` runs once its code is loaded. `receive` takes what
 * the app tells it; `stop` ends it.
 */
export function followTeam(
  team: TeamSetup,
  signerForInput: SignerFor | undefined,
  sendBack: (event: AppEvent) => void,
): { receive: (event: TeamLinkEvent) => void; stop: () => void } {
  const { server } = team;
  const api = teamApi('');
  const outbox = openTeamOutboxStore();
  const signerFor: SignerFor = signerForInput ?? (async () => null);
  let link: Link | null = null;
  let signer: Signer | null = null;
  let stopped = false;
  // Events this page has made into actions, or shown from the log: only the others are new.
  const accounted = new WeakSet<WalkthroughEvent>();
  const registered = new Set<string>();

  /** The log as the screen shows it (its own pending appends after it); its events are not new actions. */
  const shown = (view: TeamView) => {
    const walkthrough = walkthroughOfLog(view.basis, [...view.verified, ...view.pending]);
    for (const event of walkthrough.events) accounted.add(event);
    return walkthrough;
  };
  const tell = (localId: string, view: TeamView) => {
    if (stopped || link?.localId !== localId) return;
    sendBack({ type: 'team.view', sessionId: localId, view, walkthrough: shown(view) });
  };
  // A refused action leaves the screen: it shows the log as it stands.
  const refuse = (localId: string) => (words: string) => {
    const view = link?.console?.view;
    if (stopped || link?.localId !== localId || !view) return;
    sendBack({ type: 'team.refused', sessionId: localId, words, walkthrough: shown(view) });
  };

  const follow = async (localId: string, sessionId: string) => {
    const opened = await TeamConsole.open({
      api,
      serverKey: server.serverKey,
      sessionId,
      EventSource: globalThis.EventSource,
      store: await outbox,
      signerFor,
      onView: (view) => tell(localId, view),
      onRefused: refuse(localId),
      memory: checkpointMemory(server.serverKey.fingerprint, sessionId),
    });
    if (!opened.ok) {
      sendBack({ type: 'team.failed', words: opened.words });
      return null;
    }
    if (stopped || link?.localId !== localId) {
      opened.console.close();
      return null;
    }
    sessionStorage.setItem(followedKey, sessionId);
    return opened.console;
  };

  /** A session opened in this page goes on the server once someone has identified: they are its authority. */
  const share = async (current: Link, walkthrough: Walkthrough) => {
    if (!signer || current.console) return;
    const { scenario, profile, openedUtc } = walkthrough;
    const request = await openSessionRequest({ scenario, profile, openedUtc }, scenario.title, signer);
    const created = await api.openSession(request);
    if (!created.ok) return sendBack({ type: 'team.failed', words: created.failure.words });
    current.console = await follow(current.localId, created.value.id);
    await current.console?.setSigner(signer);
    await current.console?.act(current.waiting.splice(0));
  };

  const join = async (sessionId: string) => {
    const detail = await api.session(sessionId);
    if (!detail.ok) return sendBack({ type: 'team.failed', words: detail.failure.words });
    const localId = sessionIdOf(walkthroughOfLog(basisOf(detail.value), []));
    link?.console?.close();
    const joined: Link = { localId, console: null, waiting: [] };
    link = joined;
    joined.console = await follow(localId, sessionId);
    if (!joined.console) return;
    const { view } = joined.console;
    sendBack({ type: 'team.joined', view, walkthrough: shown(view) });
    await joined.console.setSigner(signer);
  };

  const identified = async (operator: Actor | null) => {
    const next = operator ? await signerFor(operator) : null;
    if (next?.fingerprint === signer?.fingerprint) return;
    signer = next;
    if (signer && !registered.has(signer.fingerprint)) {
      const answer = await api.registerKey(await registerKeyRequest(signer));
      if (answer.ok || answer.failure.kind === 'exists') registered.add(signer.fingerprint);
      else sendBack({ type: 'team.failed', words: answer.failure.words });
    }
    await link?.console?.setSigner(signer);
  };

  const changed = async ({ walkthrough, operator }: SessionChanged) => {
    await identified(operator);
    if (!walkthrough) return;
    const localId = sessionIdOf(walkthrough);
    if (link?.localId !== localId) {
      link?.console?.close();
      link = { localId, console: null, waiting: [] };
    }
    const current = link;
    const actions = walkthrough.events.filter((event) => !accounted.has(event));
    for (const event of actions) accounted.add(event);
    if (current.console) await current.console.act(actions.map(actionOf));
    else {
      current.waiting.push(...actions.map(actionOf));
      await share(current, walkthrough);
    }
  };

  const admit = async (key: PublicKeyRecord) => {
    const console = link?.console;
    if (!console || !signer) return;
    const request = await admissionRequest(console.view.sessionId, publicHalf(key), signer, new Date().toISOString());
    const answer = await api.admit(console.view.sessionId, request);
    if (!answer.ok) sendBack({ type: 'team.failed', words: answer.failure.words });
  };

  const listKeys = async () => {
    const keys = await api.keys();
    if (keys.ok) sendBack({ type: 'team.keys', keys: keys.value });
    else sendBack({ type: 'team.failed', words: keys.failure.words });
  };

  const listSessions = async () => {
    const sessions = await api.sessions();
    if (sessions.ok) sendBack({ type: 'team.sessions', sessions: sessions.value });
    else sendBack({ type: 'team.failed', words: sessions.failure.words });
  };

  // One change at a time, in the order the app made them.
  let turn: Promise<unknown> = Promise.resolve();
  const inTurn = (work: () => Promise<unknown>) => {
    turn = turn.then(work).catch((error: unknown) => {
      sendBack({ type: 'team.failed', words: error instanceof Error ? error.message : String(error) });
    });
  };

  const receive = (event: TeamLinkEvent) => {
    if (event.type === 'session.changed') inTurn(() => changed(event));
    else if (event.type === 'team.join') inTurn(() => join(event.sessionId));
    else if (event.type === 'team.admit') inTurn(() => admit(event.key));
    else if (event.type === 'team.listKeys') inTurn(() => listKeys());
    else if (event.type === 'team.listSessions') inTurn(() => listSessions());
  };

  const followed = sessionStorage.getItem(followedKey);
  if (followed) inTurn(() => join(followed));
  return {
    receive,
    stop: () => {
      stopped = true;
      link?.console?.close();
    },
  };
}
