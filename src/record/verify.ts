import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import { type FoldStep, foldSession, type SessionFold } from '../session/fold';
import { type Actor, type CrewReturnEvent, decisionLogicVersion } from '../session/model';
import { profileIdentity } from '../session/profile';
import { scenarioIdentity } from './builtIns';
import { mapInFlight } from './inFlight';
import { type AuditEntry, type DecisionPacket, entryHash, eventsOf, genesisHash, needsSignature, sealFields } from './ledger';
import {
  entrySigningMessage,
  type PublicKeyRecord,
  type Signature,
  sealSigningMessage,
  signatureHolds,
  signedBy,
  type VerifyingKeys,
} from './signing';
import { mayActAs, rolesOf, type TrustedKeyRecord, trustedKeyOf } from './trust';

/** What the signatures showed: who signed, and what is unsigned (only trustworthy with a trust list). */
export interface SignatureFindings {
  /** Keys that signed entries or the seal, each once. */
  signers: PublicKeyRecord[];
  signedEntries: number;
  /** Operators' entries without a signature (allowed only without a trust list). */
  unsignedEntries: number;
  sealed: boolean;
  /** Whether the signatures were checked against a list of trusted keys. */
  trustChecked: boolean;
  /** Who sealed the packet (absent: not sealed). */
  sealedBy?: Actor;
  /** The session's decision authority at its end (null: no operator and no scripted decision). */
  authority: Actor | null;
  /** What a reviewer must be told beside the verdict: a sealer other than the authority, a scenario not built in. */
  notes: string[];
}

const authorityActions = new Set<CrewReturnEvent['type']>(['decision.confirm', 'decision.override', 'poll.disposition']);
const sameActor = (a: Actor, b: Actor) =>
  a.name.normalize('NFC') === b.name.normalize('NFC') && a.role.normalize('NFC') === b.role.normalize('NFC');
const who = (actor: Actor) => `${actor.name} (${actor.role})`;

/**
 * The session's decision authority after each entry: the first operator to record anything (or, in a
 * record with no operator entry, the actor of the first scripted decision), passed on only by a
 * handover. `scripted`: the authority is the scenario's, not an operator.
 */
function decisionAuthorities(packet: DecisionPacket): ({ actor: Actor; scripted: boolean } | null)[] {
  let authority: { actor: Actor; scripted: boolean } | null = null;
  return packet.entries.map(({ event }) => {
    const scripted = !needsSignature(packet.scenario, event);
    if (!scripted && (authority === null || authority.scripted || event.type === 'operator.handover'))
      authority = { actor: event.by, scripted: false };
    else if (authority === null && scripted && authorityActions.has(event.type)) authority = { actor: event.by, scripted: true };
    return authority;
  });
}

export type Verification =
  | { ok: true; entryCount: number; headHash: string; signatures?: SignatureFindings }
  /**
   * `tampered`: altered, dropped, added or unsigned where a signature is required; `untrusted`: signed
   * by a key not trusted for its actor; `other-logic`: intact and signed, but this build cannot replay
   * the entry (another decision-logic version).
   */
  | { ok: false; seq: number; reason: string; kind: 'tampered' | 'untrusted' | 'other-logic' };

const tampered = (seq: number, reason: string): Verification => ({ ok: false, seq, reason, kind: 'tampered' });
const untrusted = (seq: number, reason: string): Verification => ({ ok: false, seq, reason, kind: 'untrusted' });

/** Checks the hash chain: every entry in place, unaltered, linked to the one before. */
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
  if (packet.entryCount !== entries.length) {
    return tampered(entries.length, `the packet says ${packet.entryCount} entries but holds ${entries.length}`);
  }
  const head = entries.at(-1)?.hash ?? '';
  if (packet.headHash !== head) return tampered(entries.length, "the head hash is not the last entry's hash");
  return { ok: true, entryCount: entries.length, headHash: head };
}

/** Packet format 3 (signatures) came with decision logic 4: an entry of an earlier logic in it was altered. */
const firstLogicOfThisFormat = 4;

const hashedPart = ({ hash: _, signature: __, ...rest }: AuditEntry) => rest;

/** The packet's events folded through this build's machine. */
export function replayPacket(packet: DecisionPacket): SessionFold {
  return foldSession({ scenario: packet.scenario, profile: packet.profile, events: eventsOf(packet.entries) });
}

/** Compares every entry with what the replay derives for it. */
async function verifyReplay(packet: DecisionPacket, { steps }: SessionFold = replayPacket(packet)): Promise<Verification> {
  for (const [i, entry] of packet.entries.entries()) {
    if (entry.logicVersion !== decisionLogicVersion) {
      const reason = `recorded by decision logic version ${entry.logicVersion}; this build replays version ${decisionLogicVersion}: replay it with a build of version ${entry.logicVersion}`;
      return { ok: false, seq: entry.seq, reason, kind: 'other-logic' };
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

/**
 * Every signature must hold over what it signs. With `trusted` keys, every operator's entry must be
 * signed by a key trusted for its actor's name and role; a decision, an override or a disposition by
 * a key trusted for the decision authority's role; a poll vote by one trusted for its position; the
 * seal by a key trusted for the authority's role, and, where the scenario is not built in, for the role
 * of every scripted decision (the seal alone vouches for those). Without keys, only what is signed is
 * checked (anyone can re-hash an unsigned chain).
 */
async function verifySignatures(
  packet: DecisionPacket,
  trusted: readonly TrustedKeyRecord[] | null,
  requireSeal = trusted !== null,
): Promise<{ verdict: Verification | null; findings: SignatureFindings }> {
  const signers = new Map<string, PublicKeyRecord>();
  const authorities = decisionAuthorities(packet);
  const finalAuthority = authorities.at(-1) ?? null;
  const findings: SignatureFindings = {
    signers: [],
    signedEntries: 0,
    unsignedEntries: 0,
    sealed: false,
    trustChecked: !!trusted,
    authority: finalAuthority?.actor ?? null,
    notes: [],
  };
  const done = (verdict: Verification | null) => ({ verdict, findings: { ...findings, signers: [...signers.values()] } });
  const holderOf = (signature: Signature) => {
    const known = trusted?.find((key) => key.fingerprint === signature.fingerprint && key.publicKey === signature.publicKey);
    return known ? `${signedBy(known)}, trusted for ${rolesOf(known).join(', ')}` : signature.fingerprint;
  };
  const scenario = await scenarioIdentity(packet.scenario);
  // Checked together (Web Crypto works off the main thread), then read in order.
  const keys: VerifyingKeys = new Map();
  const holds = await mapInFlight(packet.entries, async (e) =>
    e.signature ? signatureHolds(e.signature, entrySigningMessage(e.hash), keys) : false,
  );
  const scriptedAuthorityRoles = new Set<string>();
  for (const [i, entry] of packet.entries.entries()) {
    const { signature, event } = entry;
    const authority = authorities[i] ?? null;
    if (!signature) {
      if (!needsSignature(packet.scenario, event)) {
        if (authorityActions.has(event.type) && !scenario.builtIn) scriptedAuthorityRoles.add(event.by.role);
        continue;
      }
      if (trusted) return done(tampered(entry.seq, `${event.type} by ${who(event.by)} is not signed`));
      findings.unsignedEntries++;
      continue;
    }
    if (!holds[i]) {
      return done(tampered(entry.seq, 'its signature does not hold over its contents (altered after signing)'));
    }
    if (trusted) {
      const key = trustedKeyOf(trusted, signature, event.by.name);
      const role = event.type === 'poll.vote' ? event.position : event.by.role;
      if (!key || !mayActAs(key, role) || (event.type !== 'poll.vote' && !mayActAs(key, event.by.role)))
        return done(untrusted(entry.seq, `signed by ${holderOf(signature)}, not a key trusted for ${event.by.name} as ${role}`));
      if (authorityActions.has(event.type) && authority && !authority.scripted) {
        if (!mayActAs(key, authority.actor.role))
          return done(
            untrusted(
              entry.seq,
              `${event.type} signed by ${holderOf(signature)}, not a key trusted for the decision authority's role (${authority.actor.role})`,
            ),
          );
        if (!sameActor(authority.actor, event.by))
          return done(
            untrusted(
              entry.seq,
              `${event.type} by ${who(event.by)}, not by the session's decision authority ${who(authority.actor)}, and no handover passed it on`,
            ),
          );
      }
    }
    findings.signedEntries++;
    signers.set(signature.fingerprint, { ...event.by, fingerprint: signature.fingerprint, publicKey: signature.publicKey });
  }
  if (!scenario.builtIn && scriptedAuthorityRoles.size)
    findings.notes.push(
      `${scenario.claimsBuiltIn ? `the scenario carries the built-in id ${packet.scenario.id} but not its content` : `the scenario ${packet.scenario.id} is not built in`}: its scripted decisions are vouched for only by the seal`,
    );
  const { seal } = packet;
  const last = packet.entries.length;
  if (!seal) return done(requireSeal ? tampered(last, 'the packet is not sealed: no signature says the record ends here') : null);
  if (!(await signatureHolds(seal.signature, sealSigningMessage(sealFields(seal))))) {
    return done(tampered(last, "the seal's signature does not hold over the seal"));
  }
  if (seal.entryCount !== last || seal.headHash !== (packet.entries.at(-1)?.hash ?? '')) {
    return done(
      tampered(
        last,
        `the seal covers ${seal.entryCount} entries ending in ${seal.headHash.slice(0, 12)}…, the packet holds ${last} (entries dropped or added)`,
      ),
    );
  }
  if (seal.genesisHash !== (await genesisHash(packet.scenario, packet.profile))) {
    return done(tampered(1, 'the seal was made for another scenario or profile'));
  }
  if (trusted) {
    const key = trustedKeyOf(trusted, seal.signature, seal.by.name);
    if (!key || !mayActAs(key, seal.by.role))
      return done(untrusted(last, `sealed by ${holderOf(seal.signature)}, not a key trusted for ${who(seal.by)}`));
    const operatorAuthority = finalAuthority && !finalAuthority.scripted ? finalAuthority.actor.role : null;
    for (const role of [...(operatorAuthority ? [operatorAuthority] : []), ...scriptedAuthorityRoles])
      if (!mayActAs(key, role)) {
        const whose =
          role === operatorAuthority ? "the decision authority's role" : 'the role of a scripted decision it vouches for';
        return done(untrusted(last, `sealed by ${holderOf(seal.signature)}, not a key trusted for ${whose} (${role})`));
      }
  }
  findings.sealed = true;
  findings.sealedBy = seal.by;
  if (finalAuthority && !sameActor(finalAuthority.actor, seal.by))
    findings.notes.push(
      finalAuthority.scripted
        ? `sealed by ${who(seal.by)}; the decisions are the scenario's scripted ones (${who(finalAuthority.actor)})`
        : `sealed by ${who(seal.by)}, not by the session's decision authority ${who(finalAuthority.actor)}`,
    );
  signers.set(seal.signature.fingerprint, {
    ...seal.by,
    fingerprint: seal.signature.fingerprint,
    publicKey: seal.signature.publicKey,
  });
  return done(null);
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
  return replayed.ok ? { ...replayed, signatures: checked.signatures } : replayed;
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
  return verdict ?? { ...chain, signatures: findings };
}

function brief(value: unknown): string {
  const text = canonicalJson(value ?? null);
  return text.length > 80 ? `${text.slice(0, 77)}...` : text;
}
