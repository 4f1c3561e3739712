/**
 * A packet's text as `decide` writes it, only if `verify` will read it: both hold to `maxInputBytes`.
 * Measured entry by entry, so a run far too large is refused without building a text that size (a
 * string past V8's limit fails as "Invalid string length").
 */
import type { DecisionPacket } from '../record/ledger';
import type { SessionFold } from '../session/fold';
import { maxInputBytes } from './readText';

export type PacketText = { text: string } | { tooLarge: { entriesThatFit: number; entryCount: number } };

const bytes = (text: string) => Buffer.byteLength(text, 'utf8');

/** `JSON.stringify(packet, null, 2)` and a line break, if it is at most `limit` bytes. */
export function packetText(packet: DecisionPacket, limit = maxInputBytes): PacketText {
  const { entries } = packet;
  // The packet around its entries, then each entry as it stands in the array: indented by 4, then ",\n".
  let size = bytes(`${JSON.stringify({ ...packet, entries: [] }, null, 2)}\n`) + (entries.length ? 4 : 0);
  for (const [i, entry] of entries.entries()) {
    const text = JSON.stringify(entry, null, 2);
    size += bytes(text) + 4 * (1 + (text.match(/\n/g)?.length ?? 0)) + (i ? 2 : 0);
    if (size > limit) return { tooLarge: { entriesThatFit: i, entryCount: entries.length } };
  }
  return { text: `${JSON.stringify(packet, null, 2)}\n` };
}

/**
 * Whether a fold's packet is certain to pass `limit`, judged before its entries are hashed: the
 * scenario and each step's event and record, written compactly, are less than the packet will be.
 */
export function packetCertainlyTooLarge(
  scenario: unknown,
  fold: SessionFold,
  limit = maxInputBytes,
): { entriesThatFit: number; entryCount: number } | null {
  let size = JSON.stringify(scenario).length;
  if (size > limit) return { entriesThatFit: 0, entryCount: fold.steps.length };
  for (const [i, step] of fold.steps.entries()) {
    const { thresholds: _, ...derived } = step.record;
    size += JSON.stringify(step.event).length + JSON.stringify(derived).length;
    if (size > limit) return { entriesThatFit: i, entryCount: fold.steps.length };
  }
  return null;
}
