import { reportCsv, reportJson, reportMarkdown } from '../reports/packetReport';
import { decisionRecord } from '../session/decisionRecord';
import type { CliIo } from './cliIo';
import { parseOptions } from './options';
import { oneLine } from './problemLines';
import { readVerifiedPacket } from './readPacket';
import { isProgram, runCli } from './runCli';

const usage = 'usage: npm run report -- <packet.json> [--format markdown|csv|json]';
const formats = { markdown: reportMarkdown, csv: reportCsv, json: reportJson } as const;

/** Verifies a packet first (exit codes as `verify`), then prints its decision record. */
export async function report(argv: string[], io: CliIo): Promise<number> {
  const args = parseOptions(argv, { format: { type: 'string' } }, usage, io);
  if (!args) return 2;
  const [file, ...extra] = args.positionals;
  const format = args.values.format ?? 'markdown';
  if (!file || extra.length || !Object.hasOwn(formats, format)) {
    io.err(
      `${oneLine(`error: ${!file || extra.length ? 'one decision packet file expected' : `--format: one of markdown, csv, json (not ${JSON.stringify(format)})`}`)}\n${usage}\n`,
    );
    return 2;
  }
  const read = await readVerifiedPacket(file, io);
  if (read.code !== 0) return read.code;
  const { packet, fold } = read;
  const render = formats[format as keyof typeof formats];
  io.out(render({ packet, fold, record: decisionRecord(packet.scenario, packet.profile, fold) }));
  return 0;
}

if (isProgram(import.meta.url)) runCli(report, 2);
