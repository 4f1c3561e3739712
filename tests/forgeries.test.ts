// Over 300 lines: every forgery class is built from one sealed packet and one set of trust lists.
/**
 * Every forgery class of issue 22 that the record can answer, through the CLI as a reviewer runs it
 * (in process), with role-scoped trust lists: outsiders and insiders (trusted, but for another role
 * or another person).
 */
import 'fake-indexeddb/auto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide as decideCommand } from '../src/cli/decide';
import { keygen as keygenCommand } from '../src/cli/keygen';
import { readSigner } from '../src/cli/readKeys';
import { report as reportCommand } from '../src/cli/report';
import { verify as verifyCommand } from '../src/cli/verify';
import { type AuditEntry, type DecisionPacket, entryHash, extendLedger, makePacket, sealPacket } from '../src/record/ledger';
import type { Signer } from '../src/record/signing';
import { foldSession, scriptedEvents } from '../src/session/fold';
import type { Actor } from '../src/session/model';
import { defaultProfile, defaultProfileRef, makeProfile } from '../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough, recordEvent, type Walkthrough } from '../src/session/walkthrough';
import { runInProcess, scratchFolder } from './cliHarness';
import { loadBuiltInScenario } from './support';

const decide = (...args: string[]) => runInProcess(decideCommand, ...args);
const verify = (...args: string[]) => runInProcess(verifyCommand, ...args);
const report = (...args: string[]) => runInProcess(reportCommand, ...args);
const keygen = (...args: string[]) => runInProcess(keygenCommand, ...args);

const ms22 = 'scenarios/soyuz-ms-22.json';
const wall = '2026-11-26T12:00:00Z';
const ana: Actor = { name: 'Ana Flight', role: 'flight director' };
const benFd: Actor = { name: 'Ben Night', role: 'flight director' };
const benThermal: Actor = { name: 'Ben Night', role: 'thermal' };
const tom: Actor = { name: 'Tom Heat', role: 'thermal' };

const { dir, file } = scratchFolder('forgeries-');
const signers: Record<string, Signer> = {};
/** A folder of trusted public keys, one file each. */
function trustFolder(name: string, ...keys: string[]): string {
  const folder = join(dir, name);
  mkdirSync(folder);
  for (const key of keys) writeFileSync(join(folder, `${key}.pub.json`), readFileSync(join(dir, `${key}.key.json.pub.json`)));
  return folder;
}
async function makeKey(id: string, actor: Actor) {
  const made = await keygen('--name', actor.name, '--role', actor.role, '--out', join(dir, `${id}.key.json`));
  expect(made.code).toBe(0);
  const signer = await readSigner(join(dir, `${id}.key.json`));
  if (!signer.ok) throw new Error('key');
  signers[id] = signer.value;
}
const write = (name: string, packet: DecisionPacket) => file(name, JSON.stringify(packet));
const signerFor = (key: string) => async (actor: Actor) =>
  signers[key]?.name === actor.name && signers[key]?.role === actor.role ? (signers[key] as Signer) : null;

function must(recorded: ReturnType<typeof recordEvent>): Walkthrough {
  if (!recorded.ok) throw new Error(recorded.reason);
  return recorded.walkthrough;
}

/** Ana's MS-22 session: her threshold change and confirmation, sealed by her; `by` confirms instead of Ana if given. */
async function anaSession(confirmBy: { actor: Actor; key: string } = { actor: ana, key: 'ana' }, seal = 'ana') {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  let w = moveTo(openWalkthrough(scenario, await defaultProfile(), wall), 17, wall);
  w = must(recordEvent(w, { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 41 }, ana, wall));
  const prefix = await extendLedger(scenario, w.profile, [], foldWalkthrough(w), signerFor('ana'));
  w = must(recordEvent(w, { type: 'decision.confirm', rationale: 'replacement it is' }, confirmBy.actor, wall));
  const entries = await extendLedger(scenario, w.profile, prefix, foldWalkthrough(w), signerFor(confirmBy.key));
  return sealPacket(makePacket(scenario, w.profile, entries), signers[seal] as Signer, wall);
}

beforeAll(async () => {
  await makeKey('ana', ana);
  await makeKey('benFd', benFd);
  await makeKey('benThermal', benThermal);
  await makeKey('tom', tom);
  await makeKey('ana2', ana);
});

describe('forgeries, as verify and report see them', () => {
  it('the genuine session verifies (0) against a role-scoped list; its seal is by the decision authority', async () => {
    const trust = trustFolder('genuine', 'ana', 'benFd', 'tom');
    const result = await verify(write('genuine.json', await anaSession()), '--trust', trust);
    expect(result).toMatchObject({ code: 0 });
    expect(result.stdout).toMatch(/^decision authority: Ana Flight \(flight director\)$/m);
    expect(result.stdout).toMatch(/^sealed by: Ana Flight \(flight director\)$/m);
  });

  it('an insider trusted for another role rewrites Ana’s confirmation in his own name and re-seals: untrusted (1)', async () => {
    const forged = await anaSession({ actor: benThermal, key: 'benThermal' }, 'benThermal');
    const result = await verify(write('insider-thermal.json', forged), '--trust', trustFolder('insider1', 'ana', 'benThermal'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^untrusted: entry 19: decision\.confirm signed by Ben Night, thermal .*not a key trusted for the decision authority's role \(flight director\)$/m,
    );
  });

  it('an insider trusted for the same role rewrites Ana’s confirmation and re-seals: untrusted (1), no handover', async () => {
    const forged = await anaSession({ actor: benFd, key: 'benFd' }, 'benFd');
    const result = await verify(write('insider-fd.json', forged), '--trust', trustFolder('insider2', 'ana', 'benFd'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /not by the session's decision authority Ana Flight \(flight director\), and no handover passed it on$/m,
    );
  });

  it('truncation and re-seal: by a key of another role untrusted (1); by a colleague of the same role said in verify and report', async () => {
    const genuine = await anaSession();
    const cut: DecisionPacket = { ...genuine, entries: genuine.entries.slice(0, -1), entryCount: genuine.entryCount - 1 };
    cut.headHash = cut.entries.at(-1)?.hash ?? '';
    delete cut.seal;
    const byThermal = await sealPacket(cut, signers.benThermal as Signer, wall);
    expect(await verify(write('cut-thermal.json', byThermal), '--trust', trustFolder('cut1', 'ana', 'benThermal'))).toMatchObject(
      {
        code: 1,
        stdout: expect.stringMatching(
          /^untrusted: .*sealed by Ben Night, thermal .*not a key trusted for the decision authority's role \(flight director\)$/m,
        ),
      },
    );
    const byColleague = write('cut-fd.json', await sealPacket(cut, signers.benFd as Signer, wall));
    const trust = trustFolder('cut2', 'ana', 'benFd');
    const verified = await verify(byColleague, '--trust', trust);
    expect(verified.code).toBe(0);
    const said = "sealed by Ben Night (flight director), not by the session's decision authority Ana Flight (flight director)";
    expect(verified.stdout).toContain(`note: ${said}`);
    expect((await report(byColleague, '--trust', trust)).stdout).toContain(`- note: ${said}`);
    expect(JSON.parse((await report(byColleague, '--trust', trust, '--format', 'json')).stdout).authorship).toContain(
      `note: ${said}`,
    );
  });

  it('a key trusted as thermal re-derives a packet whose scripted decision is changed: untrusted (1)', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const decision = scenario.events.findLast((e) => e.type === 'decision.confirm') as { rationale?: string };
    decision.rationale = 'return on the damaged vehicle is acceptable';
    const profile = await defaultProfile();
    const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, wall) });
    const packet = await sealPacket(
      makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold)),
      signers.tom as Signer,
      wall,
    );
    const result = await verify(write('scripted.json', packet), '--trust', trustFolder('scripted', 'ana', 'tom'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^untrusted: .*sealed by Tom Heat, thermal .*not a key trusted for the role of a scripted decision it vouches for \(decision authority\)$/m,
    );
    // The genuine scenario sealed by the same key is the build's history, exported by Tom: verified, and said.
    await decide(ms22, '--out', join(dir, 'g.json'), '--sign', join(dir, 'tom.key.json'));
    const genuine = write('scripted-genuine.json', JSON.parse(readFileSync(join(dir, 'g.json'), 'utf8')));
    const ok = await verify(genuine, '--trust', trustFolder('scripted2', 'tom'));
    expect(ok.code).toBe(0);
    expect(ok.stdout).toMatch(/^note: sealed by Tom Heat \(thermal\); the decisions are the scenario's scripted ones/m);
  });

  it('a loosened profile under the default id and version: decide refuses it (2), verify calls such a packet tampered (1)', async () => {
    const loose = file(
      'loose.json',
      JSON.stringify({
        ...defaultProfileRef,
        thresholds: { 'maxDescentCabinTempC.nominal': 45, 'maxDescentCabinTempC.emergency': 50 },
      }),
    );
    const refused = await decide(
      ms22,
      '--thresholds',
      loose,
      '--out',
      join(dir, 'loose-packet.json'),
      '--sign',
      join(dir, 'ana.key.json'),
    );
    expect(refused.code).toBe(2);
    expect(refused.stderr).toMatch(
      /loose\.json: id: another id or version than the built-in profile's .*maxDescentCabinTempC\.nominal 45 \(built-in 27\)/,
    );
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const base = await defaultProfile();
    const profile = await makeProfile(base.id, base.version, {
      ...base.values,
      'maxDescentCabinTempC.nominal': 45,
      'maxDescentCabinTempC.emergency': 50,
    });
    const fold = foldSession({ scenario, profile, events: scriptedEvents(scenario, wall) });
    const packet = await sealPacket(
      makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold)),
      signers.ana as Signer,
      wall,
    );
    const result = await verify(write('loose-packet.json', packet), '--trust', trustFolder('loose', 'ana'));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(/^tampered: entry 1: the threshold profile carries the built-in profile's id and version/m);
    // A profile under its own id is named by its hash and what differs from the default, in every report.
    const own = file(
      'own.json',
      JSON.stringify({
        id: 'loose',
        version: '1',
        thresholds: { 'maxDescentCabinTempC.nominal': 45, 'maxDescentCabinTempC.emergency': 50 },
      }),
    );
    expect((await decide(ms22, '--thresholds', own, '--out', join(dir, 'own-packet.json'))).code).toBe(0);
    const markdown = await report(join(dir, 'own-packet.json'));
    expect(markdown.stdout).toMatch(
      /^- profile loose 1, sha256 [0-9a-f]{64}; differs from the built-in default \(default [^)]+\) in: maxDescentCabinTempC\.nominal 45 \(built-in 27\), maxDescentCabinTempC\.emergency 50 \(built-in 40\)$/m,
    );
  });

  it('verify without --trust exits 4, saying what was and was not checked; report says it too', async () => {
    const path = write('plain.json', await anaSession());
    const result = await verify(path);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(/^intact 19 entries, head [0-9a-f]{64}: authorship not verified$/m);
    expect(result.stdout).toMatch(/^authorship NOT checked \(no trusted keys, --trust\)/m);
    const markdown = await report(path);
    expect(markdown.code).toBe(4);
    expect(markdown.stdout).toContain('## Signatures and identity');
    expect(markdown.stdout).toContain('- intact, authorship NOT verified (no --trust)');
    expect((await report(path, '--trust', trustFolder('plain', 'ana'))).stdout).toContain('- verified against the trusted keys');
  });

  it('an altered unsigned packet given an old logic version is tampered (1), not "other logic" (3)', async () => {
    const written = join(dir, 'unsigned.json');
    expect((await decide(ms22, '--out', written)).code).toBe(0);
    const packet = JSON.parse(readFileSync(written, 'utf8')) as DecisionPacket;
    let previousHash = (packet.entries[0] as AuditEntry).previousHash;
    for (const entry of packet.entries) {
      entry.logicVersion = 1;
      entry.previousHash = previousHash;
      if (entry.derived.decision) entry.derived.decision.outcome = 'return-on-damaged-vehicle';
      const { hash: _, signature: __, ...rest } = entry;
      entry.hash = await entryHash(rest);
      previousHash = entry.hash;
    }
    packet.headHash = previousHash;
    const result = await verify(write('old-logic.json', packet));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(
      /^tampered: entry 1: recorded by decision logic version 1, which cannot be: packets of this format were first written by decision logic version 8$/m,
    );
  });

  it('two keys for one name and role are reported beside the verdict', async () => {
    const result = await verify(write('dup.json', await anaSession()), '--trust', trustFolder('dup', 'ana', 'ana2'));
    expect(result.stdout).toMatch(/^trust list warning: 2 keys are trusted for Ana Flight \(flight director\): /m);
  });

  it('a Cyrillic "Аna" is flagged as a mixed-script name wherever the trust list is read', async () => {
    await makeKey('cyrillic', { name: '\u0410na Flight', role: 'flight director' });
    const result = await verify(write('cyr.json', await anaSession()), '--trust', trustFolder('cyr', 'ana', 'cyrillic'));
    expect(result.stdout).toMatch(
      /^trust list warning: the key [0-9a-f·]+'s name "Аna Flight" mixes letters of 2 scripts \(Cyrillic А U\+0410, Latin n U\+006E\)/m,
    );
  });

  it('a zero-width character in a role is refused (2), in a key file and by keygen', async () => {
    const pub = JSON.parse(readFileSync(join(dir, 'ana.key.json.pub.json'), 'utf8'));
    const sneaky = file('sneaky.pub.json', JSON.stringify({ ...pub, role: 'flight\u200Bdirector' }));
    const result = await verify(write('zw.json', await anaSession()), '--trust', sneaky);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /sneaky\.pub\.json: role: text without invisible or control characters \(found U\+200B at character 7\)/,
    );
    expect((await keygen('--name', 'Ana', '--role', 'flight\u200Bdirector', '--out', join(dir, 'zw.key.json'))).code).toBe(2);
  });

  it('a key file whose fingerprint is not its key’s is refused (2)', async () => {
    const pub = JSON.parse(readFileSync(join(dir, 'ana.key.json.pub.json'), 'utf8'));
    const other = JSON.parse(readFileSync(join(dir, 'benFd.key.json.pub.json'), 'utf8'));
    const mismatched = file('mismatch.pub.json', JSON.stringify({ ...pub, publicKey: other.publicKey }));
    const result = await verify(write('fp.json', await anaSession()), '--trust', mismatched);
    expect(result.code).toBe(2);
    expect(result.stderr).toMatch(
      /mismatch\.pub\.json: fingerprint: the fingerprint of its public key, [0-9a-f·]+ \(the file says [0-9a-f·]+\)/,
    );
  });
});

describe('the browser trust list and the build’s scenario hashes', () => {
  it('importing a key never silently replaces another: the same fingerprint under another holder is refused, a second key for a person is added and said', async () => {
    const { openKeyStore } = await import('../src/files/keyStore');
    const { publicHalf } = await import('../src/record/signing');
    const store = openKeyStore();
    const anaKey = publicHalf(signers.ana as Signer);
    expect(await store.trust(anaKey)).toEqual({ kind: 'added', alongside: [] });
    expect(await store.trust(anaKey)).toEqual({ kind: 'already' });
    expect(await store.trust({ ...anaKey, name: 'Eve' })).toMatchObject({
      kind: 'refused',
      reason: expect.stringContaining('already trusted as Ana Flight (flight director)'),
    });
    const second = await store.trust(publicHalf(signers.ana2 as Signer));
    expect(second).toMatchObject({ kind: 'added', alongside: [{ fingerprint: anaKey.fingerprint }] });
    expect((await store.trustedKeys()).map((k) => k.fingerprint).sort()).toEqual(
      [anaKey.fingerprint, (signers.ana2 as Signer).fingerprint].sort(),
    );
  });

  it('src/record/builtInScenarioHashes.ts is what scenarios/*.json give now (npm run scenario-hashes writes it)', async () => {
    const { builtInScenarioHashesNow, hashesModule } = await import('../scripts/scenarioHashes');
    expect(readFileSync('src/record/builtInScenarioHashes.ts', 'utf8')).toBe(hashesModule(await builtInScenarioHashesNow()));
  });
});
