import { parsePacket } from '../../files/packetFile';
import { readFileText } from '../../files/utf8Text';
import type { AuditEntry, DecisionPacket } from '../../record/ledger';
import type { PublicKeyRecord } from '../../record/signing';
import type { Verification } from '../../record/verdict';
import { replayPacket, verifyPacket } from '../../record/verify';
import { filedProblemWords } from '../../reports/format';

/** A packet file to check, and the keys its signatures must be by (an imported packet must be sealed by one). */
export interface PacketCheckRequest {
  file: Blob;
  fileName: string;
  trusted: readonly PublicKeyRecord[];
}

/** What checking a packet file says, in order: progress, then problems, or the packet in slices and its verdict. */
export type PacketCheckMessage =
  | { kind: 'progress'; step: string; fraction: number }
  | { kind: 'problems'; problems: string[] }
  | { kind: 'packet'; packet: Omit<DecisionPacket, 'entries'> }
  | { kind: 'entries'; entries: AuditEntry[] }
  | { kind: 'verified'; verification: Verification & { ok: true } };

/**
 * Entries per message: each arrives as its own small task (about 0.5 MB), not one that clones 20 MB
 * at once; 250 a message made a 50 ms task when a collection fell in it.
 */
const entriesPerMessage = 100;

/**
 * Reads, parses and verifies a packet file (the same parse and verify as the CLI) and tells `post`
 * what it found. Runs in a worker in the browser; what it posts the page can take in small tasks.
 */
export async function checkPacketFile(
  { file, fileName, trusted }: PacketCheckRequest,
  post: (message: PacketCheckMessage) => void,
) {
  try {
    post({ kind: 'progress', step: `reading ${fileName}`, fraction: 0 });
    const text = await readFileText(file, fileName);
    post({ kind: 'progress', step: 'checking its form', fraction: 0.1 });
    const parsed = text.ok ? parsePacket(fileName, text.value) : text;
    if (!parsed.ok) return post({ kind: 'problems', problems: parsed.problems.map(filedProblemWords) });
    const packet = parsed.value;
    post({ kind: 'progress', step: `replaying ${packet.entries.length} entries through the decision logic`, fraction: 0.25 });
    const fold = replayPacket(packet);
    post({ kind: 'progress', step: 'checking the hash chain, the signatures and every recorded state', fraction: 0.5 });
    const verification = await verifyPacket(packet, fold, trusted);
    if (!verification.ok)
      return post({
        kind: 'problems',
        problems: [`${fileName}: entry ${verification.seq}: ${verification.reason}. Not opened.`],
      });
    const { entries, ...rest } = packet;
    post({ kind: 'packet', packet: rest });
    for (let i = 0; i < entries.length; i += entriesPerMessage)
      post({ kind: 'entries', entries: entries.slice(i, i + entriesPerMessage) });
    post({ kind: 'verified', verification });
  } catch (error) {
    post({
      kind: 'problems',
      problems: [`${fileName}: could not be checked: ${error instanceof Error ? error.message : String(error)}`],
    });
  }
}
