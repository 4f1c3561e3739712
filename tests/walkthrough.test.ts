import { describe, expect, it } from 'vitest';
import { defaultThresholdValues } from '../machines/policy/thresholds';
import { foldSession } from '../src/session/fold';
import { defaultProfile } from '../src/session/profile';
import {
  foldWalkthrough,
  moveTo,
  openWalkthrough,
  recordEvent,
  recordThresholdSet,
  recordTransition,
} from '../src/session/walkthrough';
import { viewWalkthrough } from '../src/session/walkthroughView';
import { by, loadBuiltInScenario } from './support';

const open = async (file: string) => openWalkthrough(loadBuiltInScenario(file), await defaultProfile(), '2026-11-25T10:00:00Z');
const wall = '2026-11-25T10:05:00Z';

describe('walkthrough session', () => {
  it('an operator change is pinned to its step: stepping back hides it, stepping forward restores it', async () => {
    const w = moveTo(await open('late-life-reduced-crew.json'), 12, '2026-11-25T10:01:00Z');
    expect(viewWalkthrough(w).recommendation?.outcome).toBe('return-reduced-crew');
    const changed = recordEvent(
      w,
      { type: 'thresholds.change', key: 'maxDescentCabinTempC.nominal', value: 34, reason: 'what-if' },
      by,
      wall,
    );
    if (!changed.ok) throw new Error(changed.reason);
    const at12 = viewWalkthrough(changed.walkthrough);
    expect(at12.recommendation?.outcome).toBe('return-on-damaged-vehicle');
    const event = changed.walkthrough.events.at(-1)?.event;
    expect(event).toMatchObject({
      type: 'thresholds.change',
      previousValue: 27,
      value: 34,
      reason: 'what-if',
      by,
      at: '2032-07-11T15:00:00.000Z'.replace('.000', ''),
    });
    expect(
      viewWalkthrough(moveTo(changed.walkthrough, 11, '2026-11-25T10:01:00Z')).snapshot.context.thresholds[
        'maxDescentCabinTempC.nominal'
      ],
    ).toBe(27);
    expect(
      viewWalkthrough(moveTo(moveTo(changed.walkthrough, 11, '2026-11-25T10:01:00Z'), 12, '2026-11-25T10:01:00Z')).recommendation
        ?.outcome,
    ).toBe('return-on-damaged-vehicle');
  });

  it('the fold extended by a recorded action equals a fold from scratch', async () => {
    const w = moveTo(await open('soyuz-ms-22.json'), 17, '2026-11-25T10:01:00Z');
    const changed = recordEvent(w, { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 38 }, by, wall);
    if (!changed.ok) throw new Error(changed.reason);
    const confirmed = recordEvent(
      changed.walkthrough,
      { type: 'decision.override', outcome: 'emergency-return', rationale: 'r' },
      by,
      wall,
    );
    if (!confirmed.ok) throw new Error(confirmed.reason);
    const fresh = foldSession(confirmed.walkthrough);
    const cached = foldWalkthrough(confirmed.walkthrough);
    expect(cached.steps.map((s) => s.record)).toEqual(fresh.steps.map((s) => s.record));
    expect(cached.snapshot.value).toEqual(fresh.snapshot.value);
    expect(cached.snapshot.context).toEqual(fresh.snapshot.context);
  });

  it('the machine decides whether a confirmation is possible: not while the recommendation is undecided', async () => {
    const w = moveTo(await open('soyuz-ms-22.json'), 17, wall);
    expect(viewWalkthrough(w).confirmRefusal).toBeNull();
    const strict = recordEvent(w, { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 38 }, by, wall);
    if (!strict.ok) throw new Error(strict.reason);
    expect(viewWalkthrough(strict.walkthrough).recommendation?.outcome).toBe('undecided');
    expect(viewWalkthrough(strict.walkthrough).confirmRefusal).toContain('nothing to confirm');
  });

  it('the status line leads with the decision in force, the recommendation beside it when it differs', async () => {
    const at17 = moveTo(await open('soyuz-ms-22.json'), 17, wall);
    const before = viewWalkthrough(at17).status;
    expect(before).toMatchObject({
      decision: null,
      recommendation: 'launch-replacement',
      recommendationDiffers: true,
      headline: 'launch-replacement',
      phase: 'anomaly.decision',
      decidingRow: { index: 4, id: 'replacement-feasible' },
    });
    const overridden = recordEvent(
      at17,
      { type: 'decision.override', outcome: 'emergency-return', rationale: 'waiver' },
      by,
      wall,
    );
    if (!overridden.ok) throw new Error(overridden.reason);
    const after = viewWalkthrough(overridden.walkthrough).status;
    expect(after).toMatchObject({
      decision: { outcome: 'emergency-return', kind: 'overridden' },
      recommendation: 'launch-replacement',
      recommendationDiffers: true,
      headline: 'emergency-return',
    });
    expect(after.lastChange?.step.event.type).toBe('decision.override');
  });

  it('records only at the frontier: viewing an earlier step is read-only', async () => {
    const w = moveTo(moveTo(await open('soyuz-ms-22.json'), 17, wall), 10, wall);
    const refused = recordEvent(w, { type: 'thresholds.change', key: 'maxDescentCabinTempC.nominal', value: 30 }, by, wall);
    expect(refused).toMatchObject({ ok: false, reason: expect.stringContaining('latest step reached (17)') });
  });

  it('refuses invalid or impossible actions with a reason and changes nothing', async () => {
    const w = moveTo(await open('soyuz-ms-22.json'), 17, '2026-11-25T10:01:00Z');
    expect(
      recordEvent(w, { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 10 }, by, wall),
    ).toMatchObject({ ok: false, reason: expect.stringContaining('no stricter') });
    expect(recordEvent(w, { type: 'thresholds.change', key: 'nope', value: 1 }, by, wall)).toMatchObject({ ok: false });
    expect(recordEvent(w, { type: 'decision.override', outcome: 'emergency-return', rationale: ' ' }, by, wall)).toMatchObject({
      ok: false,
    });
    // An override to the recommended outcome is a confirmation in disguise: refused, in the machine's words.
    expect(
      recordEvent(w, { type: 'decision.override', outcome: 'launch-replacement', rationale: 'as recommended' }, by, wall),
    ).toMatchObject({
      ok: false,
      reason: 'launch-replacement is the recommendation: confirm it instead (an override decides another outcome)',
    });
    expect(recordEvent(moveTo(await open('soyuz-ms-22.json'), 3, wall), { type: 'decision.confirm' }, by, wall)).toMatchObject({
      ok: false,
      reason: 'decision.confirm does not apply in state anomaly.inspection',
    });
    expect(recordEvent(w, { type: 'session.note', text: '\u200b' }, by, wall)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('a note with visible characters'),
    });
    expect(w.events.every((e) => e.scriptedStep !== undefined)).toBe(true);
  });

  it('a whole threshold set is recorded in an order where every change is valid', async () => {
    const w = moveTo(await open('soyuz-ms-22.json'), 17, '2026-11-25T10:01:00Z');
    const target = { ...defaultThresholdValues, 'maxDescentCabinTempC.nominal': 45, 'maxDescentCabinTempC.emergency': 50 };
    const recorded = recordThresholdSet(w, target, 'hot profile', by, wall);
    if (!recorded.ok) throw new Error(recorded.reason);
    const added = recorded.walkthrough.events.filter((e) => e.scriptedStep === undefined);
    expect(added.map((o) => o.event.type === 'thresholds.change' && o.event.key)).toEqual([
      'maxDescentCabinTempC.emergency',
      'maxDescentCabinTempC.nominal',
    ]);
    expect(viewWalkthrough(recorded.walkthrough).snapshot.context.thresholds).toEqual(target);
  });

  it('after the decision, the recommendation shown is the decision situation under the current thresholds', async () => {
    const w = moveTo(await open('soyuz-ms-22.json'), 29, '2026-11-25T10:01:00Z');
    const view = viewWalkthrough(w);
    expect(view.snapshot.matches('crewHome')).toBe(true);
    expect(view.recommendation?.outcome).toBe('launch-replacement');
    expect(view.flipPoints.length).toBeGreaterThan(0);
  });

  it('a transition taken by its type alone is checked like any event: the schema for what it needs, the machine for now', async () => {
    const atDecision = moveTo(await open('soyuz-ms-22.json'), 17, wall);
    const confirmed = recordTransition(atDecision, 'decision.confirm', by, wall);
    if (!confirmed.ok) throw new Error(confirmed.reason);
    expect(viewWalkthrough(confirmed.walkthrough).snapshot.matches('replacementCampaign')).toBe(true);
    const override = recordTransition(atDecision, 'decision.override', by, wall);
    expect(override.ok).toBe(false);
    expect(recordTransition(atDecision, 'no.such-event', by, wall).ok).toBe(false);
    expect(recordTransition(moveTo(atDecision, 3, wall), 'decision.confirm', by, wall)).toMatchObject({
      ok: false,
      reason: expect.stringContaining('you are viewing step 3'),
    });
  });
});
