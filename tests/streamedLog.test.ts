/**
 * A long log verified as it streams: the genuine log passes in pages of any size and gives the root
 * the follower's tree gives; a broken link, a bad signature or a missing entry in the middle of the
 * stream is named, and nothing after it is read.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { logLeafHash } from '../src/record/checkpoint';
import { type AuditEntry, entryHash, genesisHash } from '../src/record/ledger';
import { MerkleTree } from '../src/record/merkle';
import { entrySigningMessage, publicHalf, type Signer, sign } from '../src/record/signing';
import { openWalkthrough } from '../src/session/walkthrough';
import { verifyStreamedLog } from '../src/team/console/streamedLog';
import { type Admission, admissionMessage, type SessionDetail, type StoredEntry } from '../src/team/protocol';
import {
  appendRequest,
  flightDirector,
  ledgerOf,
  makeSigner,
  openSessionRequest,
  type TestSession,
  thermalLead,
  wall,
  withNote,
} from './server/teamHarness';

const entryCount = 12;
let detail: SessionDetail;
let admissions: Admission[];
let log: StoredEntry[];
let thermal: Signer;

const storedOf = async (sessionId: string, entry: AuditEntry, by: Signer): Promise<StoredEntry> => {
  const request = await appendRequest(sessionId, entry, by);
  return { entry, appendedBy: by.fingerprint, checkpointSeen: null, signature: request.signature, appendedUtc: wall };
};

beforeAll(async () => {
  const authority = await makeSigner(flightDirector);
  thermal = await makeSigner(thermalLead);
  const request = await openSessionRequest(authority);
  const hash = await genesisHash(request.scenario, request.profile);
  detail = { ...request, genesisHash: hash, entryCount: 0, headHash: hash };
  const admitted = publicHalf(thermal);
  const admission = { sessionId: request.id, admitted, admittedUtc: wall };
  admissions = [
    {
      ...admission,
      admittedBy: authority.fingerprint,
      signature: await sign(authority, admissionMessage(admission)),
    },
  ];
  const session: TestSession = {
    id: request.id,
    scenario: request.scenario,
    profile: detail.profile,
    start: openWalkthrough(request.scenario, detail.profile, wall),
  };
  let walkthrough = session.start;
  for (let i = 1; i <= entryCount; i++) walkthrough = withNote(walkthrough, thermalLead, `cabin reading ${i}`);
  const entries = await ledgerOf(session, walkthrough, [], [thermal]);
  log = await Promise.all(entries.map((entry) => storedOf(request.id, entry, thermal)));
});

/** The log in pages of `size`, counting the pages read. */
function paged(entries: readonly StoredEntry[], size: number) {
  const read = { pages: 0 };
  async function* pages() {
    for (let from = 0; from < entries.length; from += size) {
      read.pages++;
      yield entries.slice(from, from + size);
    }
  }
  return { pages: pages(), read };
}

/** Entry `seq` changed by `change`, re-hashed and re-signed by the thermal lead, so only what `change` did is wrong. */
async function remade(seq: number, change: (entry: Omit<AuditEntry, 'hash' | 'signature'>) => object): Promise<StoredEntry> {
  const { hash: _, signature: __, ...fields } = (log[seq - 1] as StoredEntry).entry;
  const changed = change(fields) as Omit<AuditEntry, 'hash' | 'signature'>;
  const hash = await entryHash(changed);
  const entry = { ...changed, hash, signature: await sign(thermal, entrySigningMessage(hash)) } as AuditEntry;
  return storedOf(detail.id, entry, thermal);
}

const replaced = (seq: number, stored: StoredEntry) => log.map((s, i) => (i === seq - 1 ? stored : s));

describe('verifying a log as it streams', () => {
  it.each([1, 5, entryCount])('takes the genuine log in pages of %i and gives its head and Merkle root', async (size) => {
    const verdict = await verifyStreamedLog(detail, admissions, paged(log, size).pages);
    const tree = MerkleTree.of(
      log.map((s) => logLeafHash({ seq: s.entry.seq, hash: s.entry.hash, appendSignature: s.signature })),
    );
    expect(verdict).toEqual({ ok: true, entryCount, headHash: log.at(-1)?.entry.hash, rootHash: tree.root() });
  });

  const faults: [string, string, () => Promise<StoredEntry[]>][] = [
    [
      'a broken link: entry 7 chained to entry 5',
      'previous-hash',
      async () => replaced(7, await remade(7, (e) => ({ ...e, previousHash: log[4]?.entry.hash }))),
    ],
    [
      "entry 7's own signature over another entry",
      'entry-signature',
      async () => {
        const seventh = log[6] as StoredEntry;
        return replaced(7, { ...seventh, entry: { ...seventh.entry, signature: log[5]?.entry.signature } });
      },
    ],
    [
      "entry 7's append signed for another place in the log",
      'append-signature',
      async () => replaced(7, { ...(log[6] as StoredEntry), signature: (log[5] as StoredEntry).signature }),
    ],
    [
      'entry 7 altered after it was hashed',
      'entry-hash',
      async () => {
        const seventh = log[6] as StoredEntry;
        return replaced(7, { ...seventh, entry: { ...seventh.entry, wallClockUtc: '2026-12-06T13:00:00Z' } });
      },
    ],
  ];
  it.each(faults)('names entry 7 for %s, and reads no page after it', async (_, check, forge) => {
    const { pages, read } = paged(await forge(), 3);
    const verdict = await verifyStreamedLog(detail, admissions, pages);
    expect(verdict).toEqual({ ok: false, alarm: { check, seq: 7, words: expect.stringMatching(/^Entry 7: /) } });
    // Entry 7 is in the third page of three entries: the fourth is never asked for.
    expect(read.pages).toBe(3);
  });

  it('names the entry that comes after entries left out', async () => {
    const { pages, read } = paged(
      log.filter((s) => s.entry.seq !== 7),
      3,
    );
    expect(await verifyStreamedLog(detail, admissions, pages)).toEqual({
      ok: false,
      alarm: { check: 'previous-hash', seq: 8, words: 'Entry 8: the log goes on from entry 6 to it, leaving entries out.' },
    });
    expect(read.pages).toBe(3);
  });

  it('refuses an entry by a key the authority never admitted, and a genesis not signed by the authority', async () => {
    expect(await verifyStreamedLog(detail, [], paged(log, 4).pages)).toMatchObject({
      ok: false,
      alarm: { check: 'not-admitted', seq: 1 },
    });
    expect(await verifyStreamedLog({ ...detail, title: 'another title' }, admissions, paged(log, 4).pages)).toMatchObject({
      ok: false,
      alarm: { check: 'genesis', seq: null },
    });
  });
});
