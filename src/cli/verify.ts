import type { PublicKeyRecord } from '../record/signing';
import { formatProblem } from '../session/inputProblem';
import { parseOptions } from './options';
import { readTrustedKeys } from './readKeys';
import { readVerifiedPacket } from './readPacket';
import { runCli } from './runCli';

const usage = 'usage: npm run verify -- <packet.json> [--trust <public key file or folder>]';

/**
 * Exit 0: verified; 1: tampered or signed by an untrusted key; 2: the file cannot be read as a packet
 * (or the keys as keys); 3: intact and signed, but an entry was recorded by other decision logic
 * than this build's, so it cannot be replayed here.
 */
async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { trust: { type: 'string' } }, usage);
  if (!args) return 2;
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    console.error(`error: one decision packet file expected\n${usage}`);
    return 2;
  }
  let trusted: PublicKeyRecord[] | null = null;
  if (args.values.trust) {
    const keys = readTrustedKeys(args.values.trust);
    if (!keys.ok) {
      for (const problem of keys.problems) console.error(formatProblem(problem));
      return 2;
    }
    trusted = keys.value;
  }
  const read = await readVerifiedPacket(file, trusted);
  if (read.code !== 0) return read.code;
  console.log(`verified ${read.entryCount} entries, head ${read.headHash}`);
  const { signatures } = read;
  const signers = signatures.signers.map((k) => `${k.name}, ${k.role} (${k.fingerprint})`).join('; ');
  console.log(
    `signatures: ${signatures.signedEntries} entr${signatures.signedEntries === 1 ? 'y' : 'ies'} signed, ${signatures.sealed ? 'sealed' : 'not sealed'}${signers ? `, by ${signers}` : ''}`,
  );
  if (!trusted) {
    console.log(
      `not checked against trusted keys (--trust): ${signatures.unsignedEntries} operator entr${signatures.unsignedEntries === 1 ? 'y is' : 'ies are'} unsigned, and anyone can re-hash an unsigned chain or sign with a key of their own`,
    );
  }
  return 0;
}

runCli(main, 2);
