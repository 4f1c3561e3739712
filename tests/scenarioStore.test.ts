import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { openScenarioStore } from '../src/files/scenarioStore';
import { openSessionStore, sessionIdOf } from '../src/files/sessionStore';
import { extendLedger } from '../src/record/ledger';
import { admitOpenedScenario } from '../src/session/openedScenario';
import { defaultProfile } from '../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough } from '../src/session/walkthrough';
import { by, loadBuiltInScenario } from './support';

const ms22 = loadBuiltInScenario('soyuz-ms-22.json');

describe('scenarios opened from files, kept in IndexedDB', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('keeps each opened scenario, with its file name and imported id, until it is removed', async () => {
    const copy = admitOpenedScenario([ms22], [], ms22, 'dropped.json', '2026-11-27T08:00:00Z');
    const other = admitOpenedScenario([ms22], [copy], ms22, 'again.json', '2026-11-27T08:01:00Z');
    const store = await openScenarioStore();
    await store.put(other);
    await store.put(copy);
    expect(await (await openScenarioStore()).load()).toEqual({ readable: [copy, other], unreadable: [] });

    await store.remove(copy.scenario.id);
    expect((await store.load()).readable).toEqual([other]);
  });

  it('reports a stored scenario that no longer validates (file, field, expected) and does not offer it', async () => {
    const store = await openScenarioStore();
    const { title: _, ...untitled } = ms22;
    await store.put({ scenario: untitled as never, fileName: 'old.json', idInFile: ms22.id, addedUtc: '2026-11-27T08:00:00Z' });
    const { readable, unreadable } = await store.load();
    expect(readable).toEqual([]);
    expect(unreadable).toEqual([
      { id: ms22.id, fileName: 'old.json', problems: [{ file: 'old.json', path: 'title', expected: expect.any(String) }] },
    ]);
  });

  it('upgrades a version-2 database and keeps its sessions and their entries', async () => {
    const profile = await defaultProfile();
    const walkthrough = moveTo(openWalkthrough(ms22, profile, '2026-11-25T10:00:00Z'), 4, '2026-11-25T10:02:00Z');
    const entries = await extendLedger(ms22, profile, [], foldWalkthrough(walkthrough));
    const id = sessionIdOf(walkthrough);
    const v2 = await openDB('crew-return-decision-support', 2, {
      upgrade(db) {
        db.createObjectStore('sessions', { keyPath: 'id' });
        db.createObjectStore('entries', { keyPath: ['sessionId', 'seq'] });
      },
    });
    const stored = { id, walkthrough, operator: by, updatedUtc: '2026-11-25T10:03:00Z' };
    await v2.put('sessions', { ...stored, entryCount: entries.length, headHash: entries.at(-1)?.hash });
    for (const entry of entries) await v2.add('entries', { sessionId: id, seq: entry.seq, entry });
    v2.close();

    const scenarios = await openScenarioStore();
    expect(await scenarios.load()).toEqual({ readable: [], unreadable: [] });
    expect(await (await openSessionStore()).load(id)).toEqual({ ...stored, entries });
  });
});
