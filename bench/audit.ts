import type { CrewReturnEvent } from '../machines/statechart/events';
import type { Scenario } from '../scenarios/schema';
import { type DecisionPacket, extendLedger, makePacket, type SignerFor } from '../src/record/ledger';
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

/** The bytes the chain check hashes: each entry's canonical form without its hash. */
export function hashedBytes(packet: DecisionPacket): string[] {
  return packet.entries.map(({ hash: _, signature: __, ...rest }) => canonicalJson(rest));
}

export function sha256All(texts: string[]): Promise<string[]> {
  return Promise.all(texts.map(sha256Hex));
}
