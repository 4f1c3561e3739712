import { describe, expect, it } from 'vitest';
import { decisionSentence } from '../src/reports/recordWords';
import { isDecisionEvent, ownDecisionScenario, scriptedDecisionNear } from '../src/session/history';
import { defaultProfile } from '../src/session/profile';
import { decideYourself, frontier, moveTo, openWalkthrough, recordEvent, recordHandover } from '../src/session/walkthrough';
import { viewWalkthrough } from '../src/session/walkthroughView';
import { by, loadBuiltInScenario } from './support';

const ms22 = loadBuiltInScenario('soyuz-ms-22.json');
const decisionIndex = ms22.events.findIndex(isDecisionEvent);
const open = async () => openWalkthrough(ms22, await defaultProfile(), '2026-11-26T10:00:00Z');
const wall = '2026-11-26T10:05:00Z';

describe('history and one’s own decision', () => {
  it('a replayed scripted decision is recorded as the script’s, marked so, never as the operator’s', async () => {
    const w = moveTo(await open(), decisionIndex + 1, wall);
    const { decision } = viewWalkthrough(w).record;
    expect(decision).toMatchObject({ kind: 'confirmed', outcome: 'launch-replacement', scripted: true });
    expect(decision?.by.name).toBe('State commission (Roscosmos), NASA concurring');
  });

  it('an operator’s own confirmation at the same step is not scripted', async () => {
    const w = moveTo(await open(), decisionIndex, wall);
    const confirmed = recordEvent(w, { type: 'decision.confirm' }, by, wall);
    if (!confirmed.ok) throw new Error(confirmed.reason);
    const { decision } = viewWalkthrough(confirmed.walkthrough).record;
    expect(decision).toMatchObject({ outcome: 'launch-replacement', scripted: false, by });
  });

  it('says which scripted decision the next step replays, and which one was just replayed', () => {
    expect(scriptedDecisionNear(ms22, decisionIndex)).toMatchObject({ step: decisionIndex + 1, replayed: false });
    expect(scriptedDecisionNear(ms22, decisionIndex + 1)).toMatchObject({ step: decisionIndex + 1, replayed: true });
    expect(scriptedDecisionNear(ms22, decisionIndex - 1)).toBeNull();
    expect(scriptedDecisionNear(ms22, decisionIndex + 2)).toBeNull();
  });

  it('a replayed scripted decision that takes another outcome than the file states is flagged in the record and its words', async () => {
    let w = moveTo(await open(), decisionIndex, wall);
    for (const [key, value] of [
      ['maxDescentCabinTempC.emergency', 43],
      ['maxDescentCabinTempC.nominal', 43],
      ['maxDescentCabinHumidityPct.nominal', 95],
    ] as const) {
      const changed = recordEvent(w, { type: 'thresholds.change', key, value }, by, wall);
      if (!changed.ok) throw new Error(changed.reason);
      w = changed.walkthrough;
    }
    const { decision } = viewWalkthrough(moveTo(w, frontier(w) + 1, wall)).record;
    expect(decision).toMatchObject({
      scripted: true,
      outcome: 'return-on-damaged-vehicle',
      statedOutcomeDiffers: 'launch-replacement',
    });
    expect(decisionSentence(decision)).toContain('not what the file says was decided: launch-replacement');
  });

  it("only the file's final scripted decision is held to its stated outcome: an earlier one may rightly take another", async () => {
    const scenario = loadBuiltInScenario('suspect-parachutes-contingency.json');
    const run = openWalkthrough(scenario, await defaultProfile(), wall);
    const firstDecision = scenario.events.findIndex(isDecisionEvent);
    const { decision } = viewWalkthrough(moveTo(run, firstDecision + 1, wall)).record;
    expect(decision).toMatchObject({ scripted: true, outcome: 'continue-with-contingency', statedOutcomeDiffers: null });
    expect(scenario.expected.outcome).toBe('return-on-damaged-vehicle');
  });

  it('deciding oneself keeps every step in place, the script’s decisions as unapplied history notes', () => {
    const own = ownDecisionScenario(ms22);
    expect(own.id).toBe('soyuz-ms-22-own-decision');
    // An edited copy of history is not history: the decision in it is the operator's.
    expect(own.kind).toBe('hypothetical');
    expect(own.events).toHaveLength(ms22.events.length);
    expect(own.events.some(isDecisionEvent)).toBe(false);
    const note = own.events[decisionIndex];
    expect(note).toMatchObject({ type: 'session.note', at: ms22.events[decisionIndex]?.at });
    expect(note?.type === 'session.note' && note.text).toContain('History: State commission');
    expect(ownDecisionScenario(own)).toBe(own);
  });

  it('"decide yourself" opens a new session at the same step, where past the script’s decision nothing is decided', async () => {
    const history = moveTo(await open(), decisionIndex + 3, wall);
    const own = decideYourself(history, '2026-11-26T11:00:00Z');
    expect(own.openedUtc).toBe('2026-11-26T11:00:00Z');
    expect(own.cursor).toBe(history.cursor);
    expect(frontier(own)).toBe(history.cursor);
    expect(own.events.every((e) => e.scriptedStep !== undefined)).toBe(true);
    const view = viewWalkthrough(own);
    expect(view.record.decision).toBeNull();
    expect(view.snapshot.matches({ anomaly: 'decision' })).toBe(true);
    // The interim seat plan after the historical decision does not apply without a decision.
    expect(view.appliedByStep[decisionIndex + 2]).toBe(false);
    const confirmed = recordEvent(own, { type: 'decision.confirm' }, by, wall);
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(viewWalkthrough(confirmed.walkthrough).record.decision).toMatchObject({ scripted: false, by });
  });
});

describe('operator handover', () => {
  const next = { name: 'Vera Shift', role: 'flight director' };

  it('is recorded from whom, to whom, when, even while an earlier step is reviewed', async () => {
    const w = moveTo(moveTo(await open(), 10, wall), 4, wall);
    const handed = recordHandover(w, by, next, '2026-11-26T18:00:00Z');
    if (!handed.ok) throw new Error(handed.reason);
    const entry = handed.walkthrough.events.at(-1);
    expect(entry).toMatchObject({
      wallClockUtc: '2026-11-26T18:00:00Z',
      event: { type: 'operator.handover', from: by, by: next, at: ms22.events[9]?.at },
    });
    const step = viewWalkthrough({ ...handed.walkthrough, cursor: 10 }).fold.steps.at(-1);
    expect(step?.record.applied).toBe(true);
  });

  it('to the same operator is not a handover', async () => {
    expect(recordHandover(await open(), by, { ...by }, wall)).toEqual({ ok: false, reason: 'unchanged' });
  });
});
