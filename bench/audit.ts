import { writeFileSync } from 'node:fs';
import type { CrewReturnEvent } from '../machines/statechart/events';
import type { Scenario } from '../scenarios/schema';
import { publicKeyFile } from '../src/files/keyFile';
import { fromBase64Url } from '../src/record/base64Url';
import { mapInFlight } from '../src/record/inFlight';
import { type DecisionPacket, extendLedger, makePacket, type SignerFor, sealPacket } from '../src/record/ledger';
import {
  createKeyPair,
  entrySigningMessage,
  type PublicKeyRecord,
  publicHalf,
  publicKeyRecord,
  type Signer,
} from '../src/record/signing';
import { canonicalJson, sha256Hex } from '../src/session/canonicalJson';
import { foldSession, type RecordedEvent, scriptedEvents } from '../src/session/fold';
import type { ThresholdProfile } from '../src/session/profile';

/**
 * A 10,000-entry session: MS-22 up to the decision, then operator threshold changes and notes,
 * so that entries carry full rule evaluations as real ones do.
 */
export async function longPacket(
  scenario: Scenario,
  profile: ThresholdProfile,
  entryCount: number,
  signerFor?: SignerFor,
): Promise<DecisionPacket> {
  const scripted = scriptedEvents(scenario, '2026-11-25T00:00:00Z').slice(0, 17);
  const at = scripted.at(-1)?.event.at ?? scenario.setup.startUtc;
  const by = { name: 'Bench operator', role: 'flight director' };
  const events: RecordedEvent[] = [...scripted];
  for (let i = events.length; i < entryCount; i++) {
    const event: CrewReturnEvent =
      i % 2
        ? { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 40 + (i % 4 === 1 ? 1 : 0), at, by }
        : { type: 'session.note', text: `note ${i}`, at, by };
    events.push({ wallClockUtc: '2026-11-25T00:00:00Z', event });
  }
  const fold = foldSession({ scenario, profile, events });
  return makePacket(scenario, profile, await extendLedger(scenario, profile, [], fold, signerFor));
}

/** The same session as an operator's export: every operator entry signed by one key, the packet sealed by it. */
export async function signedLongPacket(
  scenario: Scenario,
  profile: ThresholdProfile,
  entryCount: number,
): Promise<{ packet: DecisionPacket; key: PublicKeyRecord }> {
  const pair = await createKeyPair(false);
  const signer: Signer = {
    ...(await publicKeyRecord({ name: 'Bench operator', role: 'flight director' }, pair.publicKey)),
    privateKey: pair.privateKey,
  };
  const unsealed = await longPacket(scenario, profile, entryCount, async () => signer);
  return { packet: await sealPacket(unsealed, signer, '2026-11-26T00:00:00Z'), key: publicHalf(signer) };
}

/** Writes a signed long packet to `path` and its signer's public key to `<path>.pub.json`, as an importer receives them. */
export async function writeSignedLongPacket(scenario: Scenario, profile: ThresholdProfile, entryCount: number, path: string) {
  const { packet, key } = await signedLongPacket(scenario, profile, entryCount);
  const text = JSON.stringify(packet);
  writeFileSync(path, text);
  writeFileSync(`${path}.pub.json`, JSON.stringify(publicKeyFile(key)));
  return { entries: packet.entryCount, megabytes: text.length / 1e6, keyPath: `${path}.pub.json` };
}

/** The bytes the chain check hashes: each entry's canonical form without its hash. */
export function hashedBytes(packet: DecisionPacket): string[] {
  return packet.entries.map(({ hash: _, signature: __, ...rest }) => canonicalJson(rest));
}

/** Every text's SHA-256, all requested at once, or with at most 64 in flight (the verifier's way). */
export function sha256All(texts: string[], inFlight?: number): Promise<string[]> {
  return inFlight ? mapInFlight(texts, sha256Hex, inFlight) : Promise.all(texts.map(sha256Hex));
}

/**
 * The packet's entry signatures checked by Web Crypto and nothing else: keys imported and signatures
 * decoded beforehand. No verifier can check every signature faster, so it is a floor of its own.
 */
export async function signatureFloor(packet: DecisionPacket): Promise<() => Promise<boolean[]>> {
  const ed25519 = { name: 'Ed25519' };
  const keys = new Map<string, CryptoKey>();
  const checks: { key: CryptoKey; signature: Uint8Array; message: Uint8Array }[] = [];
  for (const { hash, signature } of packet.entries) {
    if (!signature) continue;
    let key = keys.get(signature.publicKey);
    if (!key) {
      key = await crypto.subtle.importKey('raw', fromBase64Url(signature.publicKey) as BufferSource, ed25519, false, ['verify']);
      keys.set(signature.publicKey, key);
    }
    const message = new TextEncoder().encode(entrySigningMessage(hash));
    checks.push({ key, signature: fromBase64Url(signature.value), message });
  }
  return () =>
    mapInFlight(checks, ({ key, signature, message }) =>
      crypto.subtle.verify(ed25519, key, signature as BufferSource, message as BufferSource),
    );
}
