import 'fake-indexeddb/auto';
import { IDBFactory } from 'fake-indexeddb';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { createActor, waitFor } from 'xstate';
import { openSessionStore, type SessionStore, sessionIdOf } from '../src/files/sessionStore';
import { defaultProfile } from '../src/session/profile';
import { appMachine } from '../src/ui/app/appMachine';
import { saveStatus } from '../src/ui/app/saveStatus';
import { loadBuiltInScenario } from './support';
import { webLocks } from './webLocks';

const wall = '2026-11-26T10:00:00Z';
const flight = { name: 'Flight', role: 'flight director' };
const change = (value: number) =>
  ({
    type: 'change.request',
    change: { kind: 'event', request: { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value } },
    wallClockUtc: wall,
  }) as const;

/** The app with its real actors over `store`: a session opened at step 17, its lock claimed. */
async function openedWith(store: SessionStore) {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const actor = createActor(appMachine, {
    input: { library: [scenario], defaultProfile: await defaultProfile(), restored: undefined, storageProblem: null, store },
  }).start();
  actor.send({ type: 'scenario.open', scenario, openedUtc: wall });
  actor.send({ type: 'step.to', cursor: 17, wallClockUtc: wall });
  await waitFor(actor, (s) => s.context.writer === 'writing');
  const walkthrough = actor.getSnapshot().context.walkthrough;
  if (!walkthrough) throw new Error('no session');
  return { actor, sessionId: sessionIdOf(walkthrough) };
}

/** A store whose writes wait until the test lets them through: the write itself is the store's own. */
function heldBack(store: SessionStore) {
  let letThrough = () => {};
  const gate = new Promise<void>((resolve) => {
    letThrough = resolve;
  });
  let saveAsked = () => {};
  const asked = new Promise<void>((resolve) => {
    saveAsked = resolve;
  });
  const held: SessionStore = {
    ...store,
    save: async (session, writer) => {
      saveAsked();
      await gate;
      return store.save(session, writer);
    },
  };
  return { held, asked, letThrough };
}

describe('the app actor keeps the session: persistence and the writer lock (fake-indexeddb)', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
  });

  it('saved only when stored: the status says saving while the write is in the store, saved once it confirmed it', async () => {
    const store = await openSessionStore();
    const { held, asked, letThrough } = heldBack(store);
    const { actor, sessionId } = await openedWith(held);
    await asked;
    expect(saveStatus(actor.getSnapshot().context)).toMatchObject({ kind: 'saving', entryCount: 0 });
    expect(await store.load(sessionId)).toBeUndefined();
    letThrough();
    const saved = await waitFor(actor, (s) => saveStatus(s.context)?.kind === 'saved');
    const stored = await store.load(sessionId);
    expect(stored?.entries).toHaveLength(17);
    expect(saveStatus(saved.context)).toEqual({ kind: 'saved', entryCount: 17, headHash: stored?.entries.at(-1)?.hash });
    expect(stored?.walkthrough).toEqual(saved.context.walkthrough);

    // A change recorded next is saving until its own entry is stored.
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    expect(saveStatus(actor.getSnapshot().context)).toMatchObject({ kind: 'saving', entryCount: 17 });
    await waitFor(actor, (s) => s.context.storedCount === 18);
    expect((await store.load(sessionId))?.entries.at(-1)?.event).toMatchObject({ type: 'thresholds.change', value: 41 });
    actor.stop();
  });

  it('a failed write (quota) is said, and loses nothing: the entries stay in memory, shown as not saved', async () => {
    const store = await openSessionStore();
    const full: SessionStore = {
      ...store,
      save: () => Promise.reject(new DOMException('', 'QuotaExceededError')),
    };
    const { actor, sessionId } = await openedWith(full);
    const failed = await waitFor(actor, (s) => s.context.storageProblem !== null);
    expect(failed.context.storageProblem).toBe("the browser's storage quota for this site is used up (QuotaExceededError)");
    expect(saveStatus(failed.context)).toMatchObject({ kind: 'unsaved', entryCount: 0 });
    expect(failed.context.ledger).toHaveLength(17);
    expect(failed.context.walkthrough?.events).toHaveLength(17);
    expect(await store.load(sessionId)).toBeUndefined();
    actor.stop();
  });

  it('a lost lock: once another tab claims the session, this one is read-only and shows the session as stored', async () => {
    const store = await openSessionStore();
    const { actor, sessionId } = await openedWith(store);
    await waitFor(actor, (s) => saveStatus(s.context)?.kind === 'saved');
    const asTheOtherTabFound = await store.claim(sessionId, 'another tab');
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(18);
    const lost = await waitFor(actor, (s) => s.context.writer === 'lost');
    expect(saveStatus(lost.context)).toMatchObject({ kind: 'readOnly', entryCount: 17 });
    expect(lost.context.walkthrough).toEqual(asTheOtherTabFound?.walkthrough);
    expect((await store.load(sessionId))?.entries).toHaveLength(17);
    actor.send(change(42));
    expect(actor.getSnapshot().context.refusal).toContain('this tab is read-only');
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(17);
    actor.stop();
  });
});

describe('the writer lock across tabs (Web Locks as the browser gives them, fake-indexeddb)', () => {
  beforeEach(() => {
    globalThis.indexedDB = new IDBFactory();
    Object.defineProperty(globalThis, 'navigator', { value: { locks: webLocks() }, configurable: true });
  });
  afterEach(() => {
    Reflect.deleteProperty(globalThis, 'navigator');
  });

  it('a second tab opens read-only; taking over makes the first read-only: it has lost the session', async () => {
    const store = await openSessionStore();
    const { actor: first, sessionId } = await openedWith(store);
    await waitFor(first, (s) => saveStatus(s.context)?.kind === 'saved');

    const restored = await store.latest();
    const second = createActor(appMachine, {
      input: { library: [], defaultProfile: await defaultProfile(), restored, storageProblem: null, store },
    }).start();
    const elsewhere = await waitFor(second, (s) => s.context.writer === 'elsewhere');
    expect(saveStatus(elsewhere.context)).toMatchObject({ kind: 'readOnly', entryCount: 17 });
    second.send(change(41));
    expect(second.getSnapshot().context.refusal).toContain('this tab is read-only');

    second.send({ type: 'writer.takeOver' });
    await waitFor(second, (s) => s.context.writer === 'writing');
    const lost = await waitFor(first, (s) => s.context.writer === 'lost');
    expect(saveStatus(lost.context)).toMatchObject({ kind: 'readOnly', entryCount: 17 });
    first.send(change(42));
    expect(first.getSnapshot().context.refusal).toContain('this tab is read-only');
    expect(first.getSnapshot().context.walkthrough?.events).toHaveLength(17);

    second.send(change(43));
    second.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    await waitFor(second, (s) => s.context.storedCount === 18);
    expect((await store.load(sessionId))?.entries.at(-1)?.event).toMatchObject({ type: 'thresholds.change', value: 43 });
    first.stop();
    second.stop();
  });
});
