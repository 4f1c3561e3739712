/**
 * A session with a log, on a real team server on loopback (PostgreSQL: the quickest to start), for the
 * tests of what a console does with what the server says: the session's detail, its admissions and
 * its stored entries exactly as the server sends them, and entries made but not yet appended.
 */

import type { AuditEntry } from '../../../src/record/ledger';
import type { Signer } from '../../../src/record/signing';
import { listen, prepareTeamServer, type RunningServer } from '../../../src/server/teamServer';
import type { Admission, SessionDetail, StoredEntry } from '../../../src/team/protocol';
import {
  admit,
  appendAll,
  flightDirector,
  ledgerOf,
  makeSigner,
  openSession,
  openTestDatabase,
  outsider,
  registerKey,
  type Send,
  type TestSession,
  thermalLead,
  withNote,
} from '../teamHarness';

export interface LoggedSession {
  running: RunningServer;
  send: Send;
  session: TestSession;
  authority: Signer;
  thermal: Signer;
  /** Registered on the server, never admitted to the session. */
  eve: Signer;
  detail: SessionDetail;
  admissions: Admission[];
  /** The stored log, as GET …/entries sends it. */
  stored: StoredEntry[];
  /** The log's entries and `extra` more beyond it, made but not appended. */
  entries: AuditEntry[];
}

/** A session whose thermal lead (admitted) has appended `appended` notes; `extra` more are made, not sent. */
export async function loggedSession(appended: number, extra: number): Promise<LoggedSession> {
  const running = await listen(await prepareTeamServer(await openTestDatabase('postgresql')), 0);
  const send: Send = (path, init) => fetch(`${running.url}${path}`, init);
  const authority = await makeSigner(flightDirector);
  const thermal = await makeSigner(thermalLead);
  const eve = await makeSigner(outsider);
  const session = await openSession(send, authority);
  await admit(send, session.id, authority, thermal);
  await registerKey(send, eve);
  let walkthrough = session.start;
  for (let i = 1; i <= appended + extra; i++) walkthrough = withNote(walkthrough, thermalLead, `cabin reading ${i}`);
  const entries = await ledgerOf(session, walkthrough, [], [thermal]);
  await appendAll(send, session.id, entries.slice(0, appended), thermal);
  const read = async <T>(path: string): Promise<T> => (await send(`/api/sessions/${session.id}${path}`)).json();
  return {
    running,
    send,
    session,
    authority,
    thermal,
    eve,
    detail: await read(''),
    admissions: await read('/admissions'),
    stored: await read('/entries?after=0'),
    entries,
  };
}
