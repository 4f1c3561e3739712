/**
 * Whose an appended entry is: a scripted entry is its scenario's step, event for event; an operator's
 * entry is signed by the key that appended it, whose holder is its actor (an admitted key appends only
 * its holder's own entries). The server holds this at its door; each console checks it again.
 */
import type { Scenario } from '../../scenarios/schema';
import { scenarioHashOf } from '../record/builtIns';
import { type AuditEntry, needsSignature } from '../record/ledger';
import { type PublicKeyRecord, sameKey } from '../record/signing';
import { canonicalJson } from '../session/canonicalJson';
import type { RequestProblem } from './protocol';

/** A field the server names in its refusal, and the same fault in words for the person at a console. */
export interface AuthorshipProblem extends RequestProblem {
  words: string;
}

export async function authorshipProblems(
  scenario: Scenario,
  entry: AuditEntry,
  appender: PublicKeyRecord,
): Promise<AuthorshipProblem[]> {
  const { provenance, event } = entry;
  if (provenance?.kind === 'scripted') {
    if (provenance.scenarioHash !== (await scenarioHashOf(scenario)))
      return [
        {
          path: 'entry.provenance.scenarioHash',
          expected: "the hash of this session's scenario",
          words: "it claims to be a step of another scenario than this session's.",
        },
      ];
    const scripted = scenario.events[provenance.step];
    if (!scripted || canonicalJson(scripted) !== canonicalJson(event))
      return [
        {
          path: 'entry.event',
          expected: `step ${provenance.step + 1} of this session's scenario, exactly`,
          words: `it claims to be step ${provenance.step + 1} of the scenario, but its event is not that step's.`,
        },
      ];
    return [];
  }
  if (!needsSignature(scenario, entry)) return [];
  const problems: AuthorshipProblem[] = [];
  if (!entry.signature || !sameKey(appender, entry.signature))
    problems.push({
      path: 'entry.signature',
      expected: `the signature of the appender's key (${appender.fingerprint}): an operator's entry is signed by its actor`,
      words: entry.signature
        ? `it is signed by ${entry.signature.fingerprint}, not by the key that appended it (${appender.fingerprint}).`
        : "it is an operator's entry without its actor's signature.",
    });
  if (event.by.name !== appender.name || event.by.role !== appender.role)
    problems.push({
      path: 'entry.event.by',
      expected: `${appender.name} (${appender.role}), the appender: an admitted key appends only its holder's own entries`,
      words: `its actor is ${event.by.name} (${event.by.role}), but it was appended by ${appender.name} (${appender.role}): a key appends only its holder's own entries.`,
    });
  return problems;
}
