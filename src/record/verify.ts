/** Verifying a packet: its chain, its signatures, and a replay of its events through this build's machine. */
import { canonicalJson, sameCanonicalJson, sha256Hex } from '../session/canonicalJson';
import { foldSession, type SessionFold } from '../session/fold';
import { decisionLogicVersion } from '../session/model';
import { eventsOf } from './ledger';
import type { DecisionPacket } from './packetSchema';
import type { TrustedKeyRecord } from './trust';
import { tampered, type Verification } from './verdict';
import { verifyChain } from './verifyChain';
import { verifySignatures } from './verifySignatures';
import { verifyTeamLog } from './verifyTeamLog';

/** The packet's events folded through this build's machine. */
export function replayPacket(packet: DecisionPacket): SessionFold {
  return foldSession({ scenario: packet.scenario, profile: packet.profile, events: eventsOf(packet) });
}

/** Compares every entry with what the replay derives for it. */
export async function verifyReplay(packet: DecisionPacket, { steps }: SessionFold = replayPacket(packet)): Promise<Verification> {
  // Steps under the same thresholds share one object: each set is hashed once, all of them at once.
  const hashByThresholds = new WeakMap<object, Promise<string>>();
  const thresholdsHashOf = (thresholds: object) => {
    let hash = hashByThresholds.get(thresholds);
    if (!hash) {
      hash = sha256Hex(canonicalJson(thresholds));
      hashByThresholds.set(thresholds, hash);
    }
    return hash;
  };
  const hashes = steps.map((step) => thresholdsHashOf(step.record.thresholds));
  for (const [i, entry] of packet.entries.entries()) {
    if (entry.logicVersion !== decisionLogicVersion) {
      const reason = `recorded by decision logic version ${entry.logicVersion}; this build replays version ${decisionLogicVersion}: replay it with a build of version ${entry.logicVersion}`;
      return { ok: false, seq: entry.seq, reason, kind: 'other-logic' };
    }
    const step = steps[i];
    if (!step) return tampered(entry.seq, 'the replay has no step for it');
    const { thresholds: _, ...derived } = step.record;
    const recordedFields: Readonly<Record<string, unknown>> = entry.derived;
    for (const [field, value] of Object.entries(derived)) {
      const recorded = recordedFields[field];
      if (!sameCanonicalJson(value, recorded)) {
        return tampered(entry.seq, `replay gives ${field} ${brief(value)}, the record says ${brief(recorded)}`);
      }
    }
    if ((await hashes[i]) !== entry.profile.hash) {
      return tampered(entry.seq, 'replay gives other thresholds than the recorded profile hash');
    }
  }
  return { ok: true, entryCount: packet.entries.length, headHash: packet.headHash };
}

/**
 * The chain first (cheap and exact), then the signatures, then the replay: a logic-version mismatch
 * is reported as such only once the signatures hold. A live session's record has no seal yet
 * (`requireSeal` false); an exported one must.
 */
export async function verifyPacket(
  packet: DecisionPacket,
  replay?: SessionFold,
  trusted: readonly TrustedKeyRecord[] | null = null,
  requireSeal = trusted !== null,
): Promise<Verification> {
  const checked = await verifyChainAndSignatures(packet, trusted, requireSeal);
  if (!checked.ok) return checked;
  const replayed = await verifyReplay(packet, replay);
  // What the chain and signatures found (who signed, the team log) goes with the replay's verdict.
  return replayed.ok ? { ...checked, ...replayed } : replayed;
}

/**
 * The chain, then the signatures, as verdicts; the work overlaps: the signatures are checked on Web
 * Crypto's threads while this one serializes and hashes the entries.
 */
export async function verifyChainAndSignatures(
  packet: DecisionPacket,
  trusted: readonly TrustedKeyRecord[] | null,
  requireSeal: boolean,
): Promise<Verification> {
  const signatures = verifySignatures(packet, trusted, requireSeal);
  const chain = await verifyChain(packet);
  const { verdict, findings } = await signatures;
  if (!chain.ok) return chain;
  if (verdict) return verdict;
  const teamLog = await verifyTeamLog(packet);
  if (!teamLog.ok) return teamLog.verdict;
  return { ...chain, signatures: findings, ...(teamLog.findings ? { teamLog: teamLog.findings } : {}) };
}

function brief(value: unknown): string {
  const text = canonicalJson(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
