import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { parsePacket } from '../src/files/packetFile';
import {
  type AuditEntry,
  type DecisionPacket,
  entryHash,
  eventsOf,
  extendLedger,
  genesisHash,
  makePacket,
  sealPacket,
} from '../src/record/ledger';
import { createKeyPair, type PublicKeyRecord, publicKeyRecord, type Signer } from '../src/record/signing';
import type { Verification } from '../src/record/verdict';
import { verifyPacket } from '../src/record/verify';
import { canonicalJson } from '../src/session/canonicalJson';
import { foldSession } from '../src/session/fold';
import type { Actor } from '../src/session/model';
import { defaultProfile, makeProfile } from '../src/session/profile';
import {
  foldWalkthrough,
  moveTo,
  openWalkthrough,
  recordEvent,
  recordHandover,
  type Walkthrough,
} from '../src/session/walkthrough';
import { loadBuiltInScenario } from './support';

const ana: Actor = { name: 'Ana Flight', role: 'flight director' };
const ben: Actor = { name: 'Ben Night', role: 'flight director' };
const eve: Actor = { name: 'Eve', role: 'attacker' };
const wall = '2026-11-26T12:00:00Z';

async function signer(actor: Actor): Promise<Signer> {
  const pair = await createKeyPair(false);
  return { ...(await publicKeyRecord(actor, pair.publicKey)), privateKey: pair.privateKey };
}
const record = ({ privateKey: _, ...key }: Signer): PublicKeyRecord => key;

let keys: Record<string, Signer>;
let trusted: PublicKeyRecord[];
let genuine: DecisionPacket;
const signerFor = async (actor: Actor) => Object.values(keys).find((k) => k.name === actor.name && k.role === actor.role) ?? null;

function must(recorded: ReturnType<typeof recordEvent>): Walkthrough {
  if (!recorded.ok) throw new Error(recorded.reason);
  return recorded.walkthrough;
}

/** MS-22 with an operator's threshold change, confirmation and note, a handover, and a note by the next. */
async function signedPacket(): Promise<DecisionPacket> {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  let w = moveTo(openWalkthrough(scenario, await defaultProfile(), wall), 17, wall);
  w = must(recordEvent(w, { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 41 }, ana, wall));
  w = must(recordEvent(w, { type: 'decision.confirm', rationale: 'replacement it is' }, ana, wall));
  w = must(recordHandover(w, ana, ben, wall));
  w = must(recordEvent(w, { type: 'session.note', text: 'crew briefed' }, ben, wall));
  w = moveTo(w, 20, wall);
  const entries = await extendLedger(scenario, w.profile, [], foldWalkthrough(w), signerFor);
  return sealPacket(makePacket(scenario, w.profile, entries), keys.ana as Signer, wall);
}

/** What a forger with every tool but the private keys can do: recompute every hash from `from` on. */
async function rehash(packet: DecisionPacket, from = 0): Promise<DecisionPacket> {
  const entries: AuditEntry[] = packet.entries.map((e) => structuredClone(e));
  let previous = from === 0 ? await genesisHash(packet.scenario, packet.profile) : (entries[from - 1]?.hash ?? '');
  for (const entry of entries.slice(from)) {
    entry.previousHash = previous;
    const { hash: _, signature: __, ...rest } = entry;
    entry.hash = await entryHash(rest);
    previous = entry.hash;
  }
  return { ...packet, entries, entryCount: entries.length, headHash: entries.at(-1)?.hash ?? '' };
}

const clone = (p: DecisionPacket): DecisionPacket => structuredClone(p);
const check = (packet: DecisionPacket, trust: PublicKeyRecord[] | null = trusted): Promise<Verification> =>
  verifyPacket(packet, undefined, trust);

beforeAll(async () => {
  keys = { ana: await signer(ana), ben: await signer(ben), eve: await signer(eve) };
  trusted = [record(keys.ana as Signer), record(keys.ben as Signer)];
  genuine = await signedPacket();
});

describe('signed decision packets', () => {
  it('a genuine packet verifies against the trusted keys: every operator entry signed, the packet sealed', async () => {
    const verdict = await check(genuine);
    expect(verdict).toMatchObject({ ok: true, signatures: { signedEntries: 4, unsignedEntries: 0, sealed: true } });
    const signed = genuine.entries.filter((e) => e.signature).map((e) => [e.event.type, e.event.by.name]);
    expect(signed).toEqual([
      ['thresholds.change', 'Ana Flight'],
      ['decision.confirm', 'Ana Flight'],
      ['operator.handover', 'Ben Night'],
      ['session.note', 'Ben Night'],
    ]);
  });

  it('survives its own file format', async () => {
    const parsed = parsePacket('p.json', JSON.stringify(genuine));
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.problems));
    expect((await check(parsed.value)).ok).toBe(true);
  });

  it('the last entries dropped, with the count and head fixed up, are caught by the seal', async () => {
    const dropped = clone(genuine);
    dropped.entries = dropped.entries.slice(0, -3);
    dropped.entryCount = dropped.entries.length;
    dropped.headHash = dropped.entries.at(-1)?.hash ?? '';
    expect(await check(dropped)).toMatchObject({
      ok: false,
      kind: 'tampered',
      reason: expect.stringContaining('the seal covers'),
    });
  });

  it('an appended note with a correct hash is caught: unsigned, or signed by an untrusted key', async () => {
    const appended = clone(genuine);
    const last = appended.entries.at(-1) as AuditEntry;
    const note: AuditEntry = {
      ...structuredClone(last),
      seq: last.seq + 1,
      provenance: { kind: 'operator' },
      event: { type: 'session.note', text: 'all clear', at: last.event.at, by: ana },
      previousHash: last.hash,
    };
    delete note.signature;
    const { hash: _, signature: __, ...rest } = note;
    note.hash = await entryHash(rest);
    appended.entries.push(note);
    appended.entryCount++;
    appended.headHash = note.hash;
    expect(await check(appended)).toMatchObject({
      ok: false,
      kind: 'tampered',
      seq: note.seq,
      reason: expect.stringContaining('is not signed'),
    });
    // Passed off as the script's instead (the last entry's provenance kept): not the step it claims.
    const { provenance: _operator, ...claimsScripted } = note;
    const scriptedNote: AuditEntry = { ...claimsScripted, provenance: last.provenance };
    const { hash: ___, signature: ____, ...scriptedRest } = scriptedNote;
    scriptedNote.hash = await entryHash(scriptedRest);
    const passedOff = clone(genuine);
    passedOff.entries.push(scriptedNote);
    passedOff.entryCount++;
    passedOff.headHash = scriptedNote.hash;
    expect(await check(passedOff)).toMatchObject({
      ok: false,
      kind: 'tampered',
      seq: note.seq,
      reason: expect.stringMatching(/^claims to be scripted step \d+ where step \d+ is next/),
    });
  });

  it("a decision's actor and time rewritten and the chain re-hashed breaks the decision's signature", async () => {
    const forged = clone(genuine);
    const decision = forged.entries.find((e) => e.event.type === 'decision.confirm') as AuditEntry;
    decision.event.by = { name: 'Someone else', role: 'flight director' };
    decision.event.at = '2023-01-12T00:00:00Z';
    const rehashed = await rehash(forged, decision.seq - 1);
    expect(await check(rehashed)).toMatchObject({ ok: false, kind: 'tampered', seq: decision.seq });
  });

  it('a profile loosened under the same id and version, every entry re-derived, is caught (and re-signed by another key, untrusted)', async () => {
    const scenario = genuine.scenario;
    const loose = {
      ok: true,
      value: await makeProfile(genuine.profile.id, genuine.profile.version, {
        ...genuine.profile.values,
        'maxDescentCabinTempC.emergency': 45,
      }),
    } as const;
    const fold = foldSession({
      scenario,
      profile: loose.value,
      events: genuine.entries.map(({ wallClockUtc, event }) => ({ wallClockUtc, event })),
    });
    const rederived = makePacket(scenario, loose.value, await extendLedger(scenario, loose.value, [], fold));
    expect(await check(rederived)).toMatchObject({ ok: false, kind: 'tampered' });
    // Copying the genuine signatures across does not help: they signed other hashes.
    const copied = clone(rederived);
    copied.entries.forEach((e, i) => {
      const signature = genuine.entries[i]?.signature;
      if (signature) e.signature = signature;
    });
    copied.seal = genuine.seal;
    expect(await check(copied)).toMatchObject({
      ok: false,
      kind: 'tampered',
      reason: expect.stringContaining('built-in profile'),
    });
    const eveSigns = async (actor: Actor) => ({ ...(keys.eve as Signer), name: actor.name, role: actor.role });
    const resigned = await sealPacket(
      makePacket(scenario, loose.value, await extendLedger(scenario, loose.value, [], fold, eveSigns)),
      { ...(keys.eve as Signer), ...ana },
      wall,
    );
    // The profile claims the built-in's id and version with other values: refused before any key is asked.
    expect(await check(resigned)).toMatchObject({
      ok: false,
      kind: 'tampered',
      reason: expect.stringContaining('built-in profile'),
    });
  });

  it('a swapped scenario, re-derived, is caught', async () => {
    const swapped = clone(genuine);
    swapped.scenario.title = 'Soyuz MS-22 coolant leak (revised)';
    expect((await check(await rehash(swapped))).ok).toBe(false);
  });

  it('an old logic version set on altered entries is tampering, not other logic', async () => {
    const old = clone(genuine);
    for (const e of old.entries) e.logicVersion = 3;
    expect(await check(await rehash(old))).toMatchObject({ ok: false, kind: 'tampered' });
  });

  it('a removed seal, or a seal by an untrusted key, is caught', async () => {
    const unsealed = clone(genuine);
    delete unsealed.seal;
    expect(await check(unsealed)).toMatchObject({ ok: false, kind: 'tampered', reason: expect.stringContaining('not sealed') });
    const eveSeal = await sealPacket(unsealed, { ...(keys.eve as Signer), ...ana }, wall);
    expect(await check(eveSeal)).toMatchObject({ ok: false, kind: 'untrusted' });
  });

  it('without trusted keys, what is signed is checked and what is not is counted, not trusted', async () => {
    const scenario = genuine.scenario;
    const fold = foldSession({
      scenario,
      profile: genuine.profile,
      events: eventsOf(genuine),
    });
    const unsigned = makePacket(scenario, genuine.profile, await extendLedger(scenario, genuine.profile, [], fold));
    expect(await check(unsigned, null)).toMatchObject({
      ok: true,
      signatures: { signedEntries: 0, unsignedEntries: 4, sealed: false, trustChecked: false },
    });
    expect(await check(unsigned)).toMatchObject({ ok: false, kind: 'tampered' });
  });

  it('1,000 random single mutations anywhere in the file are all caught', async () => {
    const text = JSON.stringify(genuine);
    const leaves: (string | number)[][] = [];
    const walk = (value: unknown, path: (string | number)[]) => {
      if (value !== null && typeof value === 'object') {
        for (const [key, item] of Object.entries(value)) walk(item, [...path, Array.isArray(value) ? Number(key) : key]);
      } else leaves.push(path);
    };
    walk(genuine, []);
    await fc.assert(
      fc.asyncProperty(fc.nat({ max: leaves.length - 1 }), fc.nat({ max: 1000 }), async (index, salt) => {
        const mutated = JSON.parse(text);
        const path = leaves[index] as (string | number)[];
        const parent = path.slice(0, -1).reduce((o, k) => o[k], mutated);
        const key = path.at(-1) as string | number;
        const value = parent[key];
        parent[key] =
          typeof value === 'number'
            ? value + 1 + (salt % 7)
            : typeof value === 'boolean'
              ? !value
              : value === null
                ? salt
                : `${value}${String.fromCharCode(97 + (salt % 26))}`;
        const parsed = parsePacket('mutated.json', JSON.stringify(mutated));
        if (!parsed.ok) return true;
        const verdict = await check(parsed.value);
        if (verdict.ok) throw new Error(`undetected: ${path.join('.')} ${canonicalJson(value)} → ${canonicalJson(parent[key])}`);
        return true;
      }),
      { numRuns: 1000 },
    );
  }, 120_000);
});
