import { formatProblem } from '../files/inputProblem';
import { parsePacket, verifyPacket } from '../record/verify';
import { readText } from './readText';
import { runCli } from './runCli';

/**
 * Exit 0: verified; 1: tampered; 2: the file cannot be read as a packet; 3: the chain is intact but
 * an entry was recorded by other decision logic than this build's, so it cannot be replayed here.
 */
async function main(argv: string[]): Promise<number> {
  const [file, ...extra] = argv;
  if (!file || extra.length || file.startsWith('-')) {
    console.error('error: one decision packet file expected\nusage: npm run verify -- <packet.json>');
    return 2;
  }
  const text = readText(file);
  if ('problem' in text) {
    console.error(formatProblem(text.problem));
    return 2;
  }
  const packet = parsePacket(file, text.text);
  if (!packet.ok) {
    for (const problem of packet.problems) console.error(formatProblem(problem));
    return 2;
  }
  const verdict = await verifyPacket(packet.value);
  if (!verdict.ok && !verdict.tampered) {
    console.log(`not verifiable by this build: hash chain intact; entry ${verdict.seq}: ${verdict.reason}`);
    return 3;
  }
  if (!verdict.ok) {
    console.log(`tampered: entry ${verdict.seq}: ${verdict.reason}`);
    return 1;
  }
  console.log(`verified ${verdict.entryCount} entries, head ${verdict.headHash}`);
  return 0;
}

runCli(main, 2);
