import { parsePacket } from '../files/packetFile';
import type { DecisionPacket } from '../record/ledger';
import type { PublicKeyRecord } from '../record/signing';
import { replayPacket, type SignatureFindings, verifyPacket } from '../record/verify';
import type { SessionFold } from '../session/fold';
import type { CliIo } from './cliIo';
import { oneLine, printProblems } from './problemLines';
import { readText } from './readText';

/**
 * Reads and verifies a packet, printing the verdict's problem if there is one. Exit codes: 0 verified;
 * 1 tampered; 2 not a readable packet; 3 chain intact but recorded by other decision logic.
 */
export async function readVerifiedPacket(
  file: string,
  io: CliIo,
  trusted: readonly PublicKeyRecord[] | null = null,
): Promise<
  | { code: 0; packet: DecisionPacket; fold: SessionFold; entryCount: number; headHash: string; signatures: SignatureFindings }
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
    io.out(
      `${oneLine(`not verifiable by this build: hash chain and signatures intact; entry ${verdict.seq}: ${verdict.reason}`)}\n`,
    );
    return { code: 3 };
  }
  if (!verdict.ok) {
    io.out(`${oneLine(`${verdict.kind}: entry ${verdict.seq}: ${verdict.reason}`)}\n`);
    return { code: 1 };
  }
  const signatures = verdict.signatures ?? {
    signers: [],
    signedEntries: 0,
    unsignedEntries: 0,
    sealed: false,
    trustChecked: false,
  };
  return { code: 0, packet: packet.value, fold, entryCount: verdict.entryCount, headHash: verdict.headHash, signatures };
}
