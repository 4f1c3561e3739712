import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Scenario } from '../scenarios/schema';
import { parseScenario } from '../src/files/scenarioFile';
import { draftAnswer } from '../src/session/draft/draftAnswer';
import { defaultProfile } from '../src/session/profile';

type ScenarioEvent = Scenario['events'][number];

/** The built-in scenario with the most events (the longest case a user can copy from the library). */
function longestBuiltIn(): Scenario {
  const cases = readdirSync('scenarios')
    .filter((name) => name.endsWith('.json') && name !== 'schema.json')
    .map((name) => parseScenario(name, readFileSync(join('scenarios', name), 'utf8')))
    .flatMap((parsed) => (parsed.ok ? [parsed.value] : []));
  const longest = cases.reduce<Scenario | undefined>((a, b) => (a && a.events.length >= b.events.length ? a : b), undefined);
  if (!longest) throw new Error('no valid scenario in scenarios/');
  return longest;
}

/**
 * The longest built-in case padded to `eventCount` events with copies of its last inspection finding,
 * re-reported at even times (whole minutes) between that finding and the event after it (the same value each time, so
 * the case's answer stays its own). Checked by the scenario schema and answering as the case it pads does.
 */
export async function paddedCase(eventCount: number): Promise<{ scenario: Scenario; fileText: string; paddedFrom: string }> {
  const original = longestBuiltIn();
  const at = original.events.findLastIndex((e) => e.type === 'inspection.finding');
  const finding = original.events[at];
  const next = original.events[at + 1];
  if (!finding || !next) throw new Error(`${original.id} has no inspection finding followed by another event to pad with`);
  const copies = eventCount - original.events.length;
  const fromMs = Date.parse(finding.at);
  const stepMs = (Date.parse(next.at) - fromMs) / (copies + 1);
  const padding: ScenarioEvent[] = Array.from({ length: copies }, (_, i) => ({
    ...finding,
    at: new Date(fromMs + Math.round(((i + 1) * stepMs) / 60_000) * 60_000).toISOString().replace('.000Z', 'Z'),
    description: `${finding.description} (re-reported, ${i + 1} of ${copies})`,
  }));
  const padded = {
    ...original,
    id: `${original.id}-${eventCount}-events`,
    title: `${original.title}, ${eventCount} events`,
    kind: 'hypothetical' as const,
    events: [...original.events.slice(0, at + 1), ...padding, ...original.events.slice(at + 1)],
  };
  const fileText = `${JSON.stringify(padded, null, 2)}\n`;
  const parsed = parseScenario(`${padded.id}.json`, fileText);
  if (!parsed.ok) throw new Error(`the padded case is invalid: ${JSON.stringify(parsed.problems.slice(0, 3))}`);
  const profile = await defaultProfile();
  // The answer the editor shows (recommendation and deciding row, in force), worked out as it does.
  const answerOf = (scenario: Scenario) => {
    const { recommendation, decidingRow } = draftAnswer(scenario, profile, scenario.setup.startUtc).answer ?? {};
    return `${recommendation?.outcome ?? 'none'} by row ${decidingRow?.index ?? '—'}`;
  };
  if (answerOf(parsed.value) !== answerOf(original))
    throw new Error(`the padded case answers ${answerOf(parsed.value)}, ${original.id} ${answerOf(original)}`);
  if (parsed.value.events.length !== eventCount) throw new Error(`the padded case has ${parsed.value.events.length} events`);
  return { scenario: parsed.value, fileText, paddedFrom: original.id };
}
