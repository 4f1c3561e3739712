import { describe, expect, it } from 'vitest';
import { parsePacket } from '../src/files/packetFile';
import { type DecisionPacket, eventsOf, extendLedger, makePacket } from '../src/record/ledger';
import { canonicalJson, sha256Hex } from '../src/session/canonicalJson';
import { type SessionFold, snapshotAfter } from '../src/session/fold';
import { stateName } from '../src/session/model';
import { defaultProfile } from '../src/session/profile';
import { replayWalkthrough } from '../src/session/replayWalkthrough';
import {
  eventsInView,
  foldWalkthrough,
  moveTo,
  openWalkthrough,
  recordEvent,
  type Walkthrough,
} from '../src/session/walkthrough';
import { by, loadBuiltInScenario } from './support';

const replayOpenedUtc = '2027-01-01T00:00:00Z';

function recorded(result: ReturnType<typeof recordEvent>): Walkthrough {
  if (!result.ok) throw new Error(result.reason);
  return result.walkthrough;
}

/** A packet as the app exports it, read back as an import reads it: scripted steps with operators' events between them. */
async function exportedPacket(file: string, operatorsAct: boolean): Promise<DecisionPacket> {
  const scenario = loadBuiltInScenario(file);
  const profile = await defaultProfile();
  let w = openWalkthrough(scenario, profile, '2026-11-25T10:00:00Z');
  if (operatorsAct) {
    w = moveTo(w, 17, '2026-11-25T10:01:00Z');
    w = recorded(
      recordEvent(
        w,
        { type: 'thresholds.change', key: 'maxDescentCabinTempC.emergency', value: 41, reason: 'what-if' },
        by,
        '2026-11-25T10:02:00Z',
      ),
    );
    w = recorded(recordEvent(w, { type: 'session.note', text: 'waiver discussed' }, by, '2026-11-25T10:03:00Z'));
    w = recorded(
      recordEvent(
        w,
        { type: 'decision.override', outcome: 'return-reduced-crew', rationale: 'cooling garments' },
        by,
        '2026-11-25T10:04:00Z',
      ),
    );
  }
  w = moveTo(w, scenario.events.length, '2026-11-25T10:05:00Z');
  const ledger = await extendLedger(scenario, profile, [], foldWalkthrough(w));
  const parsed = parsePacket('exported.json', JSON.stringify(makePacket(scenario, profile, ledger)));
  if (!parsed.ok) throw new Error(parsed.problems.map((p) => p.expected).join('; '));
  return parsed.value;
}

/** The entries whose recorded state, derived record or thresholds the fold does not reproduce. */
async function unreproduced(packet: DecisionPacket, fold: SessionFold): Promise<number[]> {
  const seqs: number[] = [];
  for (const [i, entry] of packet.entries.entries()) {
    const step = fold.steps[i];
    if (!step) {
      seqs.push(entry.seq);
      continue;
    }
    const { thresholds, ...derived } = step.record;
    const same =
      stateName(step.before.value) === entry.derived.stateBefore &&
      stateName(step.after.value) === entry.derived.stateAfter &&
      canonicalJson(derived) === canonicalJson(entry.derived) &&
      (await sha256Hex(canonicalJson(thresholds))) === entry.profile.hash;
    if (!same) seqs.push(entry.seq);
  }
  return seqs;
}

const replayOf = (packet: DecisionPacket) =>
  replayWalkthrough({ scenario: packet.scenario, profile: packet.profile, events: eventsOf(packet) }, replayOpenedUtc);

describe('an imported packet replayed as a walkthrough', () => {
  it.each([
    ['soyuz-ms-22.json', true],
    ['soyuz-ms-22.json', false],
    ['station-emergency.json', false],
    ['late-life-reduced-crew.json', false],
  ])(
    '%s (operators acting: %s): starts at the beginning with the packet’s events, and its fold reproduces every entry',
    async (file, operatorsAct) => {
      const packet = await exportedPacket(file, operatorsAct);
      const replay = replayOf(packet);
      expect(replay.cursor).toBe(0);
      expect(replay.openedUtc).toBe(replayOpenedUtc);
      expect(replay.events).toEqual(eventsOf(packet));
      const fold = foldWalkthrough(replay);
      expect(fold.steps).toHaveLength(packet.entries.length);
      expect(await unreproduced(packet, fold)).toEqual([]);
    },
  );

  it('steps through the recorded steps without recording anything: each step shows the state its entries recorded', async () => {
    const packet = await exportedPacket('soyuz-ms-22.json', true);
    const replay = replayOf(packet);
    const steps = replay.scenario.events.length;
    expect(replay.events.filter((e) => e.scriptedStep !== undefined).map((e) => e.scriptedStep)).toEqual([
      ...Array(steps).keys(),
    ]);
    for (let cursor = 1; cursor <= steps; cursor++) {
      const at = moveTo(replay, cursor, '2099-01-01T00:00:00Z');
      expect(at.events).toBe(replay.events);
      const inView = eventsInView(at);
      const lastInView = packet.entries[inView - 1];
      expect(stateName(snapshotAfter(foldWalkthrough(at), inView).value)).toBe(lastInView?.derived.stateAfter);
      // The operators' threshold change, note and override sit between scripted steps 16 and 17, as recorded.
      if (cursor === 17)
        expect(packet.entries.slice(inView - 3, inView).map((e) => e.event.type)).toEqual([
          'thresholds.change',
          'session.note',
          'decision.override',
        ]);
    }
  });

  it('the comparison finds an entry whose recorded state the replay does not give', async () => {
    const packet = await exportedPacket('soyuz-ms-22.json', true);
    const altered = structuredClone(packet);
    const override = altered.entries.find((e) => e.event.type === 'decision.override');
    if (!override) throw new Error('no override recorded');
    override.derived.stateAfter = 'replacementCampaign.interimPlan';
    expect(await unreproduced(altered, foldWalkthrough(replayOf(altered)))).toEqual([override.seq]);
  });
});
