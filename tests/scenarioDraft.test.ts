/**
 * A scenario written as a draft: every built-in case opened and exported again is the same file; a
 * copy is never the case it came from; each edit is undone and redone exactly; the answer comes from
 * the same fold as the walkthrough's, and flips when one finding's status changes.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { parseScenario, validateScenario } from '../src/files/scenarioFile';
import { canonicalJson } from '../src/session/canonicalJson';
import { draftAnswer, draftVerdict, foldsAlike } from '../src/session/draft/draftAnswer';
import { editDraft, redoDraft, undoDraft } from '../src/session/draft/draftEdits';
import {
  blankDraft,
  canRedo,
  canUndo,
  copyDraft,
  type DraftEdit,
  draftFileText,
  openDraft,
  type ScenarioDraft,
} from '../src/session/draft/scenarioDraft';
import { defaultProfile } from '../src/session/profile';
import { loadBuiltInScenario } from './support';

const wall = '2026-12-06T12:00:00Z';
const files = readdirSync('scenarios').filter((f) => f.endsWith('.json') && f !== 'schema.json');

describe('a scenario draft', () => {
  it.each(files)('%s opened in the editor and exported is the same file for decide', (file) => {
    const text = readFileSync(join('scenarios', file), 'utf8');
    const parsed = parseScenario(file, text);
    if (!parsed.ok) throw new Error(`${file} is invalid`);
    const exported = draftFileText(openDraft(parsed.value, 'd1'));
    expect(canonicalJson(JSON.parse(exported))).toBe(canonicalJson(JSON.parse(text)));
    const reread = parseScenario(file, exported);
    expect(reread.ok && canonicalJson(reread.value)).toBe(canonicalJson(parsed.value));
  });

  it('a copy of a library case is hypothetical, has its own id and title, and says what it was copied from', () => {
    const ms22 = loadBuiltInScenario('soyuz-ms-22.json');
    const copy = copyDraft(ms22, 'd2');
    expect(copy.copiedFrom).toEqual({ id: ms22.id, title: ms22.title });
    expect(copy.file).toMatchObject({ kind: 'hypothetical', id: `${ms22.id}-copy`, title: `${ms22.title} (copy)` });
    expect(String(copy.file.summary)).toContain(`copied from "${ms22.title}"`);
    expect(validateScenario('copy.json', copy.file).ok).toBe(true);
    expect(ms22.kind).toBe('historical');
  });

  it('a blank draft lists what is missing, all at once, and nothing typed is lost to a problem', () => {
    const blank = blankDraft(2, wall, 'd3');
    const checked = validateScenario('new.json', blank.file);
    expect(checked.ok).toBe(false);
    const titled = editDraft(blank, { kind: 'set', path: ['title'], value: 'A what-if' });
    expect(titled.file.title).toBe('A what-if');
    expect(blank.file.title).toBe('');
  });

  it('property: any sequence of edits undone in full gives back the draft, and redone in full gives back the edited one', () => {
    const ms22 = loadBuiltInScenario('soyuz-ms-22.json');
    const start = openDraft(ms22, 'd4');
    const events = ms22.events.length;
    const edit: fc.Arbitrary<DraftEdit> = fc.oneof(
      fc.record({ kind: fc.constant('set' as const), path: fc.constant(['title']), value: fc.string() }),
      fc.record({
        kind: fc.constant('set' as const),
        path: fc.integer({ min: 0, max: events - 1 }).map((i) => ['events', i, 'description']),
        value: fc.string({ minLength: 1 }),
      }),
      fc.record({
        kind: fc.constant('move' as const),
        list: fc.constant(['events']),
        from: fc.integer({ min: 0, max: events - 1 }),
        to: fc.integer({ min: 0, max: events - 1 }),
      }),
      fc.record({ kind: fc.constant('remove' as const), list: fc.constant(['events']), index: fc.integer({ min: 0, max: 3 }) }),
      fc.record({
        kind: fc.constant('insert' as const),
        list: fc.constant(['setup', 'crew']),
        index: fc.integer({ min: 0, max: 3 }),
        value: fc.constant({ id: 'extra', name: 'Extra', canRelocateTo: [] as string[] }),
      }),
    );
    fc.assert(
      fc.property(fc.array(edit, { maxLength: 12 }), (edits) => {
        const edited = edits.reduce<ScenarioDraft>(editDraft, start);
        let back = edited;
        while (canUndo(back)) back = undoDraft(back);
        expect(back.file).toEqual(start.file);
        let again = back;
        while (canRedo(again)) again = redoDraft(again);
        expect(again.file).toEqual(edited.file);
      }),
      { numRuns: 300 },
    );
  });

  it('answers through the walkthrough’s fold: one finding’s status changed flips the recommendation, and undo restores it', async () => {
    const profile = await defaultProfile();
    const library = loadBuiltInScenario('inline-vehicle-class.json');
    const before = draftAnswer(library, profile, wall);
    let draft = copyDraft(library, 'd5');
    // The windows found failed in the file; said nominal in the copy.
    const index = library.events.findIndex(
      (e) => 'system' in e && e.system === 'windows' && 'status' in e && e.status === 'failed',
    );
    expect(index).toBeGreaterThanOrEqual(0);
    draft = editDraft(draft, { kind: 'set', path: ['events', index, 'status'], value: 'nominal' });
    const edited = validateScenario('copy.json', draft.file);
    if (!edited.ok) throw new Error(edited.problems.map((p) => p.expected).join('; '));
    const after = draftAnswer(edited.value, profile, wall);
    expect(before.answer.recommendation?.outcome).toBe('launch-replacement');
    expect(after.answer.recommendation?.outcome).toBe('return-on-damaged-vehicle');
    // The library case comes to what it expects, every event applied; the edited copy does not, and says which events stopped applying.
    expect(draftVerdict(before, library.expected)).toEqual({ asExpected: true, notApplied: [] });
    const verdict = draftVerdict(after, library.expected);
    expect(verdict.asExpected).toBe(false);
    expect(verdict.notApplied.length).toBeGreaterThan(0);
    expect(verdict.notApplied.every(({ eventNumber, step }) => step.event.type === library.events[eventNumber - 1]?.type)).toBe(
      true,
    );
    const undone = validateScenario('copy.json', undoDraft(draft).file);
    if (!undone.ok) throw new Error('undo gave an invalid draft');
    expect(draftAnswer(undone.value, profile, wall).answer.recommendation?.outcome).toBe(before.answer.recommendation?.outcome);
  });

  it('folds alike after a title, summary or description is typed, and not after a status, a time or a setup change', () => {
    const draft = openDraft(loadBuiltInScenario('inline-vehicle-class.json'), 'd6');
    const edited = (edit: DraftEdit) => editDraft(draft, edit).file;
    expect(foldsAlike(draft.file, edited({ kind: 'set', path: ['title'], value: 'Another title' }))).toBe(true);
    expect(foldsAlike(draft.file, edited({ kind: 'set', path: ['summary'], value: 'Another summary' }))).toBe(true);
    expect(foldsAlike(draft.file, edited({ kind: 'set', path: ['events', 3, 'description'], value: 'Said otherwise' }))).toBe(
      true,
    );
    expect(foldsAlike(draft.file, edited({ kind: 'set', path: ['events', 6, 'status'], value: 'nominal' }))).toBe(false);
    expect(foldsAlike(draft.file, edited({ kind: 'set', path: ['events', 3, 'at'], value: '2040-01-01T00:00:00Z' }))).toBe(false);
    expect(foldsAlike(draft.file, edited({ kind: 'set', path: ['setup', 'startUtc'], value: '2000-01-01T00:00:00Z' }))).toBe(
      false,
    );
    expect(foldsAlike(draft.file, edited({ kind: 'remove', list: ['events'], index: 0 }))).toBe(false);
  });
});
