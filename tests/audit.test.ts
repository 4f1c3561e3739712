import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { decisionLogicVersion } from '../machines/statechart/logicVersion';
import { parsePacket } from '../src/files/packetFile';
import { type DecisionPacket, extendLedger, makePacket } from '../src/record/ledger';
import { verifyPacket } from '../src/record/verify';
import { verifyChain } from '../src/record/verifyChain';
import { foldSession, scriptedEvents } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import { loadBuiltInScenario } from './support';

const wall = '2026-11-25T12:00:00Z';

async function packetFor(file: string): Promise<DecisionPacket> {
  const scenario = loadBuiltInScenario(file);
  const profile = await defaultProfile();
  const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, wall) });
  return makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold));
}

/** Every path to a string, number or boolean inside `value`. */
function leafPaths(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (value === null) return [];
  if (Array.isArray(value)) return value.flatMap((v, i) => leafPaths(v, [...path, i]));
  if (typeof value === 'object') return Object.entries(value as object).flatMap(([k, v]) => leafPaths(v, [...path, k]));
  return [path];
}

function changeLeaf(packet: DecisionPacket, path: (string | number)[]): void {
  const parent = path.slice(0, -1).reduce<Record<string | number, unknown>>((node, key) => node[key] as never, packet as never);
  const key = path.at(-1) as string | number;
  const old = parent[key];
  parent[key] = typeof old === 'number' ? old + 1 : typeof old === 'boolean' ? !old : `${String(old)}x`;
}

const isDetected = async (packet: DecisionPacket) => {
  const parsed = parsePacket('mutated.json', JSON.stringify(packet));
  return !parsed.ok || !(await verifyPacket(parsed.value)).ok;
};

describe('audit trail', () => {
  it.each(['soyuz-ms-22.json', 'station-emergency.json', 'nominal-mission.json'])(
    'a headless run of %s verifies: chain and replay',
    async (file) => {
      const packet = await packetFor(file);
      expect(await verifyPacket(packet)).toMatchObject({
        ok: true,
        entryCount: packet.entries.length,
        headHash: packet.headHash,
      });
      expect(packet.entries[0]?.event).toEqual(loadBuiltInScenario(file).events[0]);
    },
  );

  it('records who, when, what, states, rules, recommendation and profile for each step', async () => {
    const packet = await packetFor('soyuz-ms-22.json');
    const decision = packet.entries.find((e) => e.event.type === 'decision.confirm');
    expect(decision).toMatchObject({
      seq: 18,
      wallClockUtc: wall,
      event: {
        at: '2023-01-11T12:00:00Z',
        by: { name: 'State commission (Roscosmos), NASA concurring', role: 'decision authority' },
        rationale: expect.stringContaining('MS-22 returns uncrewed'),
      },
      derived: {
        stateBefore: 'anomaly.decision',
        stateAfter: 'replacementCampaign.interimPlan',
        applied: true,
        refusal: null,
        recommendation: { outcome: 'launch-replacement', decidingRow: 'replacement-feasible' },
        decision: { outcome: 'launch-replacement', kind: 'confirmed' },
      },
      profile: { id: 'default', version: packet.profile.version },
    });
    expect(decision?.derived.evaluations).toContainEqual({
      rule: 'thermal.peak-cabin-temp',
      tier: 'nominal',
      crew: 3,
      value: 43,
      threshold: 27,
      margin: -16,
      status: 'fail',
    });
    expect(decision?.previousHash).toBe(packet.entries[16]?.hash);
  });

  it('replay is deterministic: the same session gives the same entries and head hash', async () => {
    const [a, b] = await Promise.all([packetFor('soyuz-ms-22.json'), packetFor('soyuz-ms-22.json')]);
    expect(b).toEqual(a);
  });

  it('extending a ledger never rewrites its entries', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const events = scriptedEvents(scenario, wall);
    const first = await extendLedger(scenario, profile, [], foldSession({ scenario, profile, events: events.slice(0, 10) }));
    const all = await extendLedger(scenario, profile, first, foldSession({ scenario, profile, events }));
    expect(all.slice(0, 10)).toEqual(first);
    expect(makePacket(scenario, profile, all).headHash).toBe((await packetFor('soyuz-ms-22.json')).headHash);
  });

  it('property: 1,000 random single mutations (change a field, swap, delete, alter a hash) are all detected', async () => {
    const packet = await packetFor('small-leak-nominal.json');
    const leaves = leafPaths(packet);
    const n = packet.entries.length;
    const mutation = fc.oneof(
      fc.record({ kind: fc.constant('change' as const), path: fc.constantFrom(...leaves) }),
      fc.record({ kind: fc.constant('swap' as const), i: fc.nat(n - 1), j: fc.nat(n - 1) }).filter((m) => m.i !== m.j),
      fc.record({ kind: fc.constant('delete' as const), i: fc.nat(n - 1) }),
      fc.record({ kind: fc.constant('hash' as const), i: fc.nat(n - 1), field: fc.constantFrom('hash', 'previousHash') }),
    );
    await fc.assert(
      fc.asyncProperty(mutation, async (m) => {
        const mutated = structuredClone(packet);
        if (m.kind === 'change') changeLeaf(mutated, m.path);
        if (m.kind === 'swap')
          [mutated.entries[m.i], mutated.entries[m.j]] = [mutated.entries[m.j] as never, mutated.entries[m.i] as never];
        if (m.kind === 'delete') mutated.entries.splice(m.i, 1);
        if (m.kind === 'hash') {
          const entry = mutated.entries[m.i] as { hash: string; previousHash: string };
          entry[m.field as 'hash'] =
            `${entry[m.field as 'hash'].slice(0, -1)}${entry[m.field as 'hash'].endsWith('0') ? '1' : '0'}`;
        }
        expect(await isDetected(mutated)).toBe(true);
      }),
      { numRuns: 1000 },
    );
  }, 120_000);

  it('an unaltered packet whose keys another tool reordered still verifies (checked canonically)', async () => {
    const packet = await packetFor('soyuz-ms-22.json');
    const reversed = (value: unknown): unknown =>
      Array.isArray(value)
        ? value.map(reversed)
        : value && typeof value === 'object'
          ? Object.fromEntries(
              Object.entries(value)
                .reverse()
                .map(([k, v]) => [k, reversed(v)]),
            )
          : value;
    const reordered = reversed(packet) as DecisionPacket;
    expect(JSON.stringify(reordered.entries[3])).not.toBe(JSON.stringify(packet.entries[3]));
    expect(await verifyChain(reordered)).toMatchObject({ ok: true, entryCount: packet.entries.length });
    (reordered.entries[3] as { wallClockUtc: string }).wallClockUtc = '2026-11-25T12:00:01Z';
    expect(await verifyChain(reordered)).toMatchObject({ ok: false, seq: 4, reason: 'contents do not match its hash (altered)' });
  });

  it('names the first entry that fails and why', async () => {
    const packet = await packetFor('soyuz-ms-22.json');
    const reordered = structuredClone(packet);
    [reordered.entries[4], reordered.entries[5]] = [reordered.entries[5] as never, reordered.entries[4] as never];
    expect(await verifyChain(reordered)).toMatchObject({
      ok: false,
      seq: 5,
      reason: expect.stringContaining('reordered or removed'),
    });
    const altered = structuredClone(packet);
    (altered.entries[17] as DecisionPacket['entries'][number]).event.by.name = 'Someone else';
    expect(await verifyChain(altered)).toEqual({
      ok: false,
      seq: 18,
      reason: 'contents do not match its hash (altered)',
      kind: 'tampered',
    });
    const truncated = structuredClone(packet);
    truncated.entries.pop();
    expect(await verifyChain(truncated)).toMatchObject({ ok: false, reason: 'the packet says 29 entries but holds 28' });
  });

  it('an intact record from other decision logic is not called tampered: it names the version to replay with', async () => {
    const packet = await packetFor('soyuz-ms-22.json');
    const older = structuredClone(packet);
    const { entryHash } = await import('../src/record/ledger');
    let previousHash = older.entries[0]?.previousHash as string;
    // As an earlier build wrote it: format 3 (no provenance), decision logic 7.
    older.formatVersion = 3;
    for (const entry of older.entries) {
      delete entry.provenance;
      entry.logicVersion = 7; // as written by an earlier build
      entry.previousHash = previousHash;
      const { hash: _, ...rest } = entry;
      entry.hash = await entryHash(rest);
      previousHash = entry.hash;
    }
    older.headHash = previousHash;
    expect((await verifyChain(older)).ok).toBe(true);
    expect(await verifyPacket(older)).toEqual({
      ok: false,
      seq: 1,
      reason: `recorded by decision logic version 7; this build replays version ${decisionLogicVersion}: replay it with a build of version 7`,
      kind: 'other-logic',
    });
  });

  it('a rehashed forgery still fails the replay: the record must be what the machine produces', async () => {
    const packet = await packetFor('soyuz-ms-22.json');
    const forged = structuredClone(packet);
    const entry = forged.entries[16] as DecisionPacket['entries'][number];
    if (entry.derived.recommendation) entry.derived.recommendation.outcome = 'return-on-damaged-vehicle';
    // Recompute every hash from the forged entry on, as a forger would.
    const { entryHash } = await import('../src/record/ledger');
    for (let i = 16; i < forged.entries.length; i++) {
      const e = forged.entries[i] as (typeof forged.entries)[number];
      e.previousHash = forged.entries[i - 1]?.hash as string;
      const { hash: _, ...rest } = e;
      e.hash = await entryHash(rest);
    }
    forged.headHash = forged.entries.at(-1)?.hash as string;
    expect((await verifyChain(forged)).ok).toBe(true);
    expect(await verifyPacket(forged)).toMatchObject({
      ok: false,
      seq: 17,
      reason: expect.stringContaining('replay gives recommendation'),
    });
  });
});
