/** The hash chain of a packet: every entry in place, unaltered, linked to the one before, and whose it says it is. */
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import { profileIdentity } from '../session/profile';
import { mapInFlight } from './inFlight';
import { entryHash, genesisHash } from './ledger';
import { type AuditEntry, type DecisionPacket, provenanceFreeFormatVersion } from './packetSchema';
import { provenanceProblem } from './provenance';
import { tampered, type Verification } from './verdict';

/** Checks the hash chain: every entry in place, unaltered, linked to the one before; each scripted one the step it says. */
export async function verifyChain(packet: DecisionPacket): Promise<Verification> {
  const { entries } = packet;
  if ((await sha256Hex(canonicalJson(packet.profile.values))) !== packet.profile.contentHash) {
    return tampered(1, "the threshold profile's values do not match its content hash");
  }
  const profile = await profileIdentity(packet.profile);
  if (profile.claimsBuiltIn && !profile.builtIn) {
    return tampered(
      1,
      `the threshold profile carries the built-in profile's id and version (${packet.profile.id} ${packet.profile.version}) but not its content (sha256 ${profile.hash})`,
    );
  }
  const firstLogicOfThisFormat = packet.formatVersion === provenanceFreeFormatVersion ? 4 : firstLogicOfFormat4;
  let lastLogic = firstLogicOfThisFormat;
  for (const entry of entries) {
    if (entry.logicVersion < lastLogic) {
      const why =
        lastLogic === firstLogicOfThisFormat
          ? `packets of this format were first written by decision logic version ${firstLogicOfThisFormat}`
          : `an earlier entry was recorded by version ${lastLogic}, and a record's logic never goes back`;
      return tampered(entry.seq, `recorded by decision logic version ${entry.logicVersion}, which cannot be: ${why}`);
    }
    lastLogic = entry.logicVersion;
  }
  // Entries are stored in canonical key order, so their native serialization is normally the canonical
  // one and the key-order walk can be skipped; an entry that then differs is checked canonically.
  const recomputed = await mapInFlight(entries, (entry) => sha256Hex(JSON.stringify(hashedPart(entry))));
  let previous = await genesisHash(packet.scenario, packet.profile);
  for (const [i, entry] of entries.entries()) {
    const seq = i + 1;
    if (entry.seq !== seq) return tampered(seq, `sequence number ${entry.seq} where ${seq} was expected (reordered or removed)`);
    if (entry.previousHash !== previous) {
      const what = i === 0 ? "the packet's scenario and profile" : `entry ${i}`;
      return tampered(seq, `previous hash does not match ${what}`);
    }
    if (recomputed[i] !== entry.hash && (await entryHash(hashedPart(entry))) !== entry.hash) {
      return tampered(seq, 'contents do not match its hash (altered)');
    }
    previous = entry.hash;
  }
  const misattributed = await provenanceProblem(packet);
  if (misattributed) return tampered(misattributed.seq, misattributed.reason);
  if (packet.entryCount !== entries.length) {
    return tampered(entries.length, `the packet says ${packet.entryCount} entries but holds ${entries.length}`);
  }
  const head = entries.at(-1)?.hash ?? '';
  if (packet.headHash !== head) return tampered(entries.length, "the head hash is not the last entry's hash");
  return { ok: true, entryCount: entries.length, headHash: head };
}

/**
 * Packet format 3 (signatures) came with decision logic 4, format 4 (provenance) with logic 8: an entry
 * of an earlier logic than its packet's format was altered.
 */
const firstLogicOfFormat4 = 8;

const hashedPart = ({ hash: _, signature: __, ...rest }: AuditEntry) => rest;
