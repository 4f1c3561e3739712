/**
 * Whose each entry is. A format 4 entry says so in its hashed content (`provenance`), and verification
 * holds a scripted one to the scenario's event at its step; a format 3 entry does not, and is read as
 * it was then: the script's when its event is, canonically, one of the scenario's.
 */
import type { Scenario } from '../../scenarios/schema';
import { canonicalJson } from '../session/canonicalJson';
import type { CrewReturnEvent } from '../session/model';
import { scenarioHashOf } from './builtIns';
import { type AuditEntry, type DecisionPacket, provenanceFreeFormatVersion } from './packetSchema';

const scriptByScenario = new WeakMap<Scenario, readonly string[]>();
const scriptOf = (scenario: Scenario) => {
  let script = scriptByScenario.get(scenario);
  if (!script) {
    script = scenario.events.map((e) => canonicalJson(e));
    scriptByScenario.set(scenario, script);
  }
  return script;
};

/** Format 3's reading: an event that is one of the scenario's, wherever it stands, is the script's. */
const isScriptedEvent = (scenario: Scenario, event: CrewReturnEvent) => scriptOf(scenario).includes(canonicalJson(event));

/** Whether an entry is the scenario's scripted step (bound by the genesis hash) rather than an operator's. */
export const isScriptedEntry = (scenario: Scenario, entry: Pick<AuditEntry, 'provenance' | 'event'>) =>
  entry.provenance ? entry.provenance.kind === 'scripted' : isScriptedEvent(scenario, entry.event);

/**
 * Each entry's scenario step (undefined: an operator's), as its provenance says; for format 3 entries,
 * as their replay took them: an entry whose event is the next scripted step's is that step.
 */
export function scriptedStepsOf(scenario: Scenario, entries: readonly AuditEntry[]): (number | undefined)[] {
  const script = scriptOf(scenario);
  let reached = 0;
  return entries.map(({ provenance, event }) => {
    if (provenance) return provenance.kind === 'scripted' ? provenance.step : undefined;
    return reached < script.length && canonicalJson(event) === script[reached] ? reached++ : undefined;
  });
}

/**
 * Where an entry's provenance does not hold, and why: a scripted entry must be the next step of the
 * packet's own scenario (each step once, in order) and carry that step's event exactly; every entry of
 * a format 4 packet says whose it is, none of a format 3 packet does. Null when all hold.
 */
export async function provenanceProblem(packet: DecisionPacket): Promise<{ seq: number; reason: string } | null> {
  const provenanceFree = packet.formatVersion === provenanceFreeFormatVersion;
  const script = scriptOf(packet.scenario);
  const scenarioHash = await scenarioHashOf(packet.scenario);
  let next = 0;
  for (const { seq, provenance, event } of packet.entries) {
    if (provenanceFree !== (provenance === undefined))
      return {
        seq,
        reason: provenanceFree ? 'carries a provenance, which a format 3 packet has not' : 'does not say whose entry it is',
      };
    if (provenance?.kind !== 'scripted') continue;
    const { step } = provenance;
    if (provenance.scenarioHash !== scenarioHash)
      return { seq, reason: `claims to be step ${step + 1} of another scenario (sha256 ${provenance.scenarioHash})` };
    if (step !== next)
      return {
        seq,
        reason: `claims to be scripted step ${step + 1} where step ${next + 1} is next (each step comes once, in order)`,
      };
    if (script[step] !== canonicalJson(event))
      return { seq, reason: `claims to be scripted step ${step + 1}, but its event is not that step's` };
    next++;
  }
  return null;
}
