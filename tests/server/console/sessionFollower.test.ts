/**
 * The follower believes nothing a hash or a signature can settle: each forged, altered, misplaced or
 * unadmitted entry the server could send is refused with an alarm naming its seq, in words.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLeafHash } from '../../../src/record/checkpoint';
import { type AuditEntry, entryHash } from '../../../src/record/ledger';
import { MerkleTree } from '../../../src/record/merkle';
import { entrySigningMessage, publicHalf, sign } from '../../../src/record/signing';
import { SessionFollower } from '../../../src/team/console/sessionFollower';
import { admissionMessage, type StoredEntry } from '../../../src/team/protocol';
import { appendRequest, wall } from '../teamHarness';
import { type LoggedSession, loggedSession } from './loggedSession';

let logged: LoggedSession;
beforeAll(async () => {
  logged = await loggedSession(4, 1);
});
afterAll(() => logged?.running.close());

const storedOf = async (entry: AuditEntry, by = logged.thermal, appendedBy = by.fingerprint): Promise<StoredEntry> => {
  const request = await appendRequest(logged.session.id, entry, by);
  return { entry, appendedBy, checkpointSeen: null, signature: request.signature, appendedUtc: wall };
};

/** A follower holding the server's four entries. */
async function following(): Promise<SessionFollower> {
  const opened = await SessionFollower.open(logged.detail);
  if (!opened.ok) throw new Error(opened.alarm.words);
  for (const admission of logged.admissions) expect(await opened.follower.admit(admission)).toEqual({ ok: true });
  for (const stored of logged.stored)
    expect(await opened.follower.receive(stored)).toEqual({ kind: 'accepted', seq: stored.entry.seq });
  return opened.follower;
}

/** Entry 5 changed by `change`, re-hashed and re-signed by the thermal lead, so only what `change` did is wrong. */
async function remade(change: (entry: Omit<AuditEntry, 'hash' | 'signature'>) => Omit<AuditEntry, 'hash' | 'signature'>) {
  const { hash: _, signature: __, ...fields } = logged.entries[4] as AuditEntry;
  const changed = change(fields);
  const hash = await entryHash(changed);
  return { ...changed, hash, signature: await sign(logged.thermal, entrySigningMessage(hash)) } as AuditEntry;
}

describe('the session follower', () => {
  it('takes the genuine log, in order, even offered all at once, and keeps its Merkle tree', async () => {
    const opened = await SessionFollower.open(logged.detail, logged.authority.fingerprint);
    if (!opened.ok) throw new Error(opened.alarm.words);
    const { follower } = opened;
    for (const admission of logged.admissions) await follower.admit(admission);
    const received = await Promise.all(logged.stored.map((s) => follower.receive(s)));
    expect(received.map((r) => r.kind)).toEqual(['accepted', 'accepted', 'accepted', 'accepted']);
    expect(follower.entries).toEqual(logged.stored.map((s) => s.entry));
    expect(follower.headHash).toBe(logged.detail.headHash);
    const tree = MerkleTree.of(
      logged.stored.map((s) => logLeafHash({ seq: s.entry.seq, hash: s.entry.hash, appendSignature: s.signature })),
    );
    for (const size of [0, 1, 3, 4]) expect(follower.rootAt(size)).toBe(tree.root(size));
  });

  it('ignores an entry it holds, identical; a gap asks for the entries after the last it holds', async () => {
    const follower = await following();
    expect(await follower.receive(logged.stored[2] as StoredEntry)).toEqual({ kind: 'duplicate', seq: 3 });
    const sixth = await remade((e) => ({ ...e, seq: 6 }));
    expect(await follower.receive(await storedOf(sixth))).toEqual({ kind: 'gap', seq: 6, heldThrough: 4 });
    expect(follower.size).toBe(4);
  });

  const forgeries: [string, string, () => Promise<StoredEntry>][] = [
    [
      'an append signed by another key than the appender it names',
      'append-signature',
      async () => storedOf(logged.entries[4] as AuditEntry, logged.eve, logged.thermal.fingerprint),
    ],
    [
      'an append by a registered key the authority never admitted',
      'not-admitted',
      async () => storedOf(logged.entries[4] as AuditEntry, logged.eve),
    ],
    [
      'an entry chained to entry 3 instead of the head',
      'previous-hash',
      async () => storedOf(await remade((e) => ({ ...e, previousHash: logged.entries[2]?.hash ?? '' }))),
    ],
    [
      'an entry altered after it was hashed',
      'entry-hash',
      async () => {
        const entry = logged.entries[4] as AuditEntry;
        return storedOf({ ...entry, wallClockUtc: '2026-12-06T13:00:00Z' });
      },
    ],
    [
      'an entry whose own signature is over another entry',
      'entry-signature',
      async () => storedOf({ ...(logged.entries[4] as AuditEntry), signature: logged.entries[3]?.signature }),
    ],
    [
      'the thermal lead’s entry appended by the authority, as if theirs',
      'authorship',
      async () => storedOf(logged.entries[4] as AuditEntry, logged.authority),
    ],
  ];
  it.each(forgeries)('raises the alarm naming entry 5 for %s, and does not take it', async (_, check, forge) => {
    const follower = await following();
    const received = await follower.receive(await forge());
    expect(received).toEqual({
      kind: 'alarm',
      alarm: { check, seq: 5, words: expect.stringMatching(/^Entry 5: .+ This console does not show it\.$/) },
    });
    expect(follower.size).toBe(4);
    // The genuine entry 5 is still taken after the forgery.
    expect(await follower.receive(await storedOf(logged.entries[4] as AuditEntry))).toEqual({ kind: 'accepted', seq: 5 });
  });

  it('raises the alarm when an appender countersigned a log other than the one it verified (a split view), and takes a true countersignature', async () => {
    const follower = await following();
    const other = MerkleTree.of(
      [0, 1, 2].map((i) =>
        logLeafHash({
          seq: i + 1,
          hash: 'b'.repeat(64),
          appendSignature: logged.stored[i]?.signature ?? (logged.stored[0] as StoredEntry).signature,
        }),
      ),
    );
    const entry = logged.entries[4] as AuditEntry;
    const splitView = await appendRequest(logged.session.id, entry, logged.thermal, { treeSize: 3, rootHash: other.root(3) });
    const received = await follower.receive({ ...splitView, appendedUtc: wall });
    expect(received).toMatchObject({ kind: 'alarm', alarm: { check: 'split-view', seq: 5 } });
    const honest = await appendRequest(logged.session.id, entry, logged.thermal, { treeSize: 4, rootHash: follower.rootAt(4) });
    expect(await follower.receive({ ...honest, appendedUtc: wall })).toEqual({ kind: 'accepted', seq: 5 });
  });

  it('raises the alarm naming an entry it holds that the server sends again, different', async () => {
    const follower = await following();
    const third = logged.stored[2] as StoredEntry;
    const changed = { ...third, checkpointSeen: { treeSize: 2, rootHash: follower.rootAt(2) } };
    expect(await follower.receive(changed)).toMatchObject({ kind: 'alarm', alarm: { check: 'changed', seq: 3 } });
  });

  it('refuses a genesis that is not the authority’s or not the trusted one, and an admission the authority did not sign', async () => {
    const { detail, authority, thermal, eve } = logged;
    const refusedGenesis = async (...args: Parameters<typeof SessionFollower.open>) => {
      const opened = await SessionFollower.open(...args);
      return opened.ok ? 'opened' : opened.alarm;
    };
    expect(await refusedGenesis({ ...detail, title: 'another title' })).toMatchObject({
      check: 'genesis',
      seq: null,
      words: expect.stringContaining('not signed by its authority'),
    });
    expect(await refusedGenesis({ ...detail, genesisHash: detail.headHash })).toMatchObject({
      check: 'genesis',
      words: expect.stringContaining('not the hash of its scenario'),
    });
    expect(await refusedGenesis(detail, eve.fingerprint)).toMatchObject({
      check: 'genesis',
      words: expect.stringContaining('not the key this console trusts'),
    });

    const opened = await SessionFollower.open(detail);
    if (!opened.ok) throw new Error(opened.alarm.words);
    const selfAdmitted = {
      sessionId: detail.id,
      admitted: publicHalf(eve),
      admittedBy: authority.fingerprint,
      admittedUtc: wall,
      signature: await sign(thermal, admissionMessage({ sessionId: detail.id, admitted: publicHalf(eve), admittedUtc: wall })),
    };
    expect(await opened.follower.admit(selfAdmitted)).toMatchObject({
      ok: false,
      alarm: { check: 'admission', words: expect.stringContaining(eve.fingerprint) },
    });
    expect(opened.follower.admitted.has(eve.fingerprint)).toBe(false);
  });
});
