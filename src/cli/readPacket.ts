import { parsePacket } from '../files/packetFile';
import type { DecisionPacket } from '../record/ledger';
import type { TrustedKeyRecord } from '../record/trust';
import type { SignatureFindings, TeamLogFindings } from '../record/verdict';
import { replayPacket, verifyPacket } from '../record/verify';
import { unsignedFindings } from '../reports/signatureStatus';
import type { SessionFold } from '../session/fold';
import type { CliIo } from './cliIo';
import { oneLine, printProblems } from './problemLines';
import { readText } from './readText';

/**
 * The exit codes of `verify` and `report`. 0: verified against trusted keys (chain, signatures by keys
 * trusted for their roles, seal, replay); 1: tampered, or signed by a key not trusted for the role;
 * 2: not a readable packet (or keys); 3: intact, but recorded by other decision logic than this
 * build's, so not replayed here; 4: chain and replay intact, but authorship not checked (no --trust).
 */
export const exitCodeHelp = [
  'exit codes:',
  '  0  verified against the trusted keys: chain, signatures by keys trusted for their roles, seal, replay',
  '  1  tampered, or signed or sealed by a key not trusted for that person and role',
  '  2  the packet (or a key file) cannot be read',
  '  3  intact, but recorded by other decision logic than this build replays',
  '  4  chain and replay intact, but authorship not checked: no --trust given',
].join('\n');

/** Reads and verifies a packet, printing the verdict's problem if there is one (codes as `exitCodeHelp`). */
export async function readVerifiedPacket(
  file: string,
  io: CliIo,
  trusted: readonly TrustedKeyRecord[] | null = null,
): Promise<
  | {
      code: 0 | 4;
      packet: DecisionPacket;
      fold: SessionFold;
      entryCount: number;
      headHash: string;
      signatures: SignatureFindings;
      teamLog: TeamLogFindings | null;
    }
  | { code: 1 | 2 | 3 }
> {
  const text = readText(file);
  if ('problem' in text) {
    printProblems(io, [text.problem]);
    return { code: 2 };
  }
  const packet = parsePacket(file, text.text);
  if (!packet.ok) {
    printProblems(io, packet.problems);
    return { code: 2 };
  }
  const fold = replayPacket(packet.value);
  const verdict = await verifyPacket(packet.value, fold, trusted);
  if (!verdict.ok && verdict.kind === 'other-logic') {
    const checked = trusted
      ? 'hash chain intact, signatures hold and are by trusted keys'
      : 'hash chain intact; authorship NOT checked (no --trust)';
    io.out(`${oneLine(`not verifiable by this build: ${checked}; entry ${verdict.seq}: ${verdict.reason}`)}\n`);
    return { code: 3 };
  }
  if (!verdict.ok) {
    io.out(`${oneLine(`${verdict.kind}: entry ${verdict.seq}: ${verdict.reason}`)}\n`);
    return { code: 1 };
  }
  const signatures = verdict.signatures ?? unsignedFindings();
  const teamLog = verdict.teamLog ?? null;
  return {
    code: trusted ? 0 : 4,
    packet: packet.value,
    fold,
    entryCount: verdict.entryCount,
    headHash: verdict.headHash,
    signatures,
    teamLog,
  };
}
