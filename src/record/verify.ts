import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import { type FoldStep, foldSession, type SessionFold } from '../session/fold';
import { decisionLogicVersion } from '../session/model';
import { type DecisionPacket, entryHash, eventsOf, genesisHash } from './ledger';

export type Verification =
  | { ok: true; entryCount: number; headHash: string }
  /** `tampered` false: the chain is intact, but this build cannot replay the entry (other decision logic). */
  | { ok: false; seq: number; reason: string; tampered: boolean };

const tampered = (seq: number, reason: string): Verification => ({ ok: false, seq, reason, tampered: true });

/** Checks the hash chain: every entry in place, unaltered, linked to the one before. */
export async function verifyChain(packet: DecisionPacket): Promise<Verification> {
  const { entries } = packet;
  if ((await sha256Hex(canonicalJson(packet.profile.values))) !== packet.profile.contentHash) {
    return tampered(1, "the threshold profile's values do not match its content hash");
  }
  const recomputed = await Promise.all(entries.map(({ hash: _, ...rest }) => entryHash(rest)));
  let previous = await genesisHash(packet.scenario, packet.profile);
  for (const [i, entry] of entries.entries()) {
    const seq = i + 1;
    if (entry.seq !== seq) return tampered(seq, `sequence number ${entry.seq} where ${seq} was expected (reordered or removed)`);
    if (entry.previousHash !== previous) {
      const what = i === 0 ? "the packet's scenario and profile" : `entry ${i}`;
      return tampered(seq, `previous hash does not match ${what}`);
    }
    if (recomputed[i] !== entry.hash) return tampered(seq, 'contents do not match its hash (altered)');
    previous = entry.hash;
  }
  if (packet.entryCount !== entries.length) {
    return tampered(entries.length, `the packet says ${packet.entryCount} entries but holds ${entries.length}`);
  }
  const head = entries.at(-1)?.hash ?? '';
  if (packet.headHash !== head) return tampered(entries.length, "the head hash is not the last entry's hash");
  return { ok: true, entryCount: entries.length, headHash: head };
}

/** The packet's events folded through this build's machine. */
export function replayPacket(packet: DecisionPacket): SessionFold {
  return foldSession({ scenario: packet.scenario, profile: packet.profile, events: eventsOf(packet.entries) });
}

/** Compares every entry with what the replay derives for it. */
export async function verifyReplay(packet: DecisionPacket, { steps }: SessionFold = replayPacket(packet)): Promise<Verification> {
  for (const [i, entry] of packet.entries.entries()) {
    if (entry.logicVersion !== decisionLogicVersion) {
      const reason = `recorded by decision logic version ${entry.logicVersion}; this build replays version ${decisionLogicVersion}: replay it with a build of version ${entry.logicVersion}`;
      return { ok: false, seq: entry.seq, reason, tampered: false };
    }
    const { thresholds, ...derived } = (steps[i] as FoldStep).record;
    for (const [field, value] of Object.entries(derived)) {
      const recorded = entry.derived[field as keyof typeof derived];
      if (canonicalJson(value) !== canonicalJson(recorded)) {
        return tampered(entry.seq, `replay gives ${field} ${brief(value)}, the record says ${brief(recorded)}`);
      }
    }
    if ((await sha256Hex(canonicalJson(thresholds))) !== entry.profile.hash) {
      return tampered(entry.seq, 'replay gives other thresholds than the recorded profile hash');
    }
  }
  return { ok: true, entryCount: packet.entries.length, headHash: packet.headHash };
}

/** The chain first (cheap and exact), then the replay. */
export async function verifyPacket(packet: DecisionPacket, replay?: SessionFold): Promise<Verification> {
  const chain = await verifyChain(packet);
  return chain.ok ? verifyReplay(packet, replay) : chain;
}

function brief(value: unknown): string {
  const text = canonicalJson(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
