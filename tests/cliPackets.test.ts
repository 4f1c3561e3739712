import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { decide, keygen, report, scratchFolder, verify } from './cliHarness';
import { expectInvalid } from './cliRefused';

const ms22 = 'scenarios/soyuz-ms-22.json';

const { dir, file } = scratchFolder('decide-');

describe('npm run decide -- --out and npm run verify', () => {
  const packetPath = join(dir, 'packet.json');
  let written: Awaited<ReturnType<typeof decide>>;
  // biome-ignore lint/suspicious/noExplicitAny: a packet's JSON, altered freely to tamper with it
  let packet: any;
  beforeAll(async () => {
    written = await decide(ms22, '--out', packetPath);
    packet = JSON.parse(readFileSync(packetPath, 'utf8'));
  });
  const variant = (name: string, change: (p: typeof packet) => void) => {
    const copy = structuredClone(packet);
    change(copy);
    return file(name, JSON.stringify(copy));
  };

  it('writes a packet that verifies', async () => {
    expect(written.code).toBe(0);
    expect(packet).toMatchObject({ format: 'crew-return-decision-packet', entryCount: 29 });
    const result = await verify(packetPath);
    expect(result.code).toBe(4);
    expect(result.stdout).toMatch(new RegExp(`^intact 29 entries, head ${packet.headHash}: authorship not verified$`, 'm'));
    expect(result.stdout).toMatch(/^signatures: 0 entries signed, not sealed$/m);
    expect(result.stdout).toMatch(
      /^authorship NOT checked \(no trusted keys, --trust\): .*anyone can re-hash an unsigned chain/m,
    );
  });

  it('keygen, a signed headless run and verify --trust: 0 for the trusted key, 1 for another, 1 for an unsealed packet', async () => {
    const key = join(dir, 'ana.key.json');
    const made = await keygen('--name', 'Ana Flight', '--role', 'flight director', '--out', key);
    expect(made.code).toBe(0);
    const fingerprint = /fingerprint ([0-9a-f·]+)/.exec(made.stdout)?.[1] ?? '';
    expect(fingerprint).toMatch(/^[0-9a-f]{4}(·[0-9a-f]{4}){3}$/);
    expect(await keygen('--name', 'Ana Flight', '--role', 'flight director', '--out', key)).toMatchObject({ code: 2 });
    expect((await keygen('--name', 'Eve', '--role', 'attacker', '--out', join(dir, 'eve.key.json'))).code).toBe(0);

    const signedPath = join(dir, 'signed.json');
    expect((await decide(ms22, '--out', signedPath, '--sign', key)).code).toBe(0);
    const trusted = await verify(signedPath, '--trust', `${key}.pub.json`);
    expect(trusted.code).toBe(0);
    expect(trusted.stdout).toContain(`signatures: 0 entries signed, sealed, by Ana Flight, flight director (${fingerprint})`);
    expect(await verify(signedPath, '--trust', join(dir, 'eve.key.json.pub.json'))).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(
        /^untrusted: entry 29: sealed by [0-9a-f·]+, not a key trusted for Ana Flight \(flight director\)$/m,
      ),
    });
    expect(await verify(packetPath, '--trust', `${key}.pub.json`)).toMatchObject({
      code: 1,
      stdout: expect.stringMatching(/^tampered: entry 29: the packet is not sealed/m),
    });
    expect((await decide(ms22, '--sign', key)).code).toBe(2);
  });

  it.each([
    [
      'altered',
      (p: typeof packet) => {
        p.entries[16].event.description = 'edited';
      },
      /^tampered: entry 17: contents do not match its hash \(altered\)$/m,
    ],
    [
      'reordered',
      (p: typeof packet) => {
        p.entries.splice(3, 2, p.entries[4], p.entries[3]);
      },
      /^tampered: entry 4: sequence number 5/m,
    ],
    [
      'removed',
      (p: typeof packet) => {
        p.entries.splice(10, 1);
      },
      /^tampered: entry 11: sequence number 12/m,
    ],
    [
      'rehashed',
      (p: typeof packet) => {
        p.entries[0].hash = p.entries[0].hash.replace(/^./, (c: string) => (c === 'a' ? 'b' : 'a'));
      },
      /^tampered: entry 1: contents do not match its hash/m,
    ],
  ])('exits 1 naming the first bad entry when %s', async (name, change, message) => {
    const result = await verify(variant(`${name}.json`, change as (p: typeof packet) => void));
    expect(result.code).toBe(1);
    expect(result.stdout).toMatch(message);
  });

  it('exits 3, not 1, for an intact packet that other decision logic recorded', async () => {
    const { entryHash } = await import('../src/record/ledger');
    const older = structuredClone(packet);
    let previousHash = older.entries[0].previousHash;
    // As an earlier build wrote it: format 3 (no provenance), decision logic 7.
    older.formatVersion = 3;
    for (const entry of older.entries) {
      delete entry.provenance;
      entry.logicVersion = 7;
      entry.previousHash = previousHash;
      const { hash: _, ...rest } = entry;
      entry.hash = await entryHash(rest);
      previousHash = entry.hash;
    }
    older.headHash = previousHash;
    const result = await verify(file('older.json', JSON.stringify(older)));
    expect(result.code).toBe(3);
    expect(result.stdout).toMatch(
      /^not verifiable by this build: hash chain intact; authorship NOT checked \(no --trust\); entry 1: recorded by decision logic version 7;/m,
    );
  });

  it('exits 2 with a clear message for an unreadable or malformed packet', async () => {
    expectInvalid(await verify(join(dir, 'none.json')), /^error: .*none\.json: \(file\): a readable file: no such file$/m);
    expectInvalid(
      await verify(file('cut.json', '{"format": ')),
      /^error: .*cut\.json: format \(line 1, column 12\): well-formed JSON: a value .*, got the end of the text$/m,
    );
    expectInvalid(
      await verify(
        variant('shape.json', (p) => {
          p.entries[2].seq = 'three';
        }),
      ),
      /^error: .*shape\.json: entries\[2\]\.seq: .*expected number/m,
    );
    expectInvalid(await verify(), /usage: npm run verify/);
  });
});

describe('npm run report', () => {
  const packetPath = join(dir, 'report-packet.json');
  beforeAll(async () => {
    expect((await decide(ms22, '--out', packetPath)).code).toBe(0);
  });

  it('verifies first, then prints the decision record as Markdown (the default), CSV or JSON', async () => {
    const markdown = await report(packetPath);
    expect(markdown.code).toBe(4);
    expect(markdown.stdout).toContain('- intact, authorship NOT verified (no --trust)');
    expect(markdown.stdout).toMatch(/^# Decision record: Soyuz MS-22 coolant leak$/m);
    expect(markdown.stdout).toContain('- Outcome: **launch-replacement** (decision)');
    expect(markdown.stdout).toContain(
      '| thermal.peak-cabin-temp | 3 crew | emergency | 43 °C (nominal 40 °C) | ≤ 40 °C | −3 °C | FAIL |',
    );
    const csv = await report(packetPath, '--format', 'csv');
    expect(csv.code).toBe(4);
    expect(csv.stdout.split('\r\n')[0]).toMatch(/^seq,wallClockUtc,scenarioTimeUtc,actorName,.*,record,decidingRules$/);
    const json = await report(packetPath, '--format', 'json');
    expect(JSON.parse(json.stdout).record).toMatchObject({
      outcome: 'launch-replacement',
      decision: { kind: 'confirmed', seq: 18 },
    });
  });

  it('exits as verify does: 1 for a tampered packet, 2 for a bad format or an unreadable file', async () => {
    const packet = JSON.parse(readFileSync(packetPath, 'utf8'));
    packet.entries[17].event.by.name = 'Someone else';
    const tampered = await report(file('tampered-report.json', JSON.stringify(packet)));
    expect(tampered).toMatchObject({ code: 1, stdout: 'tampered: entry 18: contents do not match its hash (altered)\n' });
    expectInvalid(await report(packetPath, '--format', 'html'), /--format: one of markdown, csv, json/);
    expectInvalid(await report(join(dir, 'missing.json')), /missing\.json: \(file\): a readable file: no such file/);
  });
});
