/**
 * What the server tests share: a database of either kind (embedded from the migrated dump, or a copy
 * of PostgreSQL's migrated template), operators with real Ed25519 keys, a ledger built by the real
 * fold and ledger code, and the signed requests a console sends.
 */

import { randomUUID } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { inject } from 'vitest';
import type { Scenario } from '../../scenarios/schema';
import { appendMessage } from '../../src/record/appendClaim';
import { type AuditEntry, extendLedger, genesisHash } from '../../src/record/ledger';
import type { CheckpointSeen } from '../../src/record/packetSchema';
import { createKeyPair, publicHalf, publicKeyRecord, type Signer, sign } from '../../src/record/signing';
import type { Database } from '../../src/server/database';
import { openEmbeddedDatabase } from '../../src/server/embeddedDatabase';
import { openPostgresDatabase } from '../../src/server/postgresDatabase';
import type { Actor } from '../../src/session/model';
import { defaultProfile, type ThresholdProfile } from '../../src/session/profile';
import { foldWalkthrough, openWalkthrough, recordEvent, type Walkthrough } from '../../src/session/walkthrough';
import {
  type AdmissionRequest,
  type AppendRequest,
  admissionMessage,
  type CreateSessionRequest,
  keyRegistrationMessage,
  sessionGenesisMessage,
} from '../../src/team/protocol';
import { loadBuiltInScenario } from '../support';

export const databaseKinds = ['embedded', 'postgresql'] as const;
export type DatabaseKind = (typeof databaseKinds)[number];

let pgliteDump: Blob | undefined;

/** A migrated database of `kind`, of this test's own. */
export async function openTestDatabase(kind: DatabaseKind): Promise<Database> {
  if (kind === 'embedded') {
    pgliteDump ??= new Blob([readFileSync(inject('pgliteDumpFile'))]);
    return openEmbeddedDatabase({ loadDataDir: pgliteDump });
  }
  return openPostgresDatabase(await copyOfTemplate(), (error) => {
    throw error;
  });
}

/** A new PostgreSQL database copied from the migrated template: its URL. */
export async function copyOfTemplate(template = inject('postgresTemplate')): Promise<string> {
  const server = inject('postgresServerUrl');
  const name = `test_${randomUUID().replaceAll('-', '')}`;
  const admin = await openPostgresDatabase(`${server}/postgres`, () => {});
  await admin.query(`CREATE DATABASE ${name} TEMPLATE ${template}`);
  await admin.close();
  return `${server}/${name}`;
}

export const wall = '2026-12-06T12:00:00Z';
export const flightDirector: Actor = { name: 'Ana Flight', role: 'flight director' };
export const thermalLead: Actor = { name: 'Tom Heat', role: 'thermal' };
export const outsider: Actor = { name: 'Eve Outside', role: 'visitor' };

export async function makeSigner(actor: Actor): Promise<Signer> {
  const pair = await createKeyPair(false);
  return { ...(await publicKeyRecord(actor, pair.publicKey)), privateKey: pair.privateKey };
}

/** Sends a request to the server under test: in-process (`app.request`) or over HTTP (`fetch`). */
export type Send = (path: string, init?: RequestInit) => Promise<Response>;

export const postJson = (send: Send, path: string, body: unknown) =>
  send(path, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body) });

export async function registerKey(send: Send, signer: Signer): Promise<Response> {
  const key = publicHalf(signer);
  return postJson(send, '/api/keys', { key, signature: await sign(signer, keyRegistrationMessage(key)) });
}

/** The session the tests decide in: MS-22 under the default profile. */
export interface TestSession {
  id: string;
  scenario: Scenario;
  profile: ThresholdProfile;
  start: Walkthrough;
}

export async function openSessionRequest(authority: Signer, id = randomUUID()): Promise<CreateSessionRequest> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const profile = await defaultProfile();
  const title = 'MS-22 coolant leak';
  const genesis = {
    sessionId: id,
    title,
    genesisHash: await genesisHash(scenario, profile),
    openedUtc: wall,
    authorityFingerprint: authority.fingerprint,
  };
  return {
    id,
    title,
    scenario,
    profile,
    openedUtc: wall,
    authority: publicHalf(authority),
    genesisSignature: await sign(authority, sessionGenesisMessage(genesis)),
  };
}

/** Registers the authority's key and opens a session under it. */
export async function openSession(send: Send, authority: Signer): Promise<TestSession> {
  await registerKey(send, authority);
  const request = await openSessionRequest(authority);
  const response = await postJson(send, '/api/sessions', request);
  if (response.status !== 201) throw new Error(`opening the session: ${response.status} ${await response.text()}`);
  return {
    id: request.id,
    scenario: request.scenario,
    profile: request.profile as ThresholdProfile,
    start: openWalkthrough(request.scenario, request.profile as ThresholdProfile, wall),
  };
}

/** Registers `key` and has `authority` admit it to the session. */
export async function admit(send: Send, sessionId: string, authority: Signer, key: Signer): Promise<Response> {
  await registerKey(send, key);
  const admitted = publicHalf(key);
  const signature = await sign(authority, admissionMessage({ sessionId, admitted, admittedUtc: wall }));
  const body: AdmissionRequest = { admitted: key.fingerprint, admittedUtc: wall, signature };
  return postJson(send, `/api/sessions/${sessionId}/admissions`, body);
}

/** The walkthrough with an operator's note recorded by `by`. */
export function withNote(walkthrough: Walkthrough, by: Actor, text: string): Walkthrough {
  const recorded = recordEvent(walkthrough, { type: 'session.note', text }, by, wall);
  if (!recorded.ok) throw new Error(recorded.reason);
  return recorded.walkthrough;
}

/** The ledger of `walkthrough` beyond `existing`, each operator's entry signed by its actor's key among `signers`. */
export function ledgerOf(session: TestSession, walkthrough: Walkthrough, existing: readonly AuditEntry[], signers: Signer[]) {
  const signerFor = async (actor: Actor) => signers.find((s) => s.name === actor.name && s.role === actor.role) ?? null;
  return extendLedger(session.scenario, session.profile, existing, foldWalkthrough(walkthrough), signerFor);
}

/** An append of `entry` (extending the entries before it) signed by `appender`. */
export async function appendRequest(
  sessionId: string,
  entry: AuditEntry,
  appender: Signer,
  checkpointSeen: CheckpointSeen = null,
): Promise<AppendRequest> {
  const message = appendMessage({ sessionId, seq: entry.seq, entryHash: entry.hash, checkpointSeen });
  return {
    extends: entry.seq - 1,
    entry,
    appendedBy: appender.fingerprint,
    checkpointSeen,
    signature: await sign(appender, message),
  };
}

export async function appendAll(send: Send, sessionId: string, entries: readonly AuditEntry[], appender: Signer): Promise<void> {
  for (const entry of entries) {
    const response = await postJson(send, `/api/sessions/${sessionId}/entries`, await appendRequest(sessionId, entry, appender));
    if (response.status !== 200) throw new Error(`appending entry ${entry.seq}: ${response.status} ${await response.text()}`);
  }
}
