import { z } from 'zod';
import { decisionLogicVersion } from '../../machines/statechart/logicVersion';
import { scenarioSchema } from '../../scenarios/schema';
import { formatPath, type Parsed, parseJsonText } from '../files/inputProblem';
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import { machineInput } from '../session/fold';
import { type AuditEntry, type DecisionPacket, deriveRecords, entryHash, eventsOf, genesisHash } from './ledger';

export type Verification =
  | { ok: true; entryCount: number; headHash: string }
  /** `tampered` false: the chain is intact, but this build cannot replay the entry (other decision logic). */
  | { ok: false; seq: number; reason: string; tampered: boolean };

const hex64 = z.string().regex(/^[0-9a-f]{64}$/, 'a SHA-256 hash: 64 lower-case hex digits');
const evaluation = z.strictObject({
  rule: z.string(),
  tier: z.string(),
  crew: z.number().int().optional(),
  vehicle: z.string().optional(),
  mode: z.string().optional(),
  value: z.number().nullable(),
  threshold: z.number(),
  margin: z.number().nullable(),
  status: z.string(),
});
const entrySchema = z.strictObject({
  seq: z.number().int().min(1),
  logicVersion: z.number().int().min(1).optional(),
  wallClockUtc: z.string(),
  scenarioTimeUtc: z.string(),
  actor: z.strictObject({ name: z.string(), role: z.string() }),
  eventType: z.string(),
  payload: z.record(z.string(), z.unknown()),
  stateBefore: z.string(),
  stateAfter: z.string(),
  applied: z.boolean(),
  recommendation: z.strictObject({ outcome: z.string(), decidingRow: z.string() }).nullable(),
  decision: z.strictObject({ outcome: z.string(), kind: z.string() }).nullable(),
  evaluations: z.array(evaluation),
  profile: z.strictObject({ id: z.string(), version: z.string(), hash: hex64 }),
  previousHash: hex64,
  hash: hex64,
});
const packetSchema = z.strictObject({
  format: z.literal('crew-return-decision-packet'),
  formatVersion: z.literal(1),
  scenario: scenarioSchema,
  profile: z.strictObject({ id: z.string(), version: z.string(), values: z.record(z.string(), z.number()), contentHash: hex64 }),
  entryCount: z.number().int().min(0),
  headHash: z.string(),
  entries: z.array(entrySchema),
});

/** Reads a packet file: malformed JSON or a wrong shape is a problem list, not a verdict. */
export function parsePacket(file: string, text: string): Parsed<DecisionPacket> {
  const json = parseJsonText(file, text);
  if (!json.ok) return json;
  const result = packetSchema.safeParse(json.value);
  // The parsed text itself, not Zod's copy: its key order is the file's, which the fast hashing path needs.
  if (result.success) return { ok: true, value: json.value as DecisionPacket };
  return { ok: false, problems: result.error.issues.map((i) => ({ file, path: formatPath(i.path), expected: i.message })) };
}

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

/** Re-derives every entry by replaying its events through the machine and compares with the record. */
export async function verifyReplay(packet: DecisionPacket): Promise<Verification> {
  const records = deriveRecords(machineInput(packet.scenario, packet.profile), eventsOf(packet.entries));
  for (const [i, entry] of packet.entries.entries()) {
    const version = entry.logicVersion ?? 1;
    if (version !== decisionLogicVersion) {
      const reason = `recorded by decision logic version ${version}; this build replays version ${decisionLogicVersion}: replay it with a build of version ${version}`;
      return { ok: false, seq: entry.seq, reason, tampered: false };
    }
    const { thresholds, ...derived } = records[i] ?? ({} as never);
    for (const [field, value] of Object.entries(derived)) {
      const recorded = (entry as unknown as Record<string, unknown>)[field];
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
export async function verifyPacket(packet: DecisionPacket): Promise<Verification> {
  const chain = await verifyChain(packet);
  return chain.ok ? verifyReplay(packet) : chain;
}

function brief(value: unknown): string {
  const text = canonicalJson(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}

export type { AuditEntry };
