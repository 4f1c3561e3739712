import { signedBy } from '../record/signing';
import { type TrustedKeyRecord, trustListWarnings } from '../record/trust';
import { signatureStatusLines } from '../reports/signatureStatus';
import { teamLogLine } from '../reports/teamLogWords';
import type { CliIo } from './cliIo';
import { parseOptions } from './options';
import { oneLine, printProblems } from './problemLines';
import { readTrustedKeys } from './readKeys';
import { exitCodeHelp, readVerifiedPacket } from './readPacket';
import { isProgram, runCli } from './runCli';

const usage = `usage: npm run verify -- <packet.json> [--trust <public key file or folder>]\n${exitCodeHelp}`;

/** The trusted keys of `--trust`, their list's warnings printed; null without the option, a code when unreadable. */
export async function readTrustOption(path: string | undefined, io: CliIo): Promise<TrustedKeyRecord[] | null | 2> {
  if (!path) return null;
  const keys = await readTrustedKeys(path);
  if (!keys.ok) {
    printProblems(io, keys.problems);
    return 2;
  }
  for (const warning of trustListWarnings(keys.value)) io.out(`${oneLine(`trust list warning: ${warning}`)}\n`);
  return keys.value;
}

/** Verifies a packet; exit codes as `exitCodeHelp` (0 only with --trust). */
export async function verify(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(argv, { trust: { type: 'string' } }, usage, io);
  if (!args) return 2;
  const [file, ...extra] = args.positionals;
  if (!file || extra.length) {
    io.err(`error: one decision packet file expected\n${usage}\n`);
    return 2;
  }
  const trusted = await readTrustOption(args.values.trust, io);
  if (trusted === 2) return 2;
  const read = await readVerifiedPacket(file, io, trusted);
  if (read.code !== 0 && read.code !== 4) return read.code;
  io.out(
    read.code === 0
      ? `verified ${read.entryCount} entries, head ${read.headHash}\n`
      : `intact ${read.entryCount} entries, head ${read.headHash}: authorship not verified\n`,
  );
  for (const line of signatureStatusLines(read.signatures, read.signatures.signers.map(signedBy).join('; ')))
    io.out(`${oneLine(line)}\n`);
  if (read.teamLog) io.out(`${oneLine(teamLogLine(read.teamLog))}\n`);
  return read.code;
}

if (isProgram(import.meta.url)) runCli(verify, 2);
