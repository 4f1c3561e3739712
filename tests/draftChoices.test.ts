/**
 * What the editor's fields offer comes from the draft itself: its sources, vehicles and crew, and the
 * damaged vehicle's class from the catalogue or from the file. A field set inside an object not there
 * yet makes it, in one edit that one undo takes back.
 */
import { describe, expect, it } from 'vitest';
import { validateScenario } from '../src/files/scenarioFile';
import { classChoices, draftChoices, ownClassEdit } from '../src/session/draft/draftChoices';
import { editDraft, undoDraft } from '../src/session/draft/draftEdits';
import { openDraft } from '../src/session/draft/scenarioDraft';
import { loadBuiltInScenario } from './support';

describe('the choices a draft offers', () => {
  it('names the file’s own sources then derived and assumed, its docked vehicles, its crew, and its class’s systems', () => {
    const scenario = loadBuiltInScenario('orbital-module-leak.json');
    const choices = draftChoices(openDraft(scenario, 'd1').file);
    expect(choices.sourceKeys).toEqual([...Object.keys(scenario.sources), 'derived', 'assumed']);
    expect(choices.otherVehicleIds).toEqual(['dragon-h14']);
    expect(choices.crewIds).toEqual(['commander-h14', 'engineer-h14', 'astronaut-h14']);
    expect(choices.damagedClass?.modules).toEqual(['orbital', 'descent', 'instrument']);
    expect(choices.damagedClass?.systems).toContainEqual({ id: 'heat-shield', module: 'descent', label: 'Heat shield' });
    expect(choices.damagedClass?.thrusterGroups).toEqual(['attitude', 'descent-module']);
  });

  it('reads a class described in the file as it reads the catalogue’s, and none while the class is neither', () => {
    const inline = loadBuiltInScenario('inline-vehicle-class.json');
    const described = inline.setup.damagedVehicle.class;
    expect(typeof described).toBe('object');
    expect(draftChoices(openDraft(inline, 'd2').file).damagedClass?.systems.map((s) => s.id)).toContain('windows');
    expect(classChoices('no-such-class')).toBeNull();
    expect(classChoices(undefined)).toBeNull();
  });

  it('a class of its own started from a catalogue class is valid as the file describes it, its sources added, in one undoable edit', () => {
    const scenario = loadBuiltInScenario('orbital-module-leak.json');
    const draft = openDraft(scenario, 'd4');
    const vehicle = ['setup', 'damagedVehicle'];
    const own = editDraft(draft, ownClassEdit(draft.file, vehicle, 'soyuz-ms', 'soyuz-h14'));
    const checked = validateScenario('own.json', own.file);
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.path}: ${p.expected}`)).toEqual([]);
    if (!checked.ok) return;
    const ownClass = checked.value.setup.damagedVehicle.class;
    expect(typeof ownClass === 'object' && ownClass.id).toBe('soyuz-h14-class');
    expect(Object.keys(checked.value.sources)).toEqual(
      expect.arrayContaining(['RSW-SA', 'RSW-KDU', ...Object.keys(scenario.sources)]),
    );
    expect(undoDraft(own).file).toEqual(draft.file);
  });

  it('a value set inside a finding without one makes the value, and one undo takes the whole of it back', () => {
    const scenario = loadBuiltInScenario('orbital-module-leak.json');
    const draft = openDraft(scenario, 'd3');
    const at = scenario.events.findIndex((e) => 'status' in e && !('value' in e));
    const edited = editDraft(draft, { kind: 'set', path: ['events', at, 'value', 'nominal'], value: 3 });
    expect((edited.file.events as Record<string, unknown>[])[at]?.value).toEqual({ nominal: 3 });
    expect(undoDraft(edited).file).toEqual(draft.file);
    // A list index that is not there is not made: nothing changes.
    expect(editDraft(draft, { kind: 'set', path: ['events', 999, 'description'], value: 'x' })).toBe(draft);
  });

  it('a source renamed is renamed wherever the file cites it, and one undo takes the whole of it back', () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const draft = openDraft(scenario, 'd7');
    const citing = (file: unknown, key: string) => JSON.stringify(file).split(`"${key}"`).length - 1;
    // One key a vehicle cites, one the events cite.
    const byVehicle = scenario.setup.damagedVehicle.sources?.find((key) => key in scenario.sources) as string;
    const byEvents = scenario.events
      .flatMap((e) => e.sources)
      .find((key) => key in scenario.sources && key !== byVehicle) as string;
    expect(citing(draft.file.setup, byVehicle)).toBeGreaterThan(0);
    expect(citing(draft.file.events, byEvents)).toBeGreaterThan(0);
    let renamed = editDraft(draft, { kind: 'renameSource', from: byVehicle, to: 'RENAMED-1' });
    renamed = editDraft(renamed, { kind: 'renameSource', from: byEvents, to: 'RENAMED-2' });
    const renaming: Record<string, string> = { [byVehicle]: 'RENAMED-1', [byEvents]: 'RENAMED-2' };
    expect(Object.keys(renamed.file.sources as object)).toEqual(Object.keys(scenario.sources).map((k) => renaming[k] ?? k));
    expect(citing(renamed.file, byVehicle) + citing(renamed.file, byEvents)).toBe(0);
    const checked = validateScenario('renamed.json', renamed.file);
    expect(checked.ok ? [] : checked.problems.map((p) => `${p.path}: ${p.expected}`)).toEqual([]);
    expect(undoDraft(undoDraft(renamed)).file).toEqual(draft.file);
    // Onto a key another source has: nothing changes.
    expect(editDraft(draft, { kind: 'renameSource', from: byVehicle, to: byEvents })).toBe(draft);
  });
});
