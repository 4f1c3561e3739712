/**
 * Whose an entry is, as the console holds it: a scripted entry is its scenario's step, event for event;
 * an operator's entry is signed by the key that appended it, whose holder is its actor. The server
 * checks the same at its door; the console does not take the server's word for it.
 */
import type { Scenario } from '../../../scenarios/schema';
import { scenarioHashOf } from '../../record/builtIns';
import { type AuditEntry, needsSignature } from '../../record/ledger';
import { type PublicKeyRecord, sameKey } from '../../record/signing';
import { canonicalJson } from '../../session/canonicalJson';

/** Why `entry` is not `appender`'s to append, in words; null when it is. */
export async function authorshipProblem(
  scenario: Scenario,
  entry: AuditEntry,
  appender: PublicKeyRecord,
): Promise<string | null> {
  const { provenance, event } = entry;
  if (provenance?.kind === 'scripted') {
    if (provenance.scenarioHash !== (await scenarioHashOf(scenario)))
      return "it claims to be a step of another scenario than this session's.";
    const scripted = scenario.events[provenance.step];
    if (!scripted || canonicalJson(scripted) !== canonicalJson(event))
      return `it claims to be step ${provenance.step + 1} of the scenario, but its event is not that step's.`;
    return null;
  }
  if (!needsSignature(scenario, entry)) return null;
  if (!entry.signature) return "it is an operator's entry without its actor's signature.";
  if (!sameKey(appender, entry.signature))
    return `it is signed by ${entry.signature.fingerprint}, not by the key that appended it (${appender.fingerprint}).`;
  if (event.by.name !== appender.name || event.by.role !== appender.role)
    return `its actor is ${event.by.name} (${event.by.role}), but it was appended by ${appender.name} (${appender.role}): a key appends only its holder's own entries.`;
  return null;
}
