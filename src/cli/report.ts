import { reportCsv, reportJson, reportMarkdown } from '../reports/packetReport';
import { decisionRecord } from '../session/decisionRecord';
import { parseOptions } from './options';
import { readVerifiedPacket } from './readPacket';
import { runCli } from './runCli';

const usage = 'usage: npm run report -- <packet.json> [--format markdown|csv|json]';
const formats = { markdown: reportMarkdown, csv: reportCsv, json: reportJson } as const;

/** Verifies a packet first (exit codes as `verify`), then prints its decision record. */
async function main(argv: string[]): Promise<number> {
  const args = parseOptions(argv, { format: { type: 'string' } }, usage);
  if (!args) return 2;
  const [file, ...extra] = args.positionals;
  const format = args.values.format ?? 'markdown';
  if (!file || extra.length || !Object.hasOwn(formats, format)) {
    console.error(
      `error: ${!file || extra.length ? 'one decision packet file expected' : `--format: one of markdown, csv, json (not ${JSON.stringify(format)})`}\n${usage}`,
    );
    return 2;
  }
  const read = await readVerifiedPacket(file);
  if (read.code !== 0) return read.code;
  const { packet, fold } = read;
  const render = formats[format as keyof typeof formats];
  process.stdout.write(render({ packet, fold, record: decisionRecord(packet.scenario, packet.profile, fold) }));
  return 0;
}

runCli(main, 2);
