import { describe, expect, it } from 'vitest';
import { createActor } from 'xstate';
import { admitOpenedScenario, importedCopyId } from '../src/session/openedScenario';
import { defaultProfile } from '../src/session/profile';
import { appMachine } from '../src/ui/app/appMachine';
import { loadBuiltInScenario } from './support';

const ms22 = loadBuiltInScenario('soyuz-ms-22.json');
const nominal = loadBuiltInScenario('nominal-mission.json');
const when = '2026-11-27T08:00:00Z';

describe('a scenario opened from a file beside the built-in library', () => {
  it('keeps its own id when nothing in the library has it', () => {
    const mine = { ...nominal, id: 'my-nominal' };
    const opened = admitOpenedScenario([ms22, nominal], [], mine, 'mine.json', when);
    expect(opened).toEqual({ scenario: mine, fileName: 'mine.json', idInFile: 'my-nominal', addedUtc: when });
  });

  it('becomes an imported copy with its own id when its id is a built-in one, and the built-in is untouched', () => {
    const claim = { ...ms22, expected: { ...ms22.expected, outcome: 'emergency-return' as const } };
    const library = [ms22, nominal];
    const opened = admitOpenedScenario(library, [], claim, 'ms22-edited.json', when);
    expect(opened.scenario.id).toBe('soyuz-ms-22-imported-2');
    expect(opened.idInFile).toBe('soyuz-ms-22');
    expect(opened.scenario.expected.outcome).toBe('emergency-return');
    // Edited, it is no longer the historical record it claims to be; unedited, it still is.
    expect(opened.scenario.kind).toBe('hypothetical');
    expect(admitOpenedScenario(library, [], ms22, 'ms22.json', when).scenario.kind).toBe('historical');
    expect(library).toEqual([ms22, nominal]);
    expect(ms22.id).toBe('soyuz-ms-22');
    expect(ms22.expected.outcome).toBe('launch-replacement');
  });

  it('numbers copies past every id already taken, opened ones included', () => {
    const first = admitOpenedScenario([ms22], [], ms22, 'a.json', when);
    const second = admitOpenedScenario([ms22], [first], ms22, 'b.json', when);
    const ofCopy = admitOpenedScenario([ms22], [first, second], first.scenario, 'c.json', when);
    expect([first.scenario.id, second.scenario.id, ofCopy.scenario.id]).toEqual([
      'soyuz-ms-22-imported-2',
      'soyuz-ms-22-imported-3',
      'soyuz-ms-22-imported-2-imported-2',
    ]);
    expect(importedCopyId('x', new Set(['x', 'x-imported-2', 'x-imported-4']))).toBe('x-imported-3');
  });

  it('the app flow adds the copy beside the built-in one, opens it, and removes it on request', async () => {
    const actor = createActor(appMachine, {
      input: { library: [ms22], defaultProfile: await defaultProfile(), restored: undefined, storageProblem: null },
    }).start();
    actor.send({ type: 'scenario.add', scenario: ms22, fileName: 'dropped.json', openedUtc: when });
    const { context } = actor.getSnapshot();
    expect(context.library).toEqual([ms22]);
    expect(context.openedScenarios.map((o) => [o.scenario.id, o.fileName])).toEqual([['soyuz-ms-22-imported-2', 'dropped.json']]);
    expect(context.walkthrough?.scenario.id).toBe('soyuz-ms-22-imported-2');

    actor.send({ type: 'scenario.remove', id: 'soyuz-ms-22-imported-2' });
    expect(actor.getSnapshot().context.openedScenarios).toEqual([]);
    expect(actor.getSnapshot().context.library).toEqual([ms22]);
  });
});
