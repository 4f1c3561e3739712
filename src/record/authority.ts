/** Who holds a recorded session's decision authority, entry by entry, as verification reads it. */
import type { Actor, CrewReturnEvent } from '../session/model';
import type { DecisionPacket } from './packetSchema';
import { isScriptedEntry } from './provenance';

export const authorityActions = new Set<CrewReturnEvent['type']>(['decision.confirm', 'decision.override', 'poll.disposition']);
export const sameActor = (a: Actor, b: Actor) =>
  a.name.normalize('NFC') === b.name.normalize('NFC') && a.role.normalize('NFC') === b.role.normalize('NFC');
export const who = (actor: Actor) => `${actor.name} (${actor.role})`;

/**
 * The session's decision authority after each entry: the first operator to record anything (or, in a
 * record with no operator entry, the actor of the first scripted decision), passed on only by a
 * handover. `scripted`: the authority is the scenario's, not an operator.
 */
export function decisionAuthorities(packet: DecisionPacket): ({ actor: Actor; scripted: boolean } | null)[] {
  let authority: { actor: Actor; scripted: boolean } | null = null;
  return packet.entries.map((entry) => {
    const { event } = entry;
    const scripted = isScriptedEntry(packet.scenario, entry);
    if (!scripted && (authority === null || authority.scripted || event.type === 'operator.handover'))
      authority = { actor: event.by, scripted: false };
    else if (authority === null && scripted && authorityActions.has(event.type)) authority = { actor: event.by, scripted: true };
    return authority;
  });
}
