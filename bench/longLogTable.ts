/**
 * Verifying a 100,000-entry team log in bounded memory: the log written to files once, then read and
 * verified line by line in a child process whose peak RSS is the verification's own, beside a child
 * that only reads and parses the same lines.
 */
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Scenario } from '../scenarios/schema';
import type { ThresholdProfile } from '../src/session/profile';
import { writeLongLog } from './longLog';
import { type Measurement, printTable } from './measure';
import { benchSigner } from './teamSession';

const projectFolder = new URL('..', import.meta.url).pathname;
const peakTargetMb = 200;
/**
 * The children's V8 old-space ceiling: a verifier that held the log (hundreds of MB) could not finish
 * under it, so a finished run shows the memory is bounded; without it V8 grows its heap lazily and
 * the peak says more of the collector's slack than of what the verifier keeps.
 */
const heapCeilingMb = 96;

interface ChildRun {
  outcome: string;
  ms: number;
  peakRssMb: number;
  rssBeforeMb: number;
  peakHeapUsedMb: number;
}

function runChild(headerPath: string, entriesPath: string, mode: 'verify' | 'parse'): ChildRun {
  const printed = execFileSync(
    process.execPath,
    [`--max-old-space-size=${heapCeilingMb}`, '--import', 'tsx', 'bench/verifyLongLog.ts', headerPath, entriesPath, mode],
    {
      cwd: projectFolder,
      encoding: 'utf8',
      maxBuffer: 1 << 20,
    },
  );
  return JSON.parse(printed.trim().split('\n').at(-1) ?? '');
}

export async function printLongLogTables(scenario: Scenario, profile: ThresholdProfile, entryCount = 100_000): Promise<void> {
  const folder = mkdtempSync(join(tmpdir(), 'crew-return-bench-log-'));
  try {
    const writtenStart = performance.now();
    const log = await writeLongLog(scenario, profile, entryCount, folder, await benchSigner(), await benchSigner());
    const writtenS = (performance.now() - writtenStart) / 1000;
    const parse = runChild(log.headerPath, log.entriesPath, 'parse');
    const verify = runChild(log.headerPath, log.entriesPath, 'verify');
    if (!verify.outcome.startsWith('verified')) throw new Error(`the long log did not verify: ${verify.outcome}`);
    const count = entryCount.toLocaleString('en-US');
    // One run of the whole log each: the figures are per entry (ops/s: entries a second), the whole log's time in the name.
    const perEntry = (name: string, run: ChildRun): Measurement => ({
      name: `${name} (whole log: ${(run.ms / 1000).toFixed(1)} s)`,
      medianNsPerOp: (run.ms * 1e6) / entryCount,
      p95NsPerOp: Number.NaN,
      opsPerSecond: (entryCount * 1000) / run.ms,
    });
    const parsed = perEntry('read and JSON.parse each line, nothing else', parse);
    const verified = perEntry(
      'verify as a console does: schema, chain, 2 signatures an entry, admission, authorship, Merkle root = signed checkpoint',
      verify,
    );
    printTable(
      `A ${count}-entry team log of ${log.megabytes.toFixed(0)} MB verified as it streams (a child process each, entries read line by line, 500 a page; one run each, per entry; the log written in ${writtenS.toFixed(0)} s)`,
      [{ measurement: parsed }, { measurement: verified, baseline: parsed }],
    );
    const memoryRow = (name: string, run: ChildRun) => ({
      benchmark: name,
      'peak RSS': `${run.peakRssMb.toFixed(0)} MB`,
      'RSS before reading': `${run.rssBeforeMb.toFixed(0)} MB`,
      'peak V8 heap in use': `${run.peakHeapUsedMb.toFixed(0)} MB`,
      'log size': `${log.megabytes.toFixed(0)} MB`,
      'peak / log size': `${(run.peakRssMb / log.megabytes).toFixed(2)}×`,
      target: name.startsWith('verify') ? `peak ≤ ${peakTargetMb} MB: ${run.peakRssMb <= peakTargetMb ? 'met' : 'MISSED'}` : '',
    });
    console.log(
      `\nPeak memory of those children, each run with a V8 old-space ceiling of ${heapCeilingMb} MB (a verifier holding the log could not finish). RSS: process.resourceUsage().maxRSS, the whole process (Node, the tsx loader thread and ` +
        'the modules included: see RSS before reading). Heap: V8 heap in use sampled at each page, garbage not yet collected ' +
        'included. The target is held against the RSS.',
    );
    console.table([memoryRow('read and parse only', parse), memoryRow('verify, streaming', verify)]);
    console.log(`  ${verify.outcome}.`);
  } finally {
    rmSync(folder, { recursive: true, force: true });
  }
}
