/**
 * Whose an entry is, recorded in its hashed content: an operator's entry is signed wherever it stands,
 * even byte-identical to a scripted event; a scripted entry is the scenario's next step, exactly.
 */
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { keygen as keygenCommand } from '../src/cli/keygen';
import { readSigner } from '../src/cli/readKeys';
import { verify as verifyCommand } from '../src/cli/verify';
import { type DecisionPacket, entryHash, eventsOf, extendLedger, makePacket, sealPacket } from '../src/record/ledger';
import type { Signer } from '../src/record/signing';
import { canonicalJson, sha256Hex } from '../src/session/canonicalJson';
import { foldSession } from '../src/session/fold';
import type { Actor } from '../src/session/model';
import { defaultProfile } from '../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough, recordEvent, type Walkthrough } from '../src/session/walkthrough';
import { runInProcess, scratchFolder } from './cliHarness';
import { loadBuiltInScenario } from './support';

const wall = '2026-11-26T12:00:00Z';
const ana: Actor = { name: 'Ana Flight', role: 'flight director' };
const { dir, file } = scratchFolder('provenance-');
const trust = join(dir, 'trust');
let anaSigner: Signer;
const signerFor = async (actor: Actor) => (actor.name === ana.name && actor.role === ana.role ? anaSigner : null);
const verify = (packet: DecisionPacket, name: string) =>
  runInProcess(verifyCommand, file(`${name}.json`, JSON.stringify(packet)), '--trust', trust);

beforeAll(async () => {
  expect(
    (await runInProcess(keygenCommand, '--name', ana.name, '--role', ana.role, '--out', join(dir, 'ana.key.json'))).code,
  ).toBe(0);
  const signer = await readSigner(join(dir, 'ana.key.json'));
  if (!signer.ok) throw new Error('key');
  anaSigner = signer.value;
  mkdirSync(trust);
  writeFileSync(join(trust, 'ana.pub.json'), readFileSync(join(dir, 'ana.key.json.pub.json')));
});

const scenario = loadBuiltInScenario('soyuz-ms-22.json');
/** MS-22 to step 17, Ana confirms: her walkthrough. */
async function anaWalkthrough(): Promise<Walkthrough> {
  const opened = moveTo(openWalkthrough(scenario, await defaultProfile(), wall), 17, wall);
  const confirmed = recordEvent(opened, { type: 'decision.confirm', rationale: 'replacement it is' }, ana, wall);
  if (!confirmed.ok) throw new Error(confirmed.reason);
  return confirmed.walkthrough;
}
/** A copy of scripted step 4 (a finding by the scenario's own actor), as the forger adds it. */
const copied = () => structuredClone(scenario.events[3] as DecisionPacket['entries'][number]['event']);

async function rehashFrom(packet: DecisionPacket, from: number): Promise<DecisionPacket> {
  const entries = structuredClone(packet.entries);
  let previousHash = entries[from - 1]?.hash ?? (entries[0]?.previousHash as string);
  for (const entry of entries.slice(from)) {
    entry.previousHash = previousHash;
    const { hash: _, signature: __, ...rest } = entry;
    entry.hash = await entryHash(rest);
    previousHash = entry.hash;
  }
  const { seal: _, ...unsealed } = packet;
  return sealPacket({ ...unsealed, entries, headHash: previousHash }, anaSigner, wall);
}

describe('entry provenance', () => {
  it('each entry says in its hashed content whose it is: scripted steps by index and scenario hash, the rest an operator’s', async () => {
    const w = await anaWalkthrough();
    const entries = await extendLedger(scenario, w.profile, [], foldWalkthrough(w), signerFor);
    const scenarioHash = await sha256Hex(canonicalJson(scenario));
    expect(entries.map((e) => e.provenance)).toEqual([
      ...Array.from({ length: 17 }, (_, step) => ({ kind: 'scripted', scenarioHash, step })),
      { kind: 'operator' },
    ]);
    expect(entries.map((e) => !!e.signature)).toEqual([...Array(17).fill(false), true]);
    const packet = makePacket(scenario, w.profile, entries);
    expect(packet.formatVersion).toBe(4);
    expect(eventsOf(packet).map((e) => e.scriptedStep)).toEqual([...Array.from({ length: 17 }, (_, i) => i), undefined]);
    // The provenance is hashed: flipping it (and nothing else) breaks the chain.
    const flipped = structuredClone(packet);
    (flipped.entries[17] as (typeof entries)[number]).provenance = { kind: 'scripted', scenarioHash, step: 17 };
    expect((await verify(flipped, 'flipped')).stdout).toMatch(/^tampered: entry 18: contents do not match its hash/m);
  });

  it('an operator entry byte-identical to a scripted event, unsigned, is refused (1) even resealed by the authority', async () => {
    const w = await anaWalkthrough();
    const fold = foldSession({ ...w, events: [...w.events, { wallClockUtc: wall, event: copied() }] });
    const packet = await sealPacket(
      makePacket(scenario, w.profile, await extendLedger(scenario, w.profile, [], fold, signerFor)),
      anaSigner,
      wall,
    );
    const last = packet.entries.at(-1);
    expect(canonicalJson(last?.event)).toBe(canonicalJson(scenario.events[3]));
    expect(last?.provenance).toEqual({ kind: 'operator' });
    const result = await verify(packet, 'scripted-copy');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^tampered: entry 19: inspection\.finding by .+ is not signed$/m);
  });

  it('the copy passed off as the script’s (provenance forged, chain rehashed, resealed) is refused (1): not the step it claims', async () => {
    const w = await anaWalkthrough();
    const fold = foldSession({ ...w, events: [...w.events, { wallClockUtc: wall, event: copied() }] });
    const genuine = makePacket(scenario, w.profile, await extendLedger(scenario, w.profile, [], fold, signerFor));
    const scenarioHash = await sha256Hex(canonicalJson(scenario));
    const forged = structuredClone(genuine);
    (forged.entries[18] as DecisionPacket['entries'][number]).provenance = { kind: 'scripted', scenarioHash, step: 3 };
    const result = await verify(await rehashFrom(forged, 18), 'passed-off');
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^tampered: entry 19: claims to be scripted step 4 where step 18 is next \(each step comes once, in order\)$/m,
    );
    // As the next step instead: its event is not that step's.
    (forged.entries[18] as DecisionPacket['entries'][number]).provenance = { kind: 'scripted', scenarioHash, step: 17 };
    expect((await verify(await rehashFrom(forged, 18), 'next-step')).stdout).toMatch(
      /^tampered: entry 19: claims to be scripted step 18, but its event is not that step's$/m,
    );
    // As a step of another scenario.
    (forged.entries[18] as DecisionPacket['entries'][number]).provenance = {
      kind: 'scripted',
      scenarioHash: '0'.repeat(64),
      step: 17,
    };
    expect((await verify(await rehashFrom(forged, 18), 'other-scenario')).stdout).toMatch(
      /^tampered: entry 19: claims to be step 18 of another scenario/m,
    );
  });

  it('the genuine session with its scripted steps unsigned verifies (0)', async () => {
    const w = moveTo(await anaWalkthrough(), scenario.events.length, wall);
    const packet = await sealPacket(
      makePacket(scenario, w.profile, await extendLedger(scenario, w.profile, [], foldWalkthrough(w), signerFor)),
      anaSigner,
      wall,
    );
    expect(packet.entries.filter((e) => e.signature)).toHaveLength(1);
    expect((await verify(packet, 'genuine')).code).toBe(0);
  });

  it('a ledger stored before provenance goes on in format 3: one format per chain', async () => {
    const w = await anaWalkthrough();
    const before = await extendLedger(scenario, w.profile, [], foldSession({ ...w, events: w.events.slice(0, 10) }));
    const stored = before.map(({ provenance: _, ...entry }) => entry);
    // Re-hashed as the earlier build wrote them (no provenance in the hashed content).
    for (const [i, entry] of stored.entries()) {
      entry.previousHash = stored[i - 1]?.hash ?? entry.previousHash;
      const { hash: _, signature: __, ...rest } = entry;
      entry.hash = await entryHash(rest);
    }
    const all = await extendLedger(scenario, w.profile, stored, foldWalkthrough(w), signerFor);
    expect(all.every((e) => e.provenance === undefined)).toBe(true);
    const packet = await sealPacket(makePacket(scenario, w.profile, all), anaSigner, wall);
    expect(packet.formatVersion).toBe(3);
    expect((await verify(packet, 'continued')).code).toBe(0);
  });
});
