/**
 * Run as a child process by bench/longLogTable.ts, so that its peak memory is the verification's own:
 * `node --import tsx bench/verifyLongLog.ts <header.json> <entries.jsonl> verify|parse`. Reads the
 * entries a page at a time, line by line, and either verifies them as a console does (each line read
 * through the protocol's schema, then verifyStreamedLog, then the root held against the server's signed
 * checkpoint) or only parses them (the floor). Prints one JSON line: the outcome, the time, the peak RSS
 * and the peak V8 heap in use.
 */
import { createReadStream, readFileSync } from 'node:fs';
import { createInterface } from 'node:readline';
import { checkpointHolds } from '../src/record/checkpoint';
import { verifyStreamedLog } from '../src/team/console/streamedLog';
import { type StoredEntry, storedEntrySchema } from '../src/team/protocol';
import type { LongLogHeader } from './longLog';

const [headerPath, entriesPath, mode] = process.argv.slice(2);
if (!headerPath || !entriesPath || (mode !== 'verify' && mode !== 'parse'))
  throw new Error('usage: verifyLongLog.ts <header.json> <entries.jsonl> verify|parse');
const pageSize = 500;

let peakHeapUsedMb = 0;
const sampleHeap = () => {
  peakHeapUsedMb = Math.max(peakHeapUsedMb, process.memoryUsage().heapUsed / 1e6);
};

/** The entries, `pageSize` at a time; the heap is sampled as each page is handed on (garbage not yet collected included). */
async function* pages(read: (line: string) => StoredEntry): AsyncGenerator<StoredEntry[]> {
  let page: StoredEntry[] = [];
  for await (const line of createInterface({
    input: createReadStream(entriesPath as string),
    crlfDelay: Number.POSITIVE_INFINITY,
  })) {
    page.push(read(line));
    if (page.length === pageSize) {
      sampleHeap();
      yield page;
      page = [];
    }
  }
  if (page.length) yield page;
}

const header: LongLogHeader = JSON.parse(readFileSync(headerPath, 'utf8'));
const rssBeforeMb = process.memoryUsage().rss / 1e6;
const start = performance.now();
let outcome: string;
if (mode === 'parse') {
  let count = 0;
  for await (const page of pages((line) => JSON.parse(line))) count += page.length;
  outcome = `parsed ${count} entries`;
} else {
  const verdict = await verifyStreamedLog(
    header.detail,
    [],
    pages((line) => storedEntrySchema.parse(JSON.parse(line))),
  );
  const { checkpoint, serverKey } = header;
  if (!verdict.ok) outcome = `refused: ${verdict.alarm.words}`;
  else if (!(await checkpointHolds(checkpoint, serverKey))) outcome = "refused: the checkpoint is not the server key's";
  else if (checkpoint.treeSize !== verdict.entryCount || checkpoint.rootHash !== verdict.rootHash)
    outcome = `refused: the log's root at ${verdict.entryCount} entries is not the checkpoint's`;
  else outcome = `verified ${verdict.entryCount} entries; root = the server's signed checkpoint`;
}
const ms = performance.now() - start;
// maxRSS is in kilobytes (KiB).
const peakRssMb = (process.resourceUsage().maxRSS * 1024) / 1e6;
console.log(JSON.stringify({ outcome, ms, peakRssMb, rssBeforeMb, peakHeapUsedMb }));
