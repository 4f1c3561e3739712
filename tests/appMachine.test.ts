import { describe, expect, it } from 'vitest';
import { createActor, fromCallback } from 'xstate';
import { sessionIdOf } from '../src/files/sessionStore';
import { extendLedger } from '../src/record/ledger';
import { defaultProfile } from '../src/session/profile';
import { foldWalkthrough, frontier } from '../src/session/walkthrough';
import { appMachine } from '../src/ui/app/appMachine';
import { explorationOf } from '../src/ui/app/appTypes';
import { saveStatus } from '../src/ui/app/saveStatus';
import { loadBuiltInScenario } from './support';

const wall = '2026-11-26T10:00:00Z';

/**
 * The chart alone: here the writer lock's and the store's answers are sent by hand, at the moment each
 * test names. The actors that send them for real are tested in tests/sessionActors.test.ts.
 */
const chartAlone = appMachine.provide({
  actors: { sessionPersistence: fromCallback(() => {}), sessionWriter: fromCallback(() => {}) },
});
const flight = { name: 'Flight', role: 'flight director' };
const next = { name: 'Next shift', role: 'flight director' };

async function started() {
  const scenario = loadBuiltInScenario('soyuz-ms-22.json');
  const actor = createActor(chartAlone, {
    input: { library: [scenario], defaultProfile: await defaultProfile(), restored: undefined, storageProblem: null },
  }).start();
  actor.send({ type: 'scenario.open', scenario, openedUtc: wall });
  actor.send({ type: 'step.to', cursor: 17, wallClockUtc: wall });
  return actor;
}

/** The walkthrough is on screen, in that mode. */
const walkthroughIn = (actor: Awaited<ReturnType<typeof started>>, kind: 'recording' | 'exploring' | 'replaying') =>
  actor.getSnapshot().matches({ view: 'walkthrough' }) && actor.getSnapshot().context.mode.kind === kind;

const change = (value: number) =>
  ({
    type: 'change.request',
    change: { kind: 'event', request: { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value } },
    wallClockUtc: wall,
  }) as const;

describe('the app flow (a statechart used through @xstate/react)', () => {
  it('asks who is operating at the first change, then records it as theirs; cancelling records nothing', async () => {
    const actor = await started();
    expect(actor.getSnapshot().matches({ view: 'walkthrough', operator: 'unknown' })).toBe(true);
    actor.send(change(41));
    expect(actor.getSnapshot().matches({ operator: 'identifying' })).toBe(true);
    actor.send({ type: 'operator.cancel' });
    expect(actor.getSnapshot().matches({ operator: 'unknown' })).toBe(true);
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(17);
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    const { walkthrough, operator, pending } = actor.getSnapshot().context;
    expect(operator).toEqual(flight);
    expect(pending).toBeNull();
    expect(walkthrough?.events.at(-1)?.event).toMatchObject({ type: 'thresholds.change', value: 41, by: flight });
  });

  it('a decision by an identified operator waits for their passphrase again; a change without meaning does not; idle locks them', async () => {
    const actor = await started();
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    actor.send(change(42));
    expect(actor.getSnapshot().matches({ operator: 'identified' })).toBe(true);
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(19);
    const confirm = {
      type: 'change.request',
      change: { kind: 'event', request: { type: 'decision.confirm' } },
      wallClockUtc: wall,
    } as const;
    actor.send(confirm);
    expect(actor.getSnapshot().matches({ operator: 'identifying' })).toBe(true);
    expect(actor.getSnapshot().context.pending).toEqual(confirm.change);
    actor.send({ type: 'operator.cancel' });
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(19);
    actor.send(confirm);
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    expect(actor.getSnapshot().context.walkthrough?.events.at(-1)?.event).toMatchObject({ type: 'decision.confirm', by: flight });
    // No handover is recorded for the same person signing.
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(20);
    actor.send({ type: 'operator.lock' });
    expect(actor.getSnapshot().matches({ operator: 'unknown' })).toBe(true);
    expect(actor.getSnapshot().context.operator).toBeNull();
    // Someone else records next: the session's authority passes to them by a handover, as verification requires.
    actor.send(change(43));
    actor.send({ type: 'operator.identify', operator: next, wallClockUtc: wall });
    const events = actor
      .getSnapshot()
      .context.walkthrough?.events.slice(-2)
      .map((e) => e.event);
    expect(events).toMatchObject([
      { type: 'operator.handover', from: flight, by: next },
      { type: 'thresholds.change', value: 43, by: next },
    ]);
    // The same person again after a lock: no handover.
    actor.send({ type: 'operator.lock' });
    actor.send(change(44));
    actor.send({ type: 'operator.identify', operator: next, wallClockUtc: wall });
    expect(actor.getSnapshot().context.walkthrough?.events.at(-1)?.event).toMatchObject({ type: 'thresholds.change', value: 44 });
    expect(actor.getSnapshot().context.walkthrough?.events.at(-2)?.event).toMatchObject({ type: 'thresholds.change', value: 43 });
  });

  it('a handover records what follows under the next operator; cancelling it keeps the current one', async () => {
    const actor = await started();
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    actor.send({ type: 'operator.handover' });
    actor.send({ type: 'operator.cancel' });
    expect(actor.getSnapshot().matches({ operator: 'identified' })).toBe(true);
    expect(actor.getSnapshot().context.operator).toEqual(flight);
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(18);
    actor.send({ type: 'operator.handover' });
    actor.send({ type: 'operator.identify', operator: next, wallClockUtc: '2026-11-26T18:00:00Z' });
    expect(actor.getSnapshot().context.walkthrough?.events.at(-1)).toMatchObject({
      wallClockUtc: '2026-11-26T18:00:00Z',
      event: { type: 'operator.handover', from: flight, by: next },
    });
    actor.send(change(42));
    expect(actor.getSnapshot().context.walkthrough?.events.at(-1)?.event.by).toEqual(next);
  });

  it('an operator can identify before any change (to seal an export): nothing is recorded, and later changes are theirs', async () => {
    const actor = await started();
    actor.send({ type: 'operator.handover' });
    expect(actor.getSnapshot().matches({ operator: 'identifying' })).toBe(true);
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    expect(actor.getSnapshot().context.operator).toEqual(flight);
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(17);
    actor.send(change(41));
    expect(actor.getSnapshot().context.walkthrough?.events.at(-1)?.event.by).toEqual(flight);
  });

  it('"decide yourself" replaces the open session with a new one at the same step; the operator stays', async () => {
    const actor = await started();
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    actor.send({ type: 'session.decideYourself', wallClockUtc: '2026-11-26T11:00:00Z' });
    const { walkthrough, ledger, operator } = actor.getSnapshot().context;
    expect(walkthrough).toMatchObject({ openedUtc: '2026-11-26T11:00:00Z', cursor: 17 });
    expect(walkthrough?.scenario.id).toBe('soyuz-ms-22-own-decision');
    expect(walkthrough?.events).toHaveLength(17);
    expect(ledger).toEqual([]);
    expect(operator).toEqual(flight);
  });

  it('a refused change is not recorded and says why; stepping clears the refusal', async () => {
    const actor = await started();
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    actor.send(change(10));
    expect(actor.getSnapshot().context.refusal).toContain('no stricter than the nominal one');
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(18);
    actor.send({ type: 'step.by', delta: 1, wallClockUtc: wall });
    expect(actor.getSnapshot().context.refusal).toBeNull();
    const walkthrough = actor.getSnapshot().context.walkthrough;
    expect(walkthrough && frontier(walkthrough)).toBe(18);
  });

  it('views: the walkthrough and the audit trail need something to show', async () => {
    const scenario = loadBuiltInScenario('soyuz-ms-22.json');
    const actor = createActor(chartAlone, {
      input: { library: [scenario], defaultProfile: await defaultProfile(), restored: undefined, storageProblem: null },
    }).start();
    expect(actor.getSnapshot().matches({ view: 'library' })).toBe(true);
    actor.send({ type: 'view.walkthrough' });
    actor.send({ type: 'view.audit' });
    expect(actor.getSnapshot().matches({ view: 'library' })).toBe(true);
  });
});

describe('one writer, and only what is stored is called saved', () => {
  const sessionOf = (actor: Awaited<ReturnType<typeof started>>) => {
    const walkthrough = actor.getSnapshot().context.walkthrough;
    if (!walkthrough) throw new Error('no session');
    return sessionIdOf(walkthrough);
  };

  it('a change is saving until its entries are stored, then saved', async () => {
    const actor = await started();
    const sessionId = sessionOf(actor);
    actor.send({ type: 'writer.granted', sessionId, stored: undefined });
    expect(saveStatus(actor.getSnapshot().context)).toMatchObject({ kind: 'saving', entryCount: 0 });
    const walkthrough = actor.getSnapshot().context.walkthrough;
    if (!walkthrough) throw new Error('no session');
    const entries = await extendLedger(walkthrough.scenario, walkthrough.profile, [], foldWalkthrough(walkthrough));
    actor.send({ type: 'storage.failed', sessionId, entries, reason: 'quota' });
    expect(saveStatus(actor.getSnapshot().context)).toMatchObject({ kind: 'unsaved', entryCount: 0 });
    expect(actor.getSnapshot().context.ledger).toHaveLength(17);
    actor.send({ type: 'ledger.stored', sessionId, entries });
    expect(saveStatus(actor.getSnapshot().context)).toEqual({
      kind: 'saved',
      entryCount: 17,
      headHash: entries.at(-1)?.hash,
    });
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    expect(saveStatus(actor.getSnapshot().context)).toMatchObject({ kind: 'saving', entryCount: 17 });
  });

  it('read-only while another tab records: nothing is recorded, stepping stays within the record; taken over, it records', async () => {
    const actor = await started();
    const sessionId = sessionOf(actor);
    actor.send({ type: 'writer.granted', sessionId, stored: undefined });
    actor.send(change(41));
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    const saved = actor.getSnapshot().context.walkthrough;
    if (!saved) throw new Error('no session');
    const entries = await extendLedger(saved.scenario, saved.profile, [], foldWalkthrough(saved));
    actor.send({ type: 'ledger.stored', sessionId, entries });
    // A change still saving when the tab loses the session (the store unreadable then) is not shown.
    actor.send(change(43));
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(19);
    actor.send({ type: 'writer.denied', sessionId, because: 'lost', stored: undefined });
    expect(saveStatus(actor.getSnapshot().context)).toMatchObject({ kind: 'readOnly', entryCount: 18 });
    expect(actor.getSnapshot().context.walkthrough?.events).toEqual(saved.events);
    // Nor does a write that ends after the loss.
    actor.send({ type: 'ledger.stored', sessionId, entries: [...entries, ...entries.slice(-1)] });
    expect(actor.getSnapshot().context.storedCount).toBe(18);
    actor.send(change(42));
    expect(actor.getSnapshot().context.refusal).toContain('this tab is read-only');
    actor.send({ type: 'step.by', delta: 1, wallClockUtc: wall });
    actor.send({ type: 'operator.handover' });
    actor.send({ type: 'operator.identify', operator: next, wallClockUtc: wall });
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(18);
    expect(actor.getSnapshot().context.walkthrough?.cursor).toBe(17);

    // Another session's news is not this one's.
    actor.send({ type: 'writer.granted', sessionId: 'other@2026', stored: undefined });
    expect(actor.getSnapshot().context.writer).toBe('lost');
    actor.send({ type: 'writer.granted', sessionId, stored: undefined });
    actor.send(change(42));
    expect(actor.getSnapshot().context.walkthrough?.events).toHaveLength(19);

    // Reopening the open session from the library keeps the lock this tab holds; another session claims its own.
    const { walkthrough, ledger, operator } = actor.getSnapshot().context;
    if (!walkthrough) throw new Error('no session');
    const stored = { id: sessionId, walkthrough, entries: ledger, operator, updatedUtc: wall };
    actor.send({ type: 'session.restore', session: stored });
    expect(actor.getSnapshot().context.writer).toBe('writing');
    actor.send({ type: 'session.restore', session: { ...stored, id: 'other@2026' } });
    expect(actor.getSnapshot().context.writer).toBe('claiming');
  });
});

describe('refusals', () => {
  it('explores without recording: no operator asked, the session unchanged; adopting records the thresholds once', async () => {
    const actor = await started();
    const recorded = actor.getSnapshot().context.walkthrough;
    actor.send({ type: 'explore.start' });
    expect(walkthroughIn(actor, 'exploring')).toBe(true);
    actor.send({ type: 'explore.change', change: change(38).change, wallClockUtc: wall });
    actor.send({ type: 'explore.try', key: 'peakCabinTempC.crew2', value: { nominal: 30, source: 'explored' } });
    // A change request while exploring (a stray keyboard commit) is not recorded either.
    actor.send(change(39));
    let context = actor.getSnapshot().context;
    expect(actor.getSnapshot().matches({ operator: 'unknown' })).toBe(true);
    expect(context.walkthrough).toBe(recorded);
    expect(explorationOf(context)?.walkthrough.events.at(-1)?.event).toMatchObject({ type: 'thresholds.change', value: 38 });
    expect(explorationOf(context)?.tried).toHaveProperty('peakCabinTempC.crew2');

    actor.send({ type: 'explore.discard' });
    context = actor.getSnapshot().context;
    expect(explorationOf(context)).toBeNull();
    expect(context.walkthrough).toBe(recorded);

    actor.send({ type: 'explore.start' });
    actor.send({ type: 'explore.adopt', reason: 'nothing changed', wallClockUtc: wall });
    expect(walkthroughIn(actor, 'exploring')).toBe(true); // nothing to adopt
    actor.send({ type: 'explore.change', change: change(42).change, wallClockUtc: wall });
    actor.send({ type: 'explore.adopt', reason: 'surgeon accepts 42', wallClockUtc: wall });
    expect(walkthroughIn(actor, 'recording') && actor.getSnapshot().matches({ operator: 'identifying' })).toBe(true);
    actor.send({ type: 'operator.identify', operator: flight, wallClockUtc: wall });
    const events = actor.getSnapshot().context.walkthrough?.events ?? [];
    expect(events).toHaveLength(18);
    expect(events.at(-1)?.event).toMatchObject({
      type: 'thresholds.change',
      value: 42,
      reason: 'surgeon accepts 42',
      by: flight,
    });
  });
});
