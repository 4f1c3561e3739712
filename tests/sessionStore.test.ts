import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { openDB } from 'idb';
import { beforeEach, describe, expect, it } from 'vitest';
import { NotWriterError, openSessionStore, sessionIdOf } from '../src/files/sessionStore';
import { storageFailure } from '../src/files/storageFailure';
import { extendLedger } from '../src/record/ledger';
import { defaultProfile } from '../src/session/profile';
import { foldWalkthrough, moveTo, openWalkthrough } from '../src/session/walkthrough';
import { by, loadBuiltInScenario } from './support';

describe('session store (IndexedDB)', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('saves and restores a session exactly, and lists past sessions newest first', async () => {
    const store = await openSessionStore();
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const walkthrough = moveTo(openWalkthrough(scenario, profile, '2026-11-25T10:00:00Z'), 12, '2026-11-25T10:02:00Z');
    const entries = await extendLedger(scenario, profile, [], foldWalkthrough(walkthrough));
    await store.save(
      { id: sessionIdOf(walkthrough), walkthrough, entries, operator: by, updatedUtc: '2026-11-25T10:03:00Z' },
      'page-1',
    );
    const older = openWalkthrough(loadBuiltInScenario('nominal-mission.json'), profile, '2026-11-25T09:00:00Z');
    await store.save(
      { id: sessionIdOf(older), walkthrough: older, entries: [], operator: null, updatedUtc: '2026-11-25T09:00:00Z' },
      'page-1',
    );

    const restored = await store.latest();
    expect(restored?.walkthrough).toEqual(walkthrough);
    expect(restored?.entries).toEqual(entries);
    expect(restored?.operator).toEqual(by);
    expect((await store.list()).map((s) => [s.title, s.entryCount])).toEqual([
      ['Soyuz MS-22 coolant leak', 12],
      ['Nominal mission, no anomaly', 0],
    ]);
  });

  it('appends entries and never rewrites a stored one', async () => {
    const store = await openSessionStore();
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const walkthrough = moveTo(openWalkthrough(scenario, profile, '2026-11-25T10:00:00Z'), 12, '2026-11-25T10:02:00Z');
    const entries = await extendLedger(scenario, profile, [], foldWalkthrough(walkthrough));
    const id = sessionIdOf(walkthrough);
    await store.save({ id, walkthrough, entries, operator: by, updatedUtc: '2026-11-25T10:03:00Z' }, 'page-1');

    const further = moveTo(walkthrough, 13, '2026-11-25T10:04:00Z');
    const more = await extendLedger(scenario, profile, entries, foldWalkthrough(further));
    const altered = structuredClone(more);
    (altered[0] as (typeof altered)[number]).event.by.name = 'Someone else';
    await store.save({ id, walkthrough: further, entries: altered, operator: by, updatedUtc: '2026-11-25T10:05:00Z' }, 'page-1');

    const restored = await store.load(id);
    expect(restored?.walkthrough).toEqual(further);
    expect(restored?.entries).toEqual(more);
    expect((await store.list())[0]).toMatchObject({ entryCount: 13, headHash: more.at(-1)?.hash });
  });

  it('moves sessions stored by the first version (entries inside the session) to one record per entry', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const walkthrough = moveTo(openWalkthrough(scenario, profile, '2026-11-25T10:00:00Z'), 5, '2026-11-25T10:02:00Z');
    const entries = await extendLedger(scenario, profile, [], foldWalkthrough(walkthrough));
    const old = { id: sessionIdOf(walkthrough), walkthrough, entries, operator: by, updatedUtc: '2026-11-25T10:03:00Z' };
    const v1 = await openDB('crew-return-decision-support', 1, {
      upgrade: (db) => void db.createObjectStore('sessions', { keyPath: 'id' }),
    });
    await v1.put('sessions', old);
    v1.close();

    const store = await openSessionStore();
    expect(await store.load(old.id)).toEqual(old);
    expect(await store.list()).toEqual([
      {
        id: old.id,
        title: scenario.title,
        openedUtc: walkthrough.openedUtc,
        updatedUtc: old.updatedUtc,
        entryCount: 5,
        headHash: entries.at(-1)?.hash,
        restorable: true,
      },
    ]);
  });

  it('keeps a session an earlier version wrote in a shape this one cannot read, and neither restores nor reopens it', async () => {
    const scenario = loadBuiltInScenario('late-life-reduced-crew.json');
    const profile = await defaultProfile();
    const walkthrough = openWalkthrough(scenario, profile, '2026-11-26T09:00:00Z');
    const store = await openSessionStore();
    const readable = { id: sessionIdOf(walkthrough), walkthrough, entries: [], operator: by, updatedUtc: '2026-11-26T09:00:00Z' };
    await store.save(readable, 'page-1');
    // The scenario shape before the vehicle catalogue: seats on the vehicle, no class.
    const { class: _, ...oldVehicle } = { ...scenario.setup.damagedVehicle, seats: 3 };
    const older = {
      ...walkthrough,
      openedUtc: '2026-11-26T10:00:00Z',
      scenario: { ...scenario, setup: { ...scenario.setup, damagedVehicle: oldVehicle } },
    };
    const unreadable = {
      id: `${scenario.id}@${older.openedUtc}`,
      walkthrough: older as never,
      entries: [],
      operator: by,
      updatedUtc: '2026-11-26T10:00:00Z',
    };
    await store.save(unreadable, 'page-1');
    expect((await store.list()).map((s) => [s.id, s.restorable])).toEqual([
      [unreadable.id, false],
      [readable.id, true],
    ]);
    expect(await store.load(unreadable.id)).toBeUndefined();
    expect((await store.latest())?.id).toBe(readable.id);
  });

  it('one writer: after another page claims a session, a write of the page before is refused whole', async () => {
    const store = await openSessionStore();
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const walkthrough = moveTo(openWalkthrough(scenario, profile, '2026-11-25T10:00:00Z'), 5, '2026-11-25T10:02:00Z');
    const id = sessionIdOf(walkthrough);
    const entries = await extendLedger(scenario, profile, [], foldWalkthrough(walkthrough));
    await store.save({ id, walkthrough, entries, operator: by, updatedUtc: '2026-11-25T10:03:00Z' }, 'first tab');

    const claimed = await store.claim(id, 'second tab');
    expect(claimed?.walkthrough).toEqual(walkthrough);
    expect(claimed?.entries).toEqual(entries);
    const further = moveTo(walkthrough, 6, '2026-11-25T10:04:00Z');
    const more = await extendLedger(scenario, profile, entries, foldWalkthrough(further));
    const late = { id, walkthrough: further, entries: more, operator: by, updatedUtc: '2026-11-25T10:05:00Z' };
    await expect(store.save(late, 'first tab')).rejects.toBeInstanceOf(NotWriterError);
    expect((await store.load(id))?.entries).toHaveLength(5);
    expect((await store.list())[0]).toMatchObject({ entryCount: 5, headHash: entries.at(-1)?.hash });

    await store.save(late, 'second tab');
    expect((await store.load(id))?.entries).toEqual(more);
    expect(await store.claim('not stored', 'second tab')).toBeUndefined();
  });

  it('says what a storage failure is by its name, whatever its message', () => {
    expect(storageFailure(new DOMException('', 'QuotaExceededError'))).toBe(
      "the browser's storage quota for this site is used up (QuotaExceededError)",
    );
    expect(storageFailure(new DOMException('', 'UnknownError'))).toContain('could not write');
    expect(storageFailure(new DOMException('The transaction was aborted.', 'AbortError'))).toContain('aborted');
    expect(storageFailure(new DOMException('', 'InvalidStateError'))).toContain('closed');
    expect(storageFailure(new Error(''))).toBe('Error');
    expect(storageFailure(undefined)).toBe('an unexplained storage failure');
  });

  it('fails clearly where there is no IndexedDB', async () => {
    await expect(openSessionStore(false)).rejects.toThrow('no IndexedDB');
  });
});
