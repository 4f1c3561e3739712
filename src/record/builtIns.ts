/** Whether a packet's scenario is one this build ships: its scripted events are then the build's, not the sealer's word. */
import type { Scenario } from '../../scenarios/schema';
import { canonicalJson, sha256Hex } from '../session/canonicalJson';
import { builtInScenarioHashes } from './builtInScenarioHashes';

export interface ScenarioIdentity {
  hash: string;
  /** The id and content of a built-in scenario. */
  builtIn: boolean;
  /** Carries a built-in scenario's id with other content. */
  claimsBuiltIn: boolean;
}

const hashByScenario = new WeakMap<Scenario, Promise<string>>();

/** The SHA-256 of the scenario's canonical JSON: which scenario a scripted entry is a step of. */
export function scenarioHashOf(scenario: Scenario): Promise<string> {
  let hash = hashByScenario.get(scenario);
  if (!hash) {
    hash = sha256Hex(canonicalJson(scenario));
    hashByScenario.set(scenario, hash);
  }
  return hash;
}

export async function scenarioIdentity(scenario: Scenario): Promise<ScenarioIdentity> {
  const hash = await scenarioHashOf(scenario);
  const known = Object.hasOwn(builtInScenarioHashes, scenario.id) ? builtInScenarioHashes[scenario.id] : undefined;
  return { hash, builtIn: known === hash, claimsBuiltIn: known !== undefined && known !== hash };
}

/** "scenario soyuz-ms-22 (sha256 …): built in" and the like. */
export function scenarioIdentitySentence(scenario: Scenario, identity: ScenarioIdentity): string {
  const head = `scenario ${scenario.id}, sha256 ${identity.hash}`;
  if (identity.builtIn) return `${head}: a built-in scenario (its scripted events are this build's)`;
  if (identity.claimsBuiltIn)
    return `${head}: NOT the built-in scenario of that id (its content differs): its scripted events are vouched for only by the seal`;
  return `${head}: not a built-in scenario: its scripted events are vouched for only by the seal`;
}
