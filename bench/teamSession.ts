/**
 * A session on a running team server as consoles reach it: the authority's key registered, the session
 * opened under it, consoles following it with their own verifying follower, and a writer appending a
 * ledger made beforehand through the console's outbox, each append timed from the moment it is sent.
 */
import { randomUUID } from 'node:crypto';
import type { Scenario } from '../scenarios/schema';
import { type AuditEntry, genesisHash } from '../src/record/ledger';
import { createKeyPair, publicHalf, publicKeyRecord, type Signer, sign } from '../src/record/signing';
import type { ThresholdProfile } from '../src/session/profile';
import { AppendQueue } from '../src/team/console/appendQueue';
import { catchUp } from '../src/team/console/catchUp';
import { memoryOutboxStore } from '../src/team/console/outboxStore';
import { SessionFollower } from '../src/team/console/sessionFollower';
import type { TeamApi } from '../src/team/console/teamApi';
import { keyRegistrationMessage, type SessionDetail, sessionGenesisMessage } from '../src/team/protocol';

/** The actor of every operator entry of the bench's sessions (bench/audit.ts's longPacket). */
export const benchOperator = { name: 'Bench operator', role: 'flight director' };
const openedUtc = '2026-11-25T00:00:00Z';

export async function benchSigner(): Promise<Signer> {
  const pair = await createKeyPair(false);
  return { ...(await publicKeyRecord(benchOperator, pair.publicKey)), privateKey: pair.privateKey };
}

const expectOk = <T>(what: string, result: { ok: true; value: T } | { ok: false; failure: { words: string } }): T => {
  if (!result.ok) throw new Error(`${what}: ${result.failure.words}`);
  return result.value;
};

export async function registerKey(api: TeamApi, signer: Signer): Promise<void> {
  const key = publicHalf(signer);
  expectOk(
    'registering the bench key',
    await api.registerKey({ key, signature: await sign(signer, keyRegistrationMessage(key)) }),
  );
}

/** Opens a session under `authority` (its key registered already): the session's detail as the server gives it. */
export async function openBenchSession(
  api: TeamApi,
  authority: Signer,
  scenario: Scenario,
  profile: ThresholdProfile,
  title: string,
): Promise<SessionDetail> {
  const id = randomUUID();
  const genesis = {
    sessionId: id,
    title,
    genesisHash: await genesisHash(scenario, profile),
    openedUtc,
    authorityFingerprint: authority.fingerprint,
  };
  const request = {
    id,
    title,
    scenario,
    profile,
    openedUtc,
    authority: publicHalf(authority),
    genesisSignature: await sign(authority, sessionGenesisMessage(genesis)),
  };
  return expectOk('opening the bench session', await api.openSession(request));
}

/** A console's verified view of the session, caught up with what the server holds (as a console opens it). */
export async function followSession(api: TeamApi, sessionId: string): Promise<SessionFollower> {
  const detail = expectOk('reading the session', await api.session(sessionId));
  const opened = await SessionFollower.open(detail);
  if (!opened.ok) throw new Error(opened.alarm.words);
  for (const admission of expectOk('reading the admissions', await api.admissions(sessionId))) {
    const admitted = await opened.follower.admit(admission);
    if (!admitted.ok) throw new Error(admitted.alarm.words);
  }
  const caught = await catchUp(api, opened.follower);
  if (caught.kind !== 'caught-up') throw new Error(`catching up: ${JSON.stringify(caught)}`);
  return opened.follower;
}

export interface TimedAppends {
  /** From each append sent to its acknowledgement, in ms, in order. */
  roundTripMs: number[];
  /** From the first append sent to the last acknowledged, in ms. */
  elapsedMs: number;
}

/**
 * Appends `entries` (the whole ledger from seq 1, signed by `writer`) one after another through the
 * console's outbox, as the writer's console sends them. `sent(seq, atMs)` hears each append as it goes
 * out; `afterEach(seq)` is awaited before the next is queued. Anything but a plain acknowledgement
 * (a stale head, a refusal, a held outbox) stops the run: the bench's writer is alone on its session.
 */
export async function appendInTurn(
  api: TeamApi,
  sessionId: string,
  writer: Signer,
  entries: readonly AuditEntry[],
  sent: (seq: number, atMs: number) => void = () => {},
  afterEach: (seq: number) => Promise<void> = async () => {},
): Promise<TimedAppends> {
  const follower = await followSession(api, sessionId);
  const roundTripMs: number[] = [];
  const timedApi: TeamApi = {
    ...api,
    append: async (id, request) => {
      const start = performance.now();
      sent(request.entry.seq, start);
      const result = await api.append(id, request);
      roundTripMs.push(performance.now() - start);
      return result;
    },
  };
  const outbox = await AppendQueue.open<number>({
    api: timedApi,
    follower,
    signer: writer,
    store: memoryOutboxStore(),
    rebase: async () => ({ ok: false, refusal: 'the bench writer is alone on its session: nothing to re-make' }),
    // What a console countersigns: the log's head as it verified it (the server's checkpoint of that size has this root).
    checkpointSeen: () => (follower.size ? { treeSize: follower.size, rootHash: follower.rootAt() } : null),
  });
  const start = performance.now();
  for (const entry of entries) {
    const flushed = await outbox.enqueue(entry, entry.seq);
    if (flushed.sent !== 1 || flushed.pending !== 0)
      throw new Error(`appending entry ${entry.seq}: ${flushed.heldBecause ?? 'the server did not take it as sent'}`);
    await afterEach(entry.seq);
  }
  return { roundTripMs, elapsedMs: performance.now() - start };
}
