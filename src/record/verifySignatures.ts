/** A packet's signatures: each holds over what it signs, and, with a trust list, is by a key trusted for its actor and role. */
import { authorityActions, decisionAuthorities, sameActor, who } from './authority';
import { scenarioIdentity } from './builtIns';
import { mapInFlight } from './inFlight';
import { genesisHash, needsSignature, sealFields } from './ledger';
import type { DecisionPacket } from './packetSchema';
import type { Signature } from './signatureSchema';
import {
  entrySigningMessage,
  type PublicKeyRecord,
  sealSigningMessage,
  signatureHolds,
  signedBy,
  type VerifyingKeys,
} from './signing';
import { mayActAs, rolesOf, type TrustedKeyRecord, trustedKeyOf } from './trust';
import { type SignatureFindings, tampered, untrusted, type Verification } from './verdict';

/**
 * Every signature must hold over what it signs. With `trusted` keys, every operator's entry must be
 * signed by a key trusted for its actor's name and role; a decision, an override or a disposition by
 * a key trusted for the decision authority's role; a poll vote by one trusted for its position; the
 * seal by a key trusted for the authority's role, and, where the scenario is not built in, for the role
 * of every scripted decision (the seal alone vouches for those). Without keys, only what is signed is
 * checked (anyone can re-hash an unsigned chain).
 */
export async function verifySignatures(
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
      if (!needsSignature(packet.scenario, entry)) {
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
