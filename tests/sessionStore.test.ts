import 'fake-indexeddb/auto';
import { describe, expect, it } from 'vitest';
import { extendLedger } from '../src/session/audit';
import { defaultProfile } from '../src/session/profile';
import { openSessionStore, sessionIdOf } from '../src/session/sessionStore';
import { moveTo, openWalkthrough, recordedEvents } from '../src/session/walkthrough';
import { by, loadBuiltInScenario } from './support';

describe('session store (IndexedDB)', () => {
  it('saves and restores a session exactly, and lists past sessions newest first', async () => {
    const store = await openSessionStore();
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const profile = await defaultProfile();
    const walkthrough = moveTo(openWalkthrough(scenario, profile, '2026-11-25T10:00:00Z'), 12, '2026-11-25T10:02:00Z');
    const entries = await extendLedger(scenario, profile, [], recordedEvents(walkthrough));
    await store.save({ id: sessionIdOf(walkthrough), walkthrough, entries, operator: by, updatedUtc: '2026-11-25T10:03:00Z' });
    const older = openWalkthrough(loadBuiltInScenario('nominal-mission.json'), profile, '2026-11-25T09:00:00Z');
    await store.save({
      id: sessionIdOf(older),
      walkthrough: older,
      entries: [],
      operator: null,
      updatedUtc: '2026-11-25T09:00:00Z',
    });

    const restored = await store.latest();
    expect(restored?.walkthrough).toEqual(walkthrough);
    expect(restored?.entries).toEqual(entries);
    expect(restored?.operator).toEqual(by);
    expect((await store.list()).map((s) => [s.title, s.entryCount])).toEqual([
      ['Soyuz MS-22 coolant leak', 12],
      ['Nominal mission, no anomaly', 0],
    ]);
  });

  it('fails clearly where there is no IndexedDB', async () => {
    await expect(openSessionStore(false)).rejects.toThrow('no IndexedDB');
  });
});
