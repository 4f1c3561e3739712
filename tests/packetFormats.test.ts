/**
 * A packet written before entries carried their provenance (format 3) is verified as it was: the same
 * output, verdict and exit code, with and without a trust list, from verify and report.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { report as reportCommand } from '../src/cli/report';
import { verify as verifyCommand } from '../src/cli/verify';
import { runInProcess } from './cliHarness';

const fixtures = 'tests/fixtures/packets-v3';
const trust = join(fixtures, 'trust');
type Said = { code: number; stdout: string };
const verdicts = JSON.parse(readFileSync(join(fixtures, 'verdicts.json'), 'utf8')) as Record<
  string,
  { verifyTrusted: Said; verify: Said; reportJson: Said }
>;

describe('format 3 packets, as the build that wrote them verified them', () => {
  it.each(Object.entries(verdicts))('%s', async (name, said) => {
    const packet = join(fixtures, `${name}.json`);
    expect(JSON.parse(readFileSync(packet, 'utf8')).formatVersion).toBe(3);
    for (const [what, run] of [
      ['verifyTrusted', () => runInProcess(verifyCommand, packet, '--trust', trust)],
      ['verify', () => runInProcess(verifyCommand, packet)],
      ['reportJson', () => runInProcess(reportCommand, packet, '--trust', trust, '--format', 'json')],
    ] as const) {
      const { code, stdout } = await run();
      expect({ what, code, stdout }).toEqual({ what, ...said[what] });
    }
  });

  it('the fixtures span the verdicts: verified, tampered, and the scripted copy format 3 let through', () => {
    expect(Object.fromEntries(Object.entries(verdicts).map(([name, said]) => [name, said.verifyTrusted.code]))).toEqual({
      'genuine-sealed': 0,
      'unsigned-unsealed': 1,
      altered: 1,
      'own-decision': 0,
      'scripted-copy-unsigned': 0,
    });
  });
});
