import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseScenario, scenarioProblems, validateScenario } from '../src/files/scenarioFile';
import { problemWords } from '../src/reports/format';
import { scenarioDir } from './support';

const draftOf = (file: string) => JSON.parse(readFileSync(join(scenarioDir, file), 'utf8'));

/** MS-22 with a shape broken in three places and the checks across fields broken in three others. */
function brokenDraft() {
  const draft = draftOf('soyuz-ms-22.json');
  delete draft.setup.crew; // shape: missing
  draft.title = ''; // shape: empty
  draft.events[0].type = 'anomaly.detekt'; // shape: unknown event type
  draft.events[1].sources = ['NOT-A-SOURCE']; // checks: a source this file does not cite
  draft.events.at(-1).at = '2000-01-01T00:00:00Z'; // checks: out of time order
  draft.setup.otherVehicles[0].launchedUtc = '2099-01-01T00:00:00Z'; // checks: launched after the start
  return draft;
}

describe('scenarioProblems: every problem of a draft in one pass, each at its field', () => {
  it('reports the shape and the checks across fields together, never in two rounds', () => {
    const problems = scenarioProblems(brokenDraft());
    const last = draftOf('soyuz-ms-22.json').events.length - 1;
    expect(problems.map((p) => p.path)).toEqual(
      expect.arrayContaining([
        ['title'],
        ['setup', 'crew'],
        ['events', 0, 'type'],
        ['events', 1, 'sources', 0],
        ['events', last, 'at'],
        ['setup', 'otherVehicles', 0, 'launchedUtc'],
      ]),
    );
    expect(problems).toHaveLength(6);
  });

  it('says what was expected and what was found, in plain words', () => {
    const byPath = new Map(scenarioProblems(brokenDraft()).map((p) => [p.path.join('.'), p.expected]));
    expect(byPath.get('setup.crew')).toBe(
      'missing; expected the crew, a list of people with their seats (1 to 7), each with the vehicles they may move to',
    );
    expect(byPath.get('title')).toBe('a text, not empty, got an empty text');
    expect(byPath.get('events.0.type')).toBe('a known event type, got "anomaly.detekt" (closest: anomaly.detect)');
    expect(byPath.get('events.1.sources.0')).toBe(`a key of this file's sources, "derived" or "assumed", got "NOT-A-SOURCE"`);
    for (const message of byPath.values()) expect(message).not.toMatch(/Invalid input|received undefined/);
  });

  it('checks the events that parsed even when another event is broken', () => {
    const draft = draftOf('small-leak-nominal.json');
    draft.events[0].by = 'nobody'; // this event fails its shape
    const finding = draft.events.findIndex((e: { quantity?: string }) => e.quantity === 'coolantRemainingPct');
    draft.events[finding].value = { nominal: 140, source: 'assumed' };
    const problems = scenarioProblems(draft);
    expect(problems).toContainEqual({
      path: ['events', 0, 'by'],
      expected: expect.stringMatching(/^who: an object with a name and a role, .*, got "nobody"$/),
    });
    expect(problems).toContainEqual({
      path: ['events', finding, 'value', 'nominal'],
      expected: expect.stringMatching(/^Coolant remaining: a number from 0 to 100 %, got 140$/),
    });
  });

  it('shows a found text short and with its control characters spelled out', () => {
    const draft = draftOf('small-leak-nominal.json');
    draft.kind = `\u001b[2J${'x'.repeat(200)}`;
    const [problem] = scenarioProblems(draft);
    expect(problem?.path).toEqual(['kind']);
    expect(problem?.expected).toMatch(/^one of historical, hypothetical, got "\\u001b\[2Jx+…"$/);
    expect(problem?.expected.length).toBeLessThan(100);
  });

  it('a whole file that is not a scenario is one problem per missing field, no crash', () => {
    expect(scenarioProblems([1, 2])).toEqual([{ path: [], expected: 'an object (fields in braces), got a list of 2' }]);
    expect(scenarioProblems({}).map((p) => p.expected)).toContain(
      'missing; expected the timeline, in time order: findings, reports, decisions, campaign events',
    );
  });

  it('is empty for every built-in scenario, and agrees with what decide reads', () => {
    for (const file of ['soyuz-ms-22.json', 'inline-vehicle-class.json']) {
      expect(scenarioProblems(draftOf(file))).toEqual([]);
      expect(parseScenario(file, readFileSync(join(scenarioDir, file), 'utf8')).ok).toBe(true);
    }
    const broken = parseScenario('broken.json', JSON.stringify(brokenDraft()));
    expect(broken.ok ? [] : broken.problems.map((p) => p.path)).toContain('events[1].sources[0]');
  });

  it('reads in the app as it does in the CLI: a missing field says so, a wrong value says what was expected', () => {
    const checked = validateScenario('broken.json', brokenDraft());
    const words = checked.ok ? [] : checked.problems.map(problemWords);
    expect(words).toContain(
      'setup.crew: missing; expected the crew, a list of people with their seats (1 to 7), each with the vehicles they may move to',
    );
    expect(words).toContain('events[0].type: expected a known event type, got "anomaly.detekt" (closest: anomaly.detect)');
  });

  it('says a problem once where both sides of an event judge the same field', () => {
    const draft = draftOf('small-leak-nominal.json');
    draft.events[2].sources = [];
    draft.events[3] = 5;
    expect(scenarioProblems(draft)).toEqual([
      { path: ['events', 2, 'sources'], expected: 'a list of at least 1 item, got an empty list' },
      { path: ['events', 3], expected: 'an object (fields in braces), got 5' },
    ]);
  });
});
