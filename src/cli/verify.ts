import { readVerifiedPacket } from './readPacket';
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
  const read = await readVerifiedPacket(file);
  if (read.code === 0) console.log(`verified ${read.entryCount} entries, head ${read.headHash}`);
  return read.code;
}

runCli(main, 2);
