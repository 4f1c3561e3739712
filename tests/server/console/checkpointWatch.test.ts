/**
 * The console's watch over the server's signed checkpoints, against the log a real server stored: a
 * checkpoint is taken only if it extends the last one (consistency proof) and its root is the root of
 * the entries this console verified; a truncated, rewritten, forked or forged log raises the alarm.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { logLeafHash, signCheckpoint } from '../../../src/record/checkpoint';
import type { Checkpoint } from '../../../src/record/checkpointSchema';
import { MerkleTree } from '../../../src/record/merkle';
import type { Signer } from '../../../src/record/signing';
import { CheckpointWatch } from '../../../src/team/console/checkpointWatch';
import { SessionFollower } from '../../../src/team/console/sessionFollower';
import type { StoredEntry } from '../../../src/team/protocol';
import { makeSigner } from '../teamHarness';
import { type LoggedSession, loggedSession } from './loggedSession';

let logged: LoggedSession;
let serverKey: Signer;
let impostor: Signer;
/** The tree of the server's stored log, as the server would hold it. */
let tree: MerkleTree;
beforeAll(async () => {
  logged = await loggedSession(6, 0);
  serverKey = await makeSigner({ name: 'crew-return team server', role: 'checkpoint signer' });
  impostor = await makeSigner({ name: 'crew-return team server', role: 'checkpoint signer' });
  tree = MerkleTree.of(logged.stored.map(leafOf));
});
afterAll(() => logged?.running.close());

const leafOf = (s: StoredEntry) => logLeafHash({ seq: s.entry.seq, hash: s.entry.hash, appendSignature: s.signature });
const checkpointOf = (of: MerkleTree, size: number, by = serverKey, log = logged.session.id): Promise<Checkpoint> =>
  signCheckpoint(by, { log, treeSize: size, rootHash: of.root(size), issuedUtc: '2026-12-06T12:00:00Z' });

/** A follower holding the server's first `held` entries, and a watch over it. */
async function watching(held: number) {
  const opened = await SessionFollower.open(logged.detail);
  if (!opened.ok) throw new Error(opened.alarm.words);
  const { follower } = opened;
  for (const admission of logged.admissions) await follower.admit(admission);
  for (const stored of logged.stored.slice(0, held)) await follower.receive(stored);
  return { follower, watch: new CheckpointWatch(serverKey, follower) };
}

/** The server's tree with leaf `index` replaced: a log changed at entry index + 1. */
const treeChangedAt = (index: number) =>
  MerkleTree.of(
    logged.stored.map((s, i) => (i === index ? leafOf({ ...s, entry: { ...s.entry, hash: 'f'.repeat(64) } }) : leafOf(s))),
  );

describe('the checkpoint watch', () => {
  it('takes checkpoints that extend each other and match the console’s own entries; an append countersigns the last one', async () => {
    const { watch } = await watching(6);
    expect(watch.seen).toBeNull();
    expect(await watch.take(await checkpointOf(tree, 2), null)).toMatchObject({ ok: true });
    expect(await watch.take(await checkpointOf(tree, 5), tree.consistencyProof(2, 5))).toMatchObject({ ok: true });
    expect(await watch.take(await checkpointOf(tree, 6), tree.consistencyProof(5, 6))).toMatchObject({ ok: true });
    expect(watch.seen).toEqual({ treeSize: 6, rootHash: tree.root(6) });
  });

  it('names the first missing entry of a truncated log (a server restored from an older backup)', async () => {
    const { watch } = await watching(6);
    await watch.take(await checkpointOf(tree, 5), null);
    const taken = await watch.take(await checkpointOf(tree, 3), []);
    expect(taken).toEqual({
      ok: false,
      alarm: { kind: 'truncated', seq: 4, words: expect.stringContaining('Entries 4 to 5 are gone') },
    });
    expect(watch.latest?.treeSize).toBe(5);
  });

  it('refuses a checkpoint whose log does not begin with the entries already checkpointed (entry 2 rewritten)', async () => {
    const { watch } = await watching(6);
    await watch.take(await checkpointOf(tree, 3), null);
    const rewritten = treeChangedAt(1);
    const taken = await watch.take(await checkpointOf(rewritten, 6), rewritten.consistencyProof(3, 6));
    expect(taken).toMatchObject({
      ok: false,
      alarm: { kind: 'rewritten', words: expect.stringContaining('an entry already seen was changed') },
    });
  });

  it('names the entries where a consistent, well-signed log departs from the one this console verified (a fork shown to this console)', async () => {
    const { watch } = await watching(6);
    await watch.take(await checkpointOf(tree, 2), null);
    const fork = treeChangedAt(3);
    // The fork extends the checkpoint of 2 (its entries 1 and 2 are the same), so its proof holds.
    const taken = await watch.take(await checkpointOf(fork, 5), fork.consistencyProof(2, 5));
    expect(taken).toEqual({
      ok: false,
      alarm: { kind: 'differs', seq: 3, words: expect.stringMatching(/^Entries 3 to 5 of session/) },
    });
  });

  it('holds a checkpoint beyond the entries held until they arrive, then matches or names the entry', async () => {
    const { follower, watch } = await watching(4);
    expect(await watch.take(await checkpointOf(tree, 4), null)).toMatchObject({ ok: true });
    expect(await watch.take(await checkpointOf(tree, 6), tree.consistencyProof(4, 6))).toMatchObject({ ok: true });
    for (const stored of logged.stored.slice(4)) await follower.receive(stored);
    expect(watch.matchOwnLog()).toBeNull();

    const behind = await watching(5);
    const fork = treeChangedAt(5);
    await behind.watch.take(await checkpointOf(tree, 5), null);
    expect(await behind.watch.take(await checkpointOf(fork, 6), fork.consistencyProof(5, 6))).toMatchObject({ ok: true });
    await behind.follower.receive(logged.stored[5] as StoredEntry);
    expect(behind.watch.matchOwnLog()).toMatchObject({
      kind: 'differs',
      seq: 6,
      words: expect.stringMatching(/^Entry 6 of session/),
    });
  });

  it('refuses a checkpoint not signed by the server’s key, or of another session’s log', async () => {
    const { watch } = await watching(6);
    expect(await watch.take(await checkpointOf(tree, 2, impostor), null)).toMatchObject({ ok: false, alarm: { kind: 'forged' } });
    expect(await watch.take({ treeSize: 2 }, null)).toMatchObject({ ok: false, alarm: { kind: 'forged' } });
    expect(await watch.take(await checkpointOf(tree, 2, serverKey, 'another-session'), null)).toMatchObject({
      ok: false,
      alarm: { kind: 'other-log' },
    });
    await watch.take(await checkpointOf(tree, 2), null);
    expect(await watch.take(await checkpointOf(tree, 4, impostor), tree.consistencyProof(2, 4))).toMatchObject({
      ok: false,
      alarm: { kind: 'forged' },
    });
  });
});
