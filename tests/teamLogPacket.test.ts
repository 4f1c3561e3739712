/**
 * A packet exported from a team session verifies its team log offline: each append signed by its
 * appender, the server's signed checkpoint the root of the entries' Merkle tree, and each countersigned
 * checkpoint the log as it was before that append. Changed anywhere, it is refused naming the entry.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePacket } from '../src/files/packetFile';
import { appendMessage } from '../src/record/appendClaim';
import { logLeafHash, signCheckpoint } from '../src/record/checkpoint';
import { type DecisionPacket, extendLedger, makePacket } from '../src/record/ledger';
import { MerkleTree } from '../src/record/merkle';
import type { CheckpointSeen, TeamLogRecord } from '../src/record/packetSchema';
import { createKeyPair, publicKeyRecord, type Signer, sign } from '../src/record/signing';
import { verifyPacket } from '../src/record/verify';
import { verifyTeamLog } from '../src/record/verifyTeamLog';
import { teamLogLine } from '../src/reports/teamLogWords';
import type { Actor } from '../src/session/model';
import { defaultProfile } from '../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough } from '../src/session/walkthrough';
import { loadBuiltInScenario } from './support';

const wall = '2026-12-06T12:00:00Z';
const sessionId = '0f8c7d2e-4b1a-4c3e-9a55-2f1d6e7b8c90';

async function signer(actor: Actor): Promise<Signer> {
  const pair = await createKeyPair(false);
  return { ...(await publicKeyRecord(actor, pair.publicKey)), privateKey: pair.privateKey };
}

let server: Signer;
let appender: Signer;
let packet: DecisionPacket;

/** Five scripted steps appended by one console, each countersigning the log as it was (after the first). */
async function teamPacket(
  countersigned: (treeSize: number, tree: MerkleTree) => CheckpointSeen = (n, t) =>
    n === 0 ? null : { treeSize: n, rootHash: t.root(n) },
): Promise<DecisionPacket> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const profile = await defaultProfile();
  const walkthrough = moveTo(openWalkthrough(scenario, profile, wall), 5, wall);
  const entries = await extendLedger(scenario, profile, [], foldWalkthrough(walkthrough));
  const tree = new MerkleTree();
  const appends: TeamLogRecord['appends'] = [];
  for (const entry of entries) {
    const checkpointSeen = countersigned(tree.size, tree);
    const signature = await sign(appender, appendMessage({ sessionId, seq: entry.seq, entryHash: entry.hash, checkpointSeen }));
    appends.push({ appendedBy: appender.fingerprint, checkpointSeen, signature });
    tree.append(logLeafHash({ seq: entry.seq, hash: entry.hash, appendSignature: signature }));
  }
  const checkpoint = await signCheckpoint(server, { log: sessionId, treeSize: 5, rootHash: tree.root(5), issuedUtc: wall });
  const teamLog = { sessionId, serverKey: { fingerprint: server.fingerprint, publicKey: server.publicKey }, appends, checkpoint };
  return { ...makePacket(scenario, profile, entries), teamLog };
}

const refusal = async (changed: DecisionPacket) => {
  const verdict = await verifyPacket(changed);
  return verdict.ok ? null : { seq: verdict.seq, reason: verdict.reason };
};

describe('a packet with its team log', () => {
  beforeAll(async () => {
    server = await signer({ name: 'team server', role: 'server' });
    appender = await signer({ name: 'Ana Flight', role: 'flight director' });
    packet = await teamPacket();
  });

  it('reads through the packet schema and verifies offline, saying what the team log established', async () => {
    const parsed = parsePacket('team.json', JSON.stringify(packet));
    expect(parsed.ok).toBe(true);
    if (!parsed.ok) return;
    const verdict = await verifyPacket(parsed.value);
    expect(verdict).toMatchObject({ ok: true, entryCount: 5 });
    if (!verdict.ok || !verdict.teamLog) throw new Error('no team log findings');
    expect(verdict.teamLog).toEqual({ appended: 5, checkpointSize: 5, serverFingerprint: server.fingerprint, countersigned: 4 });
    expect(teamLogLine(verdict.teamLog)).toBe(
      `team log: 5 entries appended on the team server ${server.fingerprint}; its signed checkpoint of 5 entries holds over them; 4 appends countersigned the checkpoint they were made on`,
    );
  });

  it('an append signature that does not hold is refused at its entry', async () => {
    const teamLog = structuredClone(packet.teamLog) as TeamLogRecord;
    const [first, second] = teamLog.appends;
    if (!first || !second) throw new Error('two appends expected');
    second.signature = first.signature;
    expect(await refusal({ ...packet, teamLog })).toEqual({ seq: 2, reason: expect.stringContaining('append signature') });
  });

  it('a checkpoint not signed by the server key it names, or of other entries, is refused', async () => {
    const forged = {
      ...(packet.teamLog as TeamLogRecord),
      serverKey: { fingerprint: appender.fingerprint, publicKey: appender.publicKey },
    };
    expect((await refusal({ ...packet, teamLog: forged }))?.reason).toContain('not signed by the server key');
    const elsewhere = await signCheckpoint(server, { log: sessionId, treeSize: 5, rootHash: 'a'.repeat(64), issuedUtc: wall });
    expect(await refusal({ ...packet, teamLog: { ...(packet.teamLog as TeamLogRecord), checkpoint: elsewhere } })).toEqual({
      seq: 5,
      reason: expect.stringContaining('not the root of these entries'),
    });
  });

  it('an appender who countersigned a log other than the one before their entry (a split view) is named', async () => {
    const split = await teamPacket((n, tree) => (n === 3 ? { treeSize: 2, rootHash: tree.root(3) } : null));
    expect(await refusal(split)).toEqual({ seq: 4, reason: expect.stringContaining('countersigns a checkpoint of 2 entries') });
  });

  it('a packet without a team log says nothing of one', async () => {
    const { teamLog: _, ...plain } = packet;
    expect(await verifyTeamLog(plain)).toEqual({ ok: true, findings: null });
  });
});
