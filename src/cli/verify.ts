import { type PublicKeyRecord, signedBy } from '../record/signing';
import type { CliIo } from './cliIo';
import { parseOptions } from './options';
import { oneLine, printProblems } from './problemLines';
import { readTrustedKeys } from './readKeys';
import { readVerifiedPacket } from './readPacket';
import { isProgram, runCli } from './runCli';

const usage = 'usage: npm run verify -- <packet.json> [--trust <public key file or folder>]';

/**
 * Exit 0: verified; 1: tampered or signed by an untrusted key; 2: the file cannot be read as a packet
 * (or the keys as keys); 3: intact and signed, but an entry was recorded by other decision logic
 * than this build's, so it cannot be replayed here.
 */
export async function verify(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(argv, { trust: { type: 'string' } }, usage, io);
  if (!args) return 2;
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    io.err(`error: one decision packet file expected\n${usage}\n`);
    return 2;
  }
  let trusted: PublicKeyRecord[] | null = null;
  if (args.values.trust) {
    const keys = readTrustedKeys(args.values.trust);
    if (!keys.ok) {
      printProblems(io, keys.problems);
      return 2;
    }
    trusted = keys.value;
  }
  const read = await readVerifiedPacket(file, io, trusted);
  if (read.code !== 0) return read.code;
  io.out(`verified ${read.entryCount} entries, head ${read.headHash}\n`);
  const { signatures } = read;
  const signers = signatures.signers.map(signedBy).join('; ');
  const signed = `${signatures.signedEntries} entr${signatures.signedEntries === 1 ? 'y' : 'ies'} signed`;
  io.out(
    `${oneLine(`signatures: ${signed}, ${signatures.sealed ? 'sealed' : 'not sealed'}${signers ? `, by ${signers}` : ''}`)}\n`,
  );
  if (!trusted) {
    const unsigned = `${signatures.unsignedEntries} operator entr${signatures.unsignedEntries === 1 ? 'y is' : 'ies are'} unsigned`;
    io.out(
      `not checked against trusted keys (--trust): ${unsigned}, and anyone can re-hash an unsigned chain or sign with a key of their own\n`,
    );
  }
  return 0;
}

if (isProgram(import.meta.url)) runCli(verify, 2);
