import { scenarioIdentity, scenarioIdentitySentence } from '../record/builtIns';
import { signedBy } from '../record/signing';
import { reportCsv, reportJson, reportMarkdown } from '../reports/packetReport';
import { signatureStatusLines } from '../reports/signatureStatus';
import { decisionRecord } from '../session/decisionRecord';
import { profileIdentity, profileIdentitySentence } from '../session/profile';
import type { CliIo } from './cliIo';
import { parseOptions } from './options';
import { oneLine } from './problemLines';
import { exitCodeHelp, readVerifiedPacket } from './readPacket';
import { isProgram, runCli } from './runCli';
import { readTrustOption } from './verify';

const usage = `usage: npm run report -- <packet.json> [--format markdown|csv|json] [--trust <public key file or folder>]\n${exitCodeHelp}`;
const formats = new Map([
  ['markdown', reportMarkdown],
  ['csv', reportCsv],
  ['json', reportJson],
]);

/** Verifies a packet first (exit codes as `verify`: 4 when printed without --trust), then prints its decision record. */
export async function report(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(argv, { format: { type: 'string' }, trust: { type: 'string' } }, usage, io);
  if (!args) return 2;
  const [file, ...extra] = args.positionals;
  const format = args.values.format ?? 'markdown';
  const render = formats.get(format);
  if (!file || extra.length || !render) {
    io.err(
      `${oneLine(`error: ${!file || extra.length ? 'one decision packet file expected' : `--format: one of markdown, csv, json (not ${JSON.stringify(format)})`}`)}\n${usage}\n`,
    );
    return 2;
  }
  const trusted = await readTrustOption(args.values.trust, io);
  if (trusted === 2) return 2;
  const read = await readVerifiedPacket(file, io, trusted);
  if (read.code !== 0 && read.code !== 4) return read.code;
  const { packet, fold, signatures } = read;
  const authorship = [
    read.code === 0 ? 'verified against the trusted keys' : 'intact, authorship NOT verified (no --trust)',
    ...signatureStatusLines(signatures, signatures.signers.map(signedBy).join('; ')),
    profileIdentitySentence(packet.profile, await profileIdentity(packet.profile)),
    scenarioIdentitySentence(packet.scenario, await scenarioIdentity(packet.scenario)),
  ];
  io.out(render({ packet, fold, record: decisionRecord(packet.scenario, packet.profile, fold), authorship }));
  return read.code;
}

if (isProgram(import.meta.url)) runCli(report, 2);
