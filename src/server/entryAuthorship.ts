/**
 * Whose an appended entry is, as far as the server can hold it at the door: an operator's entry is
 * signed by the appender, who is its actor (an admitted key appends only its holder's own entries);
 * a scripted entry is its scenario's step, event for event. The console still verifies the whole chain.
 */
import type { Scenario } from '../../scenarios/schema';
import { scenarioHashOf } from '../record/builtIns';
import type { AuditEntry } from '../record/ledger';
import { needsSignature } from '../record/ledger';
import { type PublicKeyRecord, sameKey } from '../record/signing';
import { canonicalJson } from '../session/canonicalJson';
import type { RequestProblem } from '../team/protocol';

export async function authorshipProblems(
  scenario: Scenario,
  entry: AuditEntry,
  appender: PublicKeyRecord,
): Promise<RequestProblem[]> {
  const { provenance, event } = entry;
  if (provenance?.kind === 'scripted') {
    if (provenance.scenarioHash !== (await scenarioHashOf(scenario)))
      return [{ path: 'entry.provenance.scenarioHash', expected: "the hash of this session's scenario" }];
    const scripted = scenario.events[provenance.step];
    if (!scripted || canonicalJson(scripted) !== canonicalJson(event))
      return [{ path: 'entry.event', expected: `step ${provenance.step + 1} of this session's scenario, exactly` }];
    return [];
  }
  if (!needsSignature(scenario, entry)) return [];
  const problems: RequestProblem[] = [];
  if (!entry.signature || !sameKey(appender, entry.signature))
    problems.push({
      path: 'entry.signature',
      expected: `the signature of the appender's key (${appender.fingerprint}): an operator's entry is signed by its actor`,
    });
  if (event.by.name !== appender.name || event.by.role !== appender.role)
    problems.push({
      path: 'entry.event.by',
      expected: `${appender.name} (${appender.role}), the appender: an admitted key appends only its holder's own entries`,
    });
  return problems;
}
